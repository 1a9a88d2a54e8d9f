import { Migration } from '@mikro-orm/migrations';

export class Migration20261208012938 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."spending_limit" ("user_id" uuid not null, "dealer_id" uuid not null, "per_order_limit" bigint null, "monthly_limit" bigint null, "updated_by_user_id" uuid not null, "updated_at" timestamptz not null default now(), constraint "spending_limit_pkey" primary key ("user_id"));`,
    );
    this.addSql(`create index "spending_limit_dealer_id_index" on "orders"."spending_limit" ("dealer_id");`);

    this.addSql(`create index "order_placed_by_user_id_placed_at_index" on "orders"."order" ("placed_by_user_id", "placed_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."spending_limit" cascade;`);

    this.addSql(`drop index "orders"."order_placed_by_user_id_placed_at_index";`);
  }
}
