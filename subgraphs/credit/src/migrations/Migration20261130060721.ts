import { Migration } from '@mikro-orm/migrations';

export class Migration20261130060721 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "credit"."released_order" ("order_id" uuid not null, "released_at" timestamptz not null, constraint "released_order_pkey" primary key ("order_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "credit"."released_order" cascade;`);
  }
}
