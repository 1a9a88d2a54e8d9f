import { Migration } from '@mikro-orm/migrations';

export class Migration20261207222746 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "orders"."order" add column "channel" text check ("channel" in ('PORTAL', 'API', 'EDI', 'PHONE', 'FAX', 'EMAIL')) not null default 'PORTAL';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."order" drop column "channel";`);
  }
}
