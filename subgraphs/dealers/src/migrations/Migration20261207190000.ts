import { Migration } from '@mikro-orm/migrations';

/**
 * The master data audit doubles as the outbox of `dealer.changed`: a column for when the change was
 * handed to integration, and a trigger that wakes the forwarder when a transaction that wrote one
 * commits. Changes made before this version count as handed over (the ERP made them).
 */
export class Migration20261207190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "dealers"."master_data_change" add column "erp_forwarded_at" timestamptz null;`);
    this.addSql(`update "dealers"."master_data_change" set "erp_forwarded_at" = "at";`);
    this.addSql(
      `create index "master_data_change_unforwarded_index" on "dealers"."master_data_change" ("at", "id") where "erp_forwarded_at" is null;`,
    );
    this.addSql(
      `create or replace function "dealers"."master_data_change_notify"() returns trigger language plpgsql as $$ begin perform pg_notify('dealers_outbox', ''); return null; end $$;`,
    );
    this.addSql(
      `create trigger "master_data_change_notify" after insert on "dealers"."master_data_change" for each statement execute function "dealers"."master_data_change_notify"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "master_data_change_notify" on "dealers"."master_data_change";`);
    this.addSql(`drop function if exists "dealers"."master_data_change_notify"();`);
    this.addSql(`drop index if exists "dealers"."master_data_change_unforwarded_index";`);
    this.addSql(`alter table "dealers"."master_data_change" drop column "erp_forwarded_at";`);
  }
}
