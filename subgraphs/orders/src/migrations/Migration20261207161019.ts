import { Migration } from '@mikro-orm/migrations';

/**
 * The ERP link: the ERP's order number and confirmed dates on the order, and the forwarder's mark on
 * the outbox. Events recorded before the forwarder existed count as forwarded: the ERP hears of
 * orders approved from now on, not of the history.
 */
export class Migration20261207161019 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "orders"."order" add column "erp_order_number" text null, add column "erp_acknowledged_at" timestamptz null, add column "confirmed_ship_date" date null, add column "confirmed_delivery_date" date null;`,
    );

    this.addSql(`alter table "orders"."order_event" add column "erp_forwarded_at" timestamptz null;`);
    this.addSql(`update "orders"."order_event" set "erp_forwarded_at" = coalesce("published_at", "at");`);
    this.addSql(
      `create index "order_event_erp_unforwarded_index" on "orders"."order_event" ("at", "id") where "erp_forwarded_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "orders"."order" drop column "erp_order_number", drop column "erp_acknowledged_at", drop column "confirmed_ship_date", drop column "confirmed_delivery_date";`,
    );

    this.addSql(`drop index "orders"."order_event_erp_unforwarded_index";`);
    this.addSql(`alter table "orders"."order_event" drop column "erp_forwarded_at";`);
  }
}
