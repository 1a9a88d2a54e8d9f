import { Migration } from '@mikro-orm/migrations';

export class Migration20261130075811 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "products"."product_link" ("id" uuid not null, "product_id" uuid not null, "kind" text check ("kind" in ('IMAGE', 'DATASHEET', 'MANUAL', 'CERTIFICATE', 'CAD')) not null, "url" text not null, "title" text not null, "position" int not null, constraint "product_link_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "product_link_product_id_index" on "products"."product_link" ("product_id");`);

    this.addSql(
      `create table "products"."product_spec" ("product_id" uuid not null, "name" text not null, "type" text check ("type" in ('NUMBER', 'TEXT', 'BOOLEAN')) not null, "value" text not null, "number_value" double precision null, "unit" text null, "position" int not null, constraint "product_spec_pkey" primary key ("product_id", "name"), constraint product_spec_number_check check ((type = 'NUMBER') = (number_value is not null)));`,
    );
    this.addSql(`create index "product_spec_name_value_index" on "products"."product_spec" (lower("name"), lower("value"));`);
    this.addSql(`create index "product_spec_name_number_index" on "products"."product_spec" (lower("name"), "number_value");`);

    this.addSql(
      `alter table "products"."product_link" add constraint "product_link_product_id_foreign" foreign key ("product_id") references "products"."product" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "products"."product_spec" add constraint "product_spec_product_id_foreign" foreign key ("product_id") references "products"."product" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "products"."dealer_segment" add column "preferred_warehouse_id" uuid null;`);

    this.addSql(`alter table "products"."product" add column "pack_size" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "products"."product_link" cascade;`);

    this.addSql(`drop table if exists "products"."product_spec" cascade;`);

    this.addSql(`alter table "products"."dealer_segment" drop column "preferred_warehouse_id";`);

    this.addSql(`alter table "products"."product" drop column "pack_size";`);
  }
}
