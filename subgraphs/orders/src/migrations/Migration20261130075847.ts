import { Migration } from '@mikro-orm/migrations';

export class Migration20261130075847 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "orders"."approval_rule" ("id" uuid not null, "name" text not null, "kind" text not null, "rule_group" text not null, "level" int not null, "parameters" jsonb not null, "deadline_hours" int null, "enabled" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "approval_rule_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "orders"."approval_rule" add constraint "approval_rule_name_unique" unique ("name");`);

    this.addSql(
      `create table "orders"."approval_rule_change" ("id" uuid not null, "rule_id" uuid not null, "rule_name" text not null, "action" text not null, "changed_by_user_id" uuid not null, "changed_by_email" text not null, "at" timestamptz not null, "before" jsonb null, "after" jsonb not null, "reason" text not null, constraint "approval_rule_change_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "approval_rule_change_at_index" on "orders"."approval_rule_change" ("at");`);
    this.addSql(`create index "approval_rule_change_rule_id_at_index" on "orders"."approval_rule_change" ("rule_id", "at");`);

    this.addSql(
      `alter table "orders"."order" add column "dealer_region" text null, add column "sales_rep_user_id" uuid null, add column "approval_facts" jsonb null;`,
    );
    this.addSql(`create index "order_dealer_region_index" on "orders"."order" ("dealer_region");`);
    this.addSql(`create index "order_sales_rep_user_id_index" on "orders"."order" ("sales_rep_user_id");`);

    this.addSql(`alter table "orders"."order_approval_step" add column "deadline_hours" int null;`);

    // The rule table starts with the demo rules (same names, thresholds and levels as the
    // table they replace) and the new kinds; SPECIAL_PRICE starts disabled (see approval-routing.ts).
    this
      .addSql(`insert into "orders"."approval_rule" ("id", "name", "kind", "rule_group", "level", "parameters", "deadline_hours", "enabled") values
      (gen_random_uuid(), 'AMOUNT_OVER_10000', 'ORDER_TOTAL_ABOVE', 'AMOUNT', 2, '{"threshold": 1000000}', null, true),
      (gen_random_uuid(), 'AMOUNT_OVER_50000', 'ORDER_TOTAL_ABOVE', 'AMOUNT', 3, '{"threshold": 5000000}', null, true),
      (gen_random_uuid(), 'CREDIT_APPROVAL', 'CREDIT_EXCEEDANCE', 'CREDIT', 4, '{}', null, true),
      (gen_random_uuid(), 'BELOW_MINIMUM_ORDER', 'BELOW_MINIMUM_ORDER', 'MINIMUM', 1, '{}', null, true),
      (gen_random_uuid(), 'SPECIAL_PRICE', 'SPECIAL_PRICE', 'SPECIAL_PRICE', 1, '{}', null, false),
      (gen_random_uuid(), 'SPECIAL_PRODUCT', 'SPECIAL_PRODUCT', 'SPECIAL_PRODUCT', 1, '{"handling": ["CONTRACT_ONLY", "IMPORTED", "QUOTA", "HAZARDOUS"]}', null, true),
      (gen_random_uuid(), 'NEW_DEALER_FIRST_ORDERS', 'NEW_DEALER_FIRST_ORDERS', 'NEW_DEALER', 1, '{"count": 3}', null, true),
      (gen_random_uuid(), 'NON_CAMPAIGN_DISCOUNT', 'NON_CAMPAIGN_DISCOUNT', 'DISCOUNT', 2, '{"discountBp": 4500}', null, true);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."approval_rule" cascade;`);

    this.addSql(`drop table if exists "orders"."approval_rule_change" cascade;`);

    this.addSql(`drop index "orders"."order_dealer_region_index";`);
    this.addSql(`drop index "orders"."order_sales_rep_user_id_index";`);
    this.addSql(`alter table "orders"."order" drop column "dealer_region", drop column "sales_rep_user_id", drop column "approval_facts";`);

    this.addSql(`alter table "orders"."order_approval_step" drop column "deadline_hours";`);
  }
}
