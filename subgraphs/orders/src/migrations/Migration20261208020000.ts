import { Migration } from '@mikro-orm/migrations';

/** Quiet hours per user. */
export class Migration20261208020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."notification_quiet_hours" ("user_id" uuid not null, "start" text not null, "end" text not null, "time_zone" text not null, "updated_at" timestamptz not null, constraint "notification_quiet_hours_pkey" primary key ("user_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."notification_quiet_hours" cascade;`);
  }
}
