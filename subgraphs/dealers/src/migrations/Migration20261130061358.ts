import { Migration } from '@mikro-orm/migrations';

export class Migration20261130061358 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "dealers"."user_account" add column "mfa_pending_secret" text null, add column "mfa_recovery_code_hashes" text[] not null default '{}';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "dealers"."user_account" drop column "mfa_pending_secret", drop column "mfa_recovery_code_hashes";`);
  }
}
