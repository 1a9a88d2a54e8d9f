import { Migration } from '@mikro-orm/migrations';

export class Migration20261130063820 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "orders"."order_approval_step" add column "due_at" timestamptz null, add column "reminded_at" timestamptz null, add column "escalations" int not null default 0;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."order_approval_step" drop column "due_at", drop column "reminded_at", drop column "escalations";`);
  }
}
