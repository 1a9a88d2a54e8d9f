import { Migration } from '@mikro-orm/migrations';

/** The placeOrder workflow: progress and lease on the order, approval chains, minimum order amounts, order numbers. */
export class Migration20261130051903 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."dealer_order_policy" ("dealer_id" uuid not null, "minimum_amount" bigint not null, "below_minimum" text not null, constraint "dealer_order_policy_pkey" primary key ("dealer_id"));`,
    );

    this.addSql(
      `create table "orders"."order_approval_step" ("id" uuid not null, "order_id" uuid not null, "position" int not null, "level" int not null, "role" text not null, "rule" text not null, "reason" text not null, "status" text not null default 'PENDING', "decided_by_user_id" uuid null, "decided_at" timestamptz null, "comment" text null, constraint "order_approval_step_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "orders"."order_approval_step" add constraint "order_approval_step_order_id_position_unique" unique ("order_id", "position");`,
    );

    this.addSql(
      `alter table "orders"."order_approval_step" add constraint "order_approval_step_order_id_foreign" foreign key ("order_id") references "orders"."order" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "orders"."order" add column "request_hash" text null, add column "request" jsonb null, add column "workflow" text not null default 'DONE', add column "workflow_step" text null, add column "compensating" boolean not null default false, add column "lease_until" timestamptz null, add column "warning" text null, add column "over_limit_approved" boolean not null default false, add column "carrier" text null, add column "tracking_number" text null;`,
    );
    this.addSql(`create index "order_running_lease_index" on "orders"."order" ("lease_until") where "workflow" = 'RUNNING';`);
    // Order numbers of placed orders; the service moves it past the highest stored number at start.
    this.addSql(`create sequence if not exists "orders"."order_number_seq";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop sequence if exists "orders"."order_number_seq";`);
    this.addSql(`drop table if exists "orders"."dealer_order_policy" cascade;`);

    this.addSql(`drop table if exists "orders"."order_approval_step" cascade;`);

    this.addSql(`drop index "orders"."order_running_lease_index";`);
    this.addSql(
      `alter table "orders"."order" drop column "request_hash", drop column "request", drop column "workflow", drop column "workflow_step", drop column "compensating", drop column "lease_until", drop column "warning", drop column "over_limit_approved", drop column "carrier", drop column "tracking_number";`,
    );
  }
}
