import { Migration } from '@mikro-orm/migrations';

/** Price consistency: invoice lines compared with their order's (price_mismatch, invoice_price_check). */
export class Migration20261207200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "credit"."price_mismatch" ("id" uuid not null, "invoice_id" uuid not null, "order_id" uuid not null, "dealer_id" uuid not null, "sku" text not null, "kind" text not null, "ordered_unit_price" bigint null, "invoiced_unit_price" bigint not null, "invoiced_quantity" int not null, "currency" text not null, "detected_at" timestamptz not null, "resolved_at" timestamptz null, "resolved_by" text null, "resolution_note" text null, constraint "price_mismatch_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "price_mismatch_resolved_at_detected_at_index" on "credit"."price_mismatch" ("resolved_at", "detected_at");`);
    this.addSql(`create index "price_mismatch_invoice_id_index" on "credit"."price_mismatch" ("invoice_id");`);
    this.addSql(
      `create table "credit"."invoice_price_check" ("invoice_id" uuid not null, "checked_at" timestamptz not null, "mismatches" int not null, constraint "invoice_price_check_pkey" primary key ("invoice_id"));`,
    );
    // Invoices recorded before this version are not checked after the fact.
    this.addSql(
      `insert into "credit"."invoice_price_check" (invoice_id, checked_at, mismatches) select id, now(), 0 from "credit"."invoice";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "credit"."price_mismatch" cascade;`);
    this.addSql(`drop table if exists "credit"."invoice_price_check" cascade;`);
  }
}
