import { Migration } from '@mikro-orm/migrations';

/** The integration monitor: last sync per kind, alerts, and who ignored a dead delivery and why. */
export class Migration20261207193000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "integration"."sync_mark" ("kind" text not null, "last_success_at" timestamptz not null, "source" text not null, constraint "sync_mark_pkey" primary key ("kind"));`,
    );
    this.addSql(
      `create table "integration"."integration_alert" ("id" uuid not null, "kind" text not null, "subject" text not null, "message" text not null, "raised_at" timestamptz not null default now(), "resolved_at" timestamptz null, constraint "integration_alert_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create unique index "integration_alert_open_unique" on "integration"."integration_alert" ("kind", "subject") where resolved_at is null;`,
    );
    this.addSql(`create index "integration_alert_raised_at_index" on "integration"."integration_alert" ("raised_at");`);
    this.addSql(
      `alter table "integration"."webhook_delivery" add column "ignored_at" timestamptz null, add column "ignored_by" text null, add column "ignore_reason" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "integration"."sync_mark" cascade;`);
    this.addSql(`drop table if exists "integration"."integration_alert" cascade;`);
    this.addSql(
      `alter table "integration"."webhook_delivery" drop column "ignored_at", drop column "ignored_by", drop column "ignore_reason";`,
    );
  }
}
