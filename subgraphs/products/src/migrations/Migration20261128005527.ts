import { Migration } from '@mikro-orm/migrations';

export class Migration20261128005527 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "products";`);
    this.addSql(`create table "products"."brand" ("id" uuid not null, "name" text not null, constraint "brand_pkey" primary key ("id"));`);
    this.addSql(`alter table "products"."brand" add constraint "brand_name_unique" unique ("name");`);

    this.addSql(
      `create table "products"."category" ("id" uuid not null, "name" text not null, "slug" text not null, "parent_id" uuid null, constraint "category_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "products"."category" add constraint "category_slug_unique" unique ("slug");`);
    this.addSql(`create index "category_parent_id_index" on "products"."category" ("parent_id");`);

    this.addSql(
      `create table "products"."product" ("id" uuid not null, "sku" text not null, "name" text not null, "description" text not null, "brand_id" uuid not null, "category_id" uuid not null, "unit" text not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), constraint "product_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "products"."product" add constraint "product_sku_unique" unique ("sku");`);
    this.addSql(`create index "product_brand_id_index" on "products"."product" ("brand_id");`);
    this.addSql(`create index "product_category_id_index" on "products"."product" ("category_id");`);

    this.addSql(
      `create table "products"."warehouse" ("id" uuid not null, "code" text not null, "name" text not null, "city" text not null, constraint "warehouse_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "products"."warehouse" add constraint "warehouse_code_unique" unique ("code");`);

    this.addSql(
      `create table "products"."stock_level" ("product_id" uuid not null, "warehouse_id" uuid not null, "on_hand" int not null, "reserved" int not null default 0, "low_threshold" int not null default 0, constraint "stock_level_pkey" primary key ("product_id", "warehouse_id"));`,
    );

    this.addSql(
      `create table "products"."in_transit" ("id" uuid not null, "product_id" uuid not null, "warehouse_id" uuid not null, "quantity" int not null, "eta" timestamptz null, constraint "in_transit_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "in_transit_product_id_index" on "products"."in_transit" ("product_id");`);

    this.addSql(
      `alter table "products"."category" add constraint "category_parent_id_foreign" foreign key ("parent_id") references "products"."category" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "products"."product" add constraint "product_brand_id_foreign" foreign key ("brand_id") references "products"."brand" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "products"."product" add constraint "product_category_id_foreign" foreign key ("category_id") references "products"."category" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "products"."stock_level" add constraint "stock_level_product_id_foreign" foreign key ("product_id") references "products"."product" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "products"."stock_level" add constraint "stock_level_warehouse_id_foreign" foreign key ("warehouse_id") references "products"."warehouse" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "products"."in_transit" add constraint "in_transit_product_id_foreign" foreign key ("product_id") references "products"."product" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "products"."in_transit" add constraint "in_transit_warehouse_id_foreign" foreign key ("warehouse_id") references "products"."warehouse" ("id") on update cascade on delete restrict;`,
    );
  }
}
