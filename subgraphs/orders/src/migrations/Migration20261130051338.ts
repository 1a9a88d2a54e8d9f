import { Migration } from '@mikro-orm/migrations';

export class Migration20261130051338 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."cart_line" ("id" uuid not null, "user_id" uuid not null, "dealer_id" uuid not null, "product_id" uuid not null, "sku" text not null, "quantity" int not null, "added_unit_price" bigint not null, "currency" text not null, "added_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "cart_line_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "cart_line_user_id_added_at_index" on "orders"."cart_line" ("user_id", "added_at");`);
    this.addSql(`alter table "orders"."cart_line" add constraint "cart_line_user_id_product_id_unique" unique ("user_id", "product_id");`);

    this.addSql(
      `create table "orders"."order_template" ("id" uuid not null, "dealer_id" uuid not null, "created_by_user_id" uuid not null, "name" text not null, "created_at" timestamptz not null default now(), constraint "order_template_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "orders"."order_template" add constraint "order_template_dealer_id_name_unique" unique ("dealer_id", "name");`,
    );

    this.addSql(
      `create table "orders"."order_template_line" ("id" uuid not null, "template_id" uuid not null, "position" int not null, "product_id" uuid not null, "sku" text not null, "quantity" int not null, constraint "order_template_line_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "orders"."order_template_line" add constraint "order_template_line_template_id_position_unique" unique ("template_id", "position");`,
    );

    this.addSql(
      `alter table "orders"."order_template_line" add constraint "order_template_line_template_id_foreign" foreign key ("template_id") references "orders"."order_template" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."order_template_line" drop constraint "order_template_line_template_id_foreign";`);
    this.addSql(`drop table if exists "orders"."cart_line" cascade;`);
    this.addSql(`drop table if exists "orders"."order_template" cascade;`);
    this.addSql(`drop table if exists "orders"."order_template_line" cascade;`);
  }
}
