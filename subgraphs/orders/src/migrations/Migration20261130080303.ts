import { Migration } from '@mikro-orm/migrations';

export class Migration20261130080303 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."special_price_request" ("id" uuid not null, "dealer_id" uuid not null, "requested_by_user_id" uuid not null, "product_id" uuid not null, "sku" text not null, "product_name" text not null, "quantity" int not null, "reason" text not null, "wanted_unit_price" bigint null, "wanted_valid_to" timestamptz null, "currency" text not null, "list_price" bigint not null, "current_unit_price" bigint not null, "level" int not null, "rule" text not null, "routing_reason" text not null, "status" text not null default 'PENDING', "granted_unit_price" bigint null, "granted_quantity" int null, "valid_from" timestamptz null, "valid_to" timestamptz null, "special_price_id" uuid null, "decided_by_user_id" uuid null, "decided_at" timestamptz null, "decision_comment" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "special_price_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "special_price_request_status_level_created_at_index" on "orders"."special_price_request" ("status", "level", "created_at");`,
    );
    this.addSql(
      `create index "special_price_request_dealer_id_created_at_index" on "orders"."special_price_request" ("dealer_id", "created_at");`,
    );
    this.addSql(
      `create unique index "special_price_request_pending_unique" on "orders"."special_price_request" ("dealer_id", "product_id") where "status" = 'PENDING';`,
    );

    this.addSql(`alter table "orders"."order_line" add column "special_price_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."special_price_request" cascade;`);

    this.addSql(`alter table "orders"."order_line" drop column "special_price_id";`);
  }
}
