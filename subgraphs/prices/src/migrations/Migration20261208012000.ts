import { Migration } from '@mikro-orm/migrations';

/** Dated list prices: list_price_window, and the stage keyed by the window's first instant ('-infinity' for a base price). */
export class Migration20261208012000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "prices"."list_price_window" ("product_id" uuid not null, "valid_from" timestamptz not null, "valid_to" timestamptz null, "list_price" bigint not null, "currency" text not null, constraint "list_price_window_pkey" primary key ("product_id", "valid_from"));`,
    );
    this.addSql(
      `alter table "prices"."list_price_stage" add column "valid_from" timestamptz not null default '-infinity', add column "valid_to" timestamptz null;`,
    );
    this.addSql(`alter table "prices"."list_price_stage" drop constraint "list_price_stage_pkey";`);
    this.addSql(
      `alter table "prices"."list_price_stage" add constraint "list_price_stage_pkey" primary key ("import_id", "product_id", "valid_from");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "prices"."list_price_window" cascade;`);
    this.addSql(`delete from "prices"."list_price_stage" where "valid_from" <> '-infinity';`);
    this.addSql(`alter table "prices"."list_price_stage" drop constraint "list_price_stage_pkey";`);
    this.addSql(`alter table "prices"."list_price_stage" drop column "valid_from", drop column "valid_to";`);
    this.addSql(`alter table "prices"."list_price_stage" add constraint "list_price_stage_pkey" primary key ("import_id", "product_id");`);
  }
}
