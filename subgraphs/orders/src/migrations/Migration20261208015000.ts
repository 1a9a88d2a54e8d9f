import { Migration } from '@mikro-orm/migrations';

/** Web push: the devices' subscriptions, the messages (outbox of deliveries), the demo's VAPID key; a push choice per preference. */
export class Migration20261208015000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."push_subscription" ("id" uuid not null, "user_id" uuid not null, "endpoint" text not null, "p256dh" text not null, "auth" text not null, "user_agent" text null, "created_at" timestamptz not null default now(), constraint "push_subscription_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "orders"."push_subscription" add constraint "push_subscription_endpoint_unique" unique ("endpoint");`);
    this.addSql(`create index "push_subscription_user_id_index" on "orders"."push_subscription" ("user_id");`);

    this.addSql(
      `create table "orders"."push_notification" ("id" uuid not null, "event_id" uuid not null, "user_id" uuid not null, "subscription_id" uuid not null, "kind" text not null, "payload" jsonb not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "last_error" text null, "created_at" timestamptz not null default now(), "sent_at" timestamptz null, constraint "push_notification_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "orders"."push_notification" add constraint "push_notification_event_subscription_kind_unique" unique ("event_id", "subscription_id", "kind");`,
    );
    this.addSql(`create index "push_notification_status_created_at_index" on "orders"."push_notification" ("status", "created_at");`);

    this.addSql(
      `create table "orders"."push_vapid_key" ("id" smallint not null, "public_key" text not null, "private_key" text not null, "created_at" timestamptz not null default now(), constraint "push_vapid_key_pkey" primary key ("id"));`,
    );

    this.addSql(`alter table "orders"."notification_preference" add column "push" text not null default 'ON';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."push_subscription" cascade;`);
    this.addSql(`drop table if exists "orders"."push_notification" cascade;`);
    this.addSql(`drop table if exists "orders"."push_vapid_key" cascade;`);
    this.addSql(`alter table "orders"."notification_preference" drop column "push";`);
  }
}
