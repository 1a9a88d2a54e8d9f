import { Migration } from '@mikro-orm/migrations';

export class Migration20261130050600 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "dealers"."sign_in_throttle" ("key" text not null, "failures" int not null default 0, "blocked_until" timestamptz null, "updated_at" timestamptz not null default now(), constraint "sign_in_throttle_pkey" primary key ("key"));`,
    );

    this.addSql(`alter table "dealers"."user_account" drop column "failed_sign_ins", drop column "locked_until";`);

    this.addSql(`alter table "dealers"."user_account" add column "mfa_last_step" int null;`);

    this.addSql(
      `alter table "dealers"."session" add column "previous_token_hashes" text[] not null default '{}', add column "user_agent" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dealers"."sign_in_throttle" cascade;`);

    this.addSql(`alter table "dealers"."session" drop column "previous_token_hashes", drop column "user_agent";`);

    this.addSql(`alter table "dealers"."user_account" drop column "mfa_last_step";`);

    this.addSql(
      `alter table "dealers"."user_account" add column "failed_sign_ins" int4 not null default 0, add column "locked_until" timestamptz(6) null;`,
    );
  }
}
