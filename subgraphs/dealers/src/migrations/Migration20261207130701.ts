import { Migration } from '@mikro-orm/migrations';

export class Migration20261207130701 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "dealers"."sign_in_attempt" ("id" uuid not null, "account_key" text not null, "pair_key" text not null, "expires_at" timestamptz not null, constraint "sign_in_attempt_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "sign_in_attempt_account_key_index" on "dealers"."sign_in_attempt" ("account_key");`);
    this.addSql(`create index "sign_in_attempt_pair_key_index" on "dealers"."sign_in_attempt" ("pair_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dealers"."sign_in_attempt" cascade;`);
  }
}
