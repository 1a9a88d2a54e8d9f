import { Migration } from '@mikro-orm/migrations';

export class Migration20261128005557 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "orders";`);
    this.addSql(
      `create table "orders"."order" ("id" uuid not null, "number" text not null, "dealer_id" uuid not null, "placed_by_user_id" uuid null, "status" text check ("status" in ('PENDING_APPROVAL', 'APPROVED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED')) not null, "currency" text not null, "total" bigint not null, "po_number" text null, "idempotency_key" text null, "placed_at" timestamptz not null, "updated_at" timestamptz not null default now(), constraint "order_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "orders"."order" add constraint "order_number_unique" unique ("number");`);
    this.addSql(`create index "order_placed_at_index" on "orders"."order" ("placed_at" desc, "id" desc);`);
    this.addSql(`create index "order_dealer_id_placed_at_index" on "orders"."order" ("dealer_id", "placed_at" desc, "id" desc);`);
    this.addSql(
      `alter table "orders"."order" add constraint "order_dealer_id_idempotency_key_unique" unique ("dealer_id", "idempotency_key");`,
    );

    this.addSql(
      `create table "orders"."order_line" ("id" uuid not null, "order_id" uuid not null, "position" int not null, "product_id" uuid not null, "sku" text not null, "name" text not null, "quantity" int not null, "unit_price" bigint not null, "line_total" bigint not null, constraint "order_line_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "orders"."order_line" add constraint "order_line_order_id_position_unique" unique ("order_id", "position");`);

    this.addSql(
      `create table "orders"."order_status_change" ("id" uuid not null, "order_id" uuid not null, "position" int not null, "status" text check ("status" in ('PENDING_APPROVAL', 'APPROVED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED')) not null, "at" timestamptz not null, "by_user_id" uuid null, "comment" text null, constraint "order_status_change_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "orders"."order_status_change" add constraint "order_status_change_order_id_position_unique" unique ("order_id", "position");`,
    );

    this.addSql(
      `alter table "orders"."order_line" add constraint "order_line_order_id_foreign" foreign key ("order_id") references "orders"."order" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "orders"."order_status_change" add constraint "order_status_change_order_id_foreign" foreign key ("order_id") references "orders"."order" ("id") on update cascade on delete cascade;`,
    );
  }
}
