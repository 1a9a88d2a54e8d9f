import { Migration } from '@mikro-orm/migrations';

export class Migration20261130050325 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "credit"."balance_adjustment" ("id" uuid not null, "dealer_id" uuid not null, "amount" bigint not null, "currency" text not null, "reason" text not null, "recorded_at" timestamptz not null, "external_ref" text not null, "recorded_by" text not null, constraint "balance_adjustment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "credit"."balance_adjustment" add constraint "balance_adjustment_external_ref_unique" unique ("external_ref");`,
    );
    this.addSql(
      `create index "balance_adjustment_dealer_id_recorded_at_index" on "credit"."balance_adjustment" ("dealer_id", "recorded_at");`,
    );

    this.addSql(
      `create table "credit"."credit_limit_change" ("id" uuid not null, "dealer_id" uuid not null, "changed_by" text not null, "changed_by_email" text not null, "changed_at" timestamptz not null, "old_limit" bigint not null, "new_limit" bigint not null, "old_policy" text check ("old_policy" in ('HARD_BLOCK', 'SOFT_WARNING', 'ROUTE_TO_APPROVAL', 'PARTIAL_ORDER', 'PAYMENT_REQUIRED')) not null, "new_policy" text check ("new_policy" in ('HARD_BLOCK', 'SOFT_WARNING', 'ROUTE_TO_APPROVAL', 'PARTIAL_ORDER', 'PAYMENT_REQUIRED')) not null, "reason" text not null, constraint "credit_limit_change_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "credit_limit_change_dealer_id_changed_at_index" on "credit"."credit_limit_change" ("dealer_id", "changed_at");`,
    );

    this.addSql(
      `create table "credit"."invoice_line" ("invoice_id" uuid not null, "line_no" int not null, "sku" text not null, "name" text not null, "quantity" int not null, "unit_price" bigint not null, "line_total" bigint not null, constraint "invoice_line_pkey" primary key ("invoice_id", "line_no"));`,
    );

    this.addSql(`alter table "credit"."invoice" add column "external_ref" text null;`);
    this.addSql(`alter table "credit"."invoice" add constraint "invoice_external_ref_unique" unique ("external_ref");`);

    this.addSql(
      `alter table "credit"."payment" add column "unapplied_amount" bigint not null default 0, add column "external_ref" text null;`,
    );
    this.addSql(`alter table "credit"."payment" add constraint "payment_external_ref_unique" unique ("external_ref");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "credit"."balance_adjustment" cascade;`);

    this.addSql(`drop table if exists "credit"."credit_limit_change" cascade;`);

    this.addSql(`drop table if exists "credit"."invoice_line" cascade;`);

    this.addSql(`alter table "credit"."invoice" drop constraint "invoice_external_ref_unique";`);
    this.addSql(`alter table "credit"."invoice" drop column "external_ref";`);

    this.addSql(`alter table "credit"."payment" drop constraint "payment_external_ref_unique";`);
    this.addSql(`alter table "credit"."payment" drop column "unapplied_amount", drop column "external_ref";`);
  }
}
