import { Migration } from '@mikro-orm/migrations';

export class Migration20261130060124 extends Migration {
  override async up(): Promise<void> {
    // Typo-tolerant search (trigram indexes); shipped with PostgreSQL (contrib), trusted since 13.
    this.addSql(`create extension if not exists pg_trgm with schema public;`);
    this.addSql(
      `create table "products"."assortment_grant" ("id" uuid not null, "product_id" uuid not null, "scope" text not null, "value" text not null, constraint "assortment_grant_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "assortment_grant_scope_value_index" on "products"."assortment_grant" ("scope", "value");`);
    this.addSql(
      `alter table "products"."assortment_grant" add constraint "assortment_grant_product_id_scope_value_unique" unique ("product_id", "scope", "value");`,
    );

    this.addSql(
      `create table "products"."dealer_category_limit" ("dealer_id" uuid not null, "category_id" uuid not null, constraint "dealer_category_limit_pkey" primary key ("dealer_id", "category_id"));`,
    );

    this.addSql(
      `create table "products"."dealer_segment" ("dealer_id" uuid not null, "tier" text not null, "region" text not null, "dealer_type" text null, constraint "dealer_segment_pkey" primary key ("dealer_id"));`,
    );

    this.addSql(
      `alter table "products"."product" add column "restriction" text null, add column "search_document" tsvector generated always as (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(sku, '') || ' ' || coalesce(description, ''))) stored null;`,
    );
    this.addSql(`create index "product_sku_trigram_index" on "products"."product" using gin (upper(sku) public.gin_trgm_ops);`);
    this.addSql(`create index "product_sku_prefix_index" on "products"."product" (upper(sku) text_pattern_ops);`);
    this.addSql(`create index "product_name_trigram_index" on "products"."product" using gin (lower(name) public.gin_trgm_ops);`);
    // The words of product names: a typo in the search box is corrected to the nearest of these
    // (trigram similarity) before full-text matching. Refreshed by the seed and by catalog imports.
    this.addSql(
      `create materialized view "products"."search_word" as select word from ts_stat('select to_tsvector(''simple'', name) from "products"."product"') with data;`,
    );
    this.addSql(`create unique index "search_word_word_unique" on "products"."search_word" (word);`);
    this.addSql(`create index "search_word_trigram_index" on "products"."search_word" using gin (word public.gin_trgm_ops);`);
    this.addSql(`create index "product_search_document_index" on "products"."product" using gin (search_document);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "products"."assortment_grant" cascade;`);

    this.addSql(`drop table if exists "products"."dealer_category_limit" cascade;`);

    this.addSql(`drop table if exists "products"."dealer_segment" cascade;`);

    this.addSql(`drop materialized view if exists "products"."search_word";`);
    this.addSql(`drop index "products"."product_sku_trigram_index";`);
    this.addSql(`drop index "products"."product_sku_prefix_index";`);
    this.addSql(`drop index "products"."product_name_trigram_index";`);
    this.addSql(`drop index "products"."product_search_document_index";`);
    this.addSql(`alter table "products"."product" drop column "restriction", drop column "search_document";`);
  }
}
