import { Migration } from '@mikro-orm/migrations';

export class Migration20261130053635 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "products"."order_reservation" ("order_id" uuid not null, "dealer_id" uuid null, "status" text check ("status" in ('RESERVED', 'RELEASED', 'SHIPPED')) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "order_reservation_pkey" primary key ("order_id"));`,
    );

    this.addSql(
      `create table "products"."stock_reservation" ("order_id" uuid not null, "product_id" uuid not null, "warehouse_id" uuid not null, "quantity" int not null, "status" text check ("status" in ('RESERVED', 'RELEASED', 'SHIPPED')) not null, constraint "stock_reservation_pkey" primary key ("order_id", "product_id", "warehouse_id"), constraint stock_reservation_quantity_check check (quantity > 0));`,
    );

    this.addSql(
      `alter table "products"."stock_reservation" add constraint "stock_reservation_product_id_foreign" foreign key ("product_id") references "products"."product" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "products"."stock_reservation" add constraint "stock_reservation_warehouse_id_foreign" foreign key ("warehouse_id") references "products"."warehouse" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(`create index "product_sku_lower_index" on "products"."product" (lower("sku"));`);

    this.addSql(`alter table "products"."stock_level" add constraint stock_level_reserved_check check(reserved >= 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "products"."order_reservation" cascade;`);

    this.addSql(`drop table if exists "products"."stock_reservation" cascade;`);

    this.addSql(`drop index "products"."product_sku_lower_index";`);

    this.addSql(`alter table "products"."stock_level" drop constraint stock_level_reserved_check;`);
  }
}
