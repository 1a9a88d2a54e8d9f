import { Migration } from '@mikro-orm/migrations';

export class Migration20261130063433 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."order" add column "rejection" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."order" drop column "rejection";`);
  }
}
