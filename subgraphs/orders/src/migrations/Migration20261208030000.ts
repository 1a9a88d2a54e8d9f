import { Migration } from '@mikro-orm/migrations';

/** The ERP's order numbers are looked up (INVOICES imports name orders by them): a partial index over the acknowledged orders. */
export class Migration20261208030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "order_erp_order_number_index" on "orders"."order" ("erp_order_number") where "erp_order_number" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "orders"."order_erp_order_number_index";`);
  }
}
