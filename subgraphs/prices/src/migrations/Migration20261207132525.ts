import { Migration } from '@mikro-orm/migrations';

export class Migration20261207132525 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "prices"."list_price_import" ("import_id" uuid not null, "dry_run" boolean not null, "result" jsonb not null, "applied_at" timestamptz not null default now(), constraint "list_price_import_pkey" primary key ("import_id"));`,
    );

    this.addSql(
      `create table "prices"."list_price_stage" ("import_id" uuid not null, "product_id" uuid not null, "list_price" bigint not null, "currency" text not null, constraint "list_price_stage_pkey" primary key ("import_id", "product_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "prices"."list_price_import" cascade;`);

    this.addSql(`drop table if exists "prices"."list_price_stage" cascade;`);
  }
}
