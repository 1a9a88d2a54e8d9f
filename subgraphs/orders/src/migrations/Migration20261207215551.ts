import { Migration } from '@mikro-orm/migrations';

/** Mail notifications: the mails (outbox of deliveries), the dev mailbox, preferences, used approval links; order_event.notified_at. */
export class Migration20261207215551 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."mailbox_message" ("id" uuid not null, "to" text[] not null, "subject" text not null, "text" text not null, "html" text not null, "headers" jsonb not null, "sent_at" timestamptz not null, constraint "mailbox_message_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "mailbox_message_sent_at_index" on "orders"."mailbox_message" ("sent_at");`);

    this.addSql(
      `create table "orders"."mail_link_use" ("token_id" uuid not null, "order_id" uuid not null, "decision" text not null, "used_at" timestamptz not null, constraint "mail_link_use_pkey" primary key ("token_id"));`,
    );

    this.addSql(
      `create table "orders"."mail_notification" ("id" uuid not null, "event_id" uuid not null, "order_id" uuid null, "user_id" uuid not null, "kind" text not null, "email" text not null, "subject" text not null, "text" text not null, "html" text not null, "headers" jsonb not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "last_error" text null, "created_at" timestamptz not null default now(), "sent_at" timestamptz null, constraint "mail_notification_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "mail_notification_status_created_at_index" on "orders"."mail_notification" ("status", "created_at");`);
    this.addSql(
      `alter table "orders"."mail_notification" add constraint "mail_notification_event_user_kind_unique" unique ("event_id", "user_id", "kind");`,
    );

    this.addSql(
      `create table "orders"."notification_preference" ("user_id" uuid not null, "kind" text not null, "email" text not null, "updated_at" timestamptz not null, constraint "notification_preference_pkey" primary key ("user_id", "kind"));`,
    );

    this.addSql(`alter table "orders"."order_event" add column "notified_at" timestamptz null;`);
    // Events from before mail notifications are not mailed now: they are marked planned.
    this.addSql(`update "orders"."order_event" set "notified_at" = coalesce("published_at", "at");`);
    this.addSql(`create index "order_event_unnotified_index" on "orders"."order_event" ("at", "id") where "notified_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."mailbox_message" cascade;`);

    this.addSql(`drop table if exists "orders"."mail_link_use" cascade;`);

    this.addSql(`drop table if exists "orders"."mail_notification" cascade;`);

    this.addSql(`drop table if exists "orders"."notification_preference" cascade;`);

    this.addSql(`drop index "orders"."order_event_unnotified_index";`);
    this.addSql(`alter table "orders"."order_event" drop column "notified_at";`);
  }
}
