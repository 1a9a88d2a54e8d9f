import { Migration } from '@mikro-orm/migrations';

/**
 * Approval areas (approvals/domain/approval-areas.ts): each rule and each step names whose ladder
 * decides it. Credit rules and every level-4 step or rule (FINANCE's until now) become FINANCE's;
 * the rest stay SALES, so nothing waiting changes hands.
 */
export class Migration20261208010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "orders"."approval_rule" add column "area" text check ("area" in ('SALES', 'FINANCE')) not null default 'SALES';`,
    );
    this.addSql(`update "orders"."approval_rule" set "area" = 'FINANCE' where "kind" = 'CREDIT_EXCEEDANCE' or "level" = 4;`);
    this.addSql(
      `alter table "orders"."order_approval_step" add column "area" text check ("area" in ('SALES', 'FINANCE', 'DEALER')) not null default 'SALES';`,
    );
    this.addSql(`update "orders"."order_approval_step" set "area" = 'FINANCE' where "level" = 4 or "rule" = 'CREDIT_APPROVAL';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."order_approval_step" drop column "area";`);
    this.addSql(`alter table "orders"."approval_rule" drop column "area";`);
  }
}
