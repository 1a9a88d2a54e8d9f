import { Migration } from '@mikro-orm/migrations';

export class Migration20261128005606 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "prices";`);
    this.addSql(
      `create table "prices"."dealer_pricing" ("dealer_id" uuid not null, "tier" text check ("tier" in ('PLATINUM', 'GOLD', 'SILVER', 'BRONZE')) not null, constraint "dealer_pricing_pkey" primary key ("dealer_id"));`,
    );

    this.addSql(
      `create table "prices"."product_price" ("product_id" uuid not null, "list_price" bigint not null, "currency" text not null, constraint "product_price_pkey" primary key ("product_id"));`,
    );

    this.addSql(
      `create table "prices"."promotion" ("id" uuid not null, "name" text not null, "product_id" uuid not null, "discount_bp" int not null, "valid_from" timestamptz not null, "valid_to" timestamptz not null, constraint "promotion_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "promotion_product_id_index" on "prices"."promotion" ("product_id");`);

    this.addSql(
      `create table "prices"."special_price" ("id" uuid not null, "dealer_id" uuid not null, "product_id" uuid not null, "unit_price" bigint not null, "valid_from" timestamptz not null, "valid_to" timestamptz null, constraint "special_price_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "special_price_dealer_id_product_id_index" on "prices"."special_price" ("dealer_id", "product_id");`);

    this.addSql(
      `create table "prices"."tier_rule" ("tier" text check ("tier" in ('PLATINUM', 'GOLD', 'SILVER', 'BRONZE')) not null, "discount_bp" int not null, constraint "tier_rule_pkey" primary key ("tier"));`,
    );

    this.addSql(
      `create table "prices"."volume_break" ("id" serial primary key, "min_quantity" int not null, "max_quantity" int null, "discount_bp" int not null);`,
    );
  }
}
