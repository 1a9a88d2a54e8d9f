import { Migration } from '@mikro-orm/migrations';

export class Migration20261207215304 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "credit"."credit_account" add column "hard_limit" bigint null, add column "overdue_block_after_days" int null;`,
    );

    this.addSql(`alter table "credit"."credit_hold" add column "amount_to_pay" bigint not null default 0;`);

    this.addSql(`alter table "credit"."payment" add column "order_id" uuid null;`);
    this.addSql(`create index "payment_order_id_index" on "credit"."payment" ("order_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "credit"."credit_account" drop column "hard_limit", drop column "overdue_block_after_days";`);

    this.addSql(`alter table "credit"."credit_hold" drop column "amount_to_pay";`);

    this.addSql(`drop index "credit"."payment_order_id_index";`);
    this.addSql(`alter table "credit"."payment" drop column "order_id";`);
  }
}
