import { Migration } from '@mikro-orm/migrations';
import { getConstructionPlans } from 'pg-boss';

/** pg-boss wraps its plan in BEGIN/COMMIT; a migration already runs in a transaction of its own. */
function withoutTransaction(plan: string): string {
  const inner = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/.exec(plan);
  if (!inner) throw new Error('pg-boss construction plan is not one transaction any more: check this migration.');
  return inner[1];
}

/**
 * Installs pg-boss's schema (the approval timers' queue) with the other tables, so the seeded test
 * template and a fresh `npm start` database already have it: pg-boss then starts without creating
 * anything. The SQL is pg-boss's own for the installed version; a later pg-boss upgrades its schema
 * itself when it starts.
 */
export class Migration20261130080000 extends Migration {
  override async up(): Promise<void> {
    const installed = await this.execute(
      `select 1 from information_schema.tables where table_schema = 'pgboss' and table_name = 'version'`,
    );
    if (installed.length === 0) this.addSql(withoutTransaction(getConstructionPlans('pgboss')));
  }

  override async down(): Promise<void> {
    this.addSql('drop schema if exists pgboss cascade;');
  }
}
