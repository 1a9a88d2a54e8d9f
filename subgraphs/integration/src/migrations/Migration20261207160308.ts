import { Migration } from '@mikro-orm/migrations';
import { getConstructionPlans } from 'pg-boss';

/** pg-boss wraps its plan in BEGIN/COMMIT; a migration already runs in a transaction of its own. */
function withoutTransaction(plan: string): string {
  const inner = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/.exec(plan);
  if (!inner) throw new Error('pg-boss construction plan is not one transaction any more: check this migration.');
  return inner[1];
}

/**
 * Webhook endpoints, deliveries and their attempts, and the delivery queue's pg-boss schema
 * (`integration_jobs`, its own so that it never races the orders subgraph's install).
 */
export class Migration20261207160308 extends Migration {
  override async up(): Promise<void> {
    const installed = await this.execute(
      `select 1 from information_schema.tables where table_schema = 'integration_jobs' and table_name = 'version'`,
    );
    if (installed.length === 0) this.addSql(withoutTransaction(getConstructionPlans('integration_jobs')));
    this.addSql(
      `create table "integration"."webhook_attempt" ("delivery_id" uuid not null, "attempt" int not null, "at" timestamptz not null, "response_status" int null, "duration_ms" int not null, "error" text null, "response_excerpt" text null, constraint "webhook_attempt_pkey" primary key ("delivery_id", "attempt"));`,
    );

    this.addSql(
      `create table "integration"."webhook_delivery" ("id" uuid not null, "seq" bigserial, "endpoint_id" uuid not null, "event_id" text not null, "event_type" text not null, "ordering_key" text not null, "body" text not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "last_response_status" int null, "last_error" text null, "last_attempt_at" timestamptz null, "next_attempt_at" timestamptz null, "delivered_at" timestamptz null, "job_id" uuid null, "created_at" timestamptz not null default now(), constraint "webhook_delivery_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_delivery_ordering_key_seq_index" on "integration"."webhook_delivery" ("ordering_key", "seq");`);
    this.addSql(`create index "webhook_delivery_status_created_at_index" on "integration"."webhook_delivery" ("status", "created_at");`);
    this.addSql(
      `alter table "integration"."webhook_delivery" add constraint "webhook_delivery_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`,
    );

    this.addSql(
      `create table "integration"."webhook_endpoint" ("id" uuid not null, "url" text not null, "events" text[] not null, "description" text null, "secret" text not null, "active" boolean not null default true, "created_by" text not null, "created_at" timestamptz not null default now(), "disabled_at" timestamptz null, constraint "webhook_endpoint_pkey" primary key ("id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "integration"."webhook_attempt" cascade;`);

    this.addSql(`drop table if exists "integration"."webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "integration"."webhook_endpoint" cascade;`);
    this.addSql('drop schema if exists integration_jobs cascade;');
  }
}
