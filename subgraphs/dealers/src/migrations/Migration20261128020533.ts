import { Migration } from '@mikro-orm/migrations';

export class Migration20261128020533 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "dealers"."user_account" add column "failed_sign_ins" int not null default 0, add column "locked_until" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "dealers"."user_account" drop column "failed_sign_ins", drop column "locked_until";`);
  }
}
