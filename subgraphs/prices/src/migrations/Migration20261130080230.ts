import { Migration } from '@mikro-orm/migrations';

export class Migration20261130080230 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "prices"."special_price_use" ("order_id" uuid not null, "dealer_id" uuid null, "status" text not null, "lines" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "special_price_use_pkey" primary key ("order_id"));`,
    );

    this.addSql(
      `alter table "prices"."special_price" add column "quantity_limit" int null, add column "quantity_used" int not null default 0, add column "request_id" uuid null;`,
    );
    this.addSql(`alter table "prices"."special_price" add constraint "special_price_request_id_unique" unique ("request_id");`);
    this.addSql(
      `alter table "prices"."special_price" add constraint special_price_quantity_check check(quantity_used >= 0 and (quantity_limit is null or quantity_used <= quantity_limit));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "prices"."special_price_use" cascade;`);

    this.addSql(`alter table "prices"."special_price" drop constraint "special_price_request_id_unique";`);
    this.addSql(`alter table "prices"."special_price" drop constraint special_price_quantity_check;`);
    this.addSql(
      `alter table "prices"."special_price" drop column "quantity_limit", drop column "quantity_used", drop column "request_id";`,
    );
  }
}
