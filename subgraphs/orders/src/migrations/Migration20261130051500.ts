import { Migration } from '@mikro-orm/migrations';

/** The order events outbox, and a trigger that wakes the relay when a transaction that wrote one commits. */
export class Migration20261130051500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."order_event" ("id" uuid not null, "order_id" uuid not null, "dealer_id" uuid not null, "type" text not null, "status" text null, "actor_id" uuid null, "reason" text null, "data" jsonb null, "at" timestamptz not null, "published_at" timestamptz null, constraint "order_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "order_event_dealer_id_at_index" on "orders"."order_event" ("dealer_id", "at");`);
    this.addSql(`create index "order_event_order_id_at_index" on "orders"."order_event" ("order_id", "at");`);
    this.addSql(`create index "order_event_at_index" on "orders"."order_event" ("at");`);
    this.addSql(`create index "order_event_unpublished_index" on "orders"."order_event" ("at", "id") where "published_at" is null;`);
    // NOTIFY inside a transaction is delivered when it commits, and never when it rolls back.
    this.addSql(
      `create or replace function "orders"."order_event_notify"() returns trigger language plpgsql as $$ begin perform pg_notify('orders_outbox', ''); return null; end $$;`,
    );
    this.addSql(
      `create trigger "order_event_notify" after insert on "orders"."order_event" for each statement execute function "orders"."order_event_notify"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "order_event_notify" on "orders"."order_event";`);
    this.addSql(`drop function if exists "orders"."order_event_notify"();`);
    this.addSql(`drop table if exists "orders"."order_event" cascade;`);
  }
}
