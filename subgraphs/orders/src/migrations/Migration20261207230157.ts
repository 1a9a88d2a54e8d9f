import { Migration } from '@mikro-orm/migrations';

export class Migration20261207230157 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "orders"."order" add column "cancellation_code" text check ("cancellation_code" in ('DEALER_REQUEST', 'ENTRY_ERROR', 'DUPLICATE_ORDER', 'WRONG_PRICE', 'WRONG_ITEM', 'OTHER')) null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."order" drop column "cancellation_code";`);
  }
}
