import { Migration } from '@mikro-orm/migrations';

/** Read marks of the in-app notification feed (the feed itself is the order events). */
export class Migration20261130053000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."notification_read" ("user_id" uuid not null, "event_id" uuid not null, "read_at" timestamptz not null, constraint "notification_read_pkey" primary key ("user_id", "event_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."notification_read" cascade;`);
  }
}
