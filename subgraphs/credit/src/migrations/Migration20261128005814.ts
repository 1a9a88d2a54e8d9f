import { Migration } from '@mikro-orm/migrations';

export class Migration20261128005814 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "credit";`);
    this.addSql(
      `create table "credit"."credit_account" ("dealer_id" uuid not null, "credit_limit" bigint not null, "currency" text not null, "exceedance_policy" text check ("exceedance_policy" in ('HARD_BLOCK', 'SOFT_WARNING', 'ROUTE_TO_APPROVAL', 'PARTIAL_ORDER', 'PAYMENT_REQUIRED')) not null, "payment_terms_days" int not null, "updated_at" timestamptz not null default now(), constraint "credit_account_pkey" primary key ("dealer_id"));`,
    );

    this.addSql(
      `create table "credit"."credit_hold" ("id" uuid not null, "dealer_id" uuid not null, "order_id" uuid not null, "amount" bigint not null, "status" text check ("status" in ('ACTIVE', 'RELEASED', 'INVOICED')) not null default 'ACTIVE', "created_at" timestamptz not null default now(), "released_at" timestamptz null, constraint "credit_hold_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "credit"."credit_hold" add constraint "credit_hold_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "credit_hold_dealer_id_status_index" on "credit"."credit_hold" ("dealer_id", "status");`);

    this.addSql(
      `create table "credit"."invoice" ("id" uuid not null, "number" text not null, "dealer_id" uuid not null, "order_id" uuid null, "amount" bigint not null, "paid_amount" bigint not null, "currency" text not null, "issued_at" timestamptz not null, "due_at" timestamptz not null, constraint "invoice_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "credit"."invoice" add constraint "invoice_number_unique" unique ("number");`);
    this.addSql(`create index "invoice_dealer_id_issued_at_index" on "credit"."invoice" ("dealer_id", "issued_at");`);
    this.addSql(`create index "invoice_dealer_id_due_at_index" on "credit"."invoice" ("dealer_id", "due_at");`);

    this.addSql(
      `create table "credit"."payment" ("id" uuid not null, "dealer_id" uuid not null, "invoice_id" uuid null, "amount" bigint not null, "currency" text not null, "received_at" timestamptz not null, "reference" text not null, constraint "payment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "payment_invoice_id_index" on "credit"."payment" ("invoice_id");`);
    this.addSql(`create index "payment_dealer_id_received_at_index" on "credit"."payment" ("dealer_id", "received_at");`);
  }
}
