import { Migration } from '@mikro-orm/migrations';

export class Migration20261207215903 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."order" drop constraint if exists "order_status_check";`);

    this.addSql(`alter table "orders"."order_status_change" drop constraint if exists "order_status_change_status_check";`);

    this.addSql(
      `alter table "orders"."order" add column "payment_due" bigint not null default 0, add column "payment_due_by" timestamptz null, add column "deferred_lines" jsonb null;`,
    );
    this.addSql(
      `alter table "orders"."order" add constraint "order_status_check" check("status" in ('AWAITING_PAYMENT', 'PENDING_APPROVAL', 'APPROVED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED'));`,
    );

    this.addSql(
      `alter table "orders"."order_status_change" add constraint "order_status_change_status_check" check("status" in ('AWAITING_PAYMENT', 'PENDING_APPROVAL', 'APPROVED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."order" drop constraint if exists "order_status_check";`);

    this.addSql(`alter table "orders"."order_status_change" drop constraint if exists "order_status_change_status_check";`);

    this.addSql(`alter table "orders"."order" drop column "payment_due", drop column "payment_due_by", drop column "deferred_lines";`);

    this.addSql(
      `alter table "orders"."order" add constraint "order_status_check" check("status" in ('PENDING_APPROVAL', 'APPROVED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED'));`,
    );

    this.addSql(
      `alter table "orders"."order_status_change" add constraint "order_status_change_status_check" check("status" in ('PENDING_APPROVAL', 'APPROVED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED'));`,
    );
  }
}
