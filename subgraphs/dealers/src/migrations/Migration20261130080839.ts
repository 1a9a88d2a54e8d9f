import { Migration } from '@mikro-orm/migrations';

export class Migration20261130080839 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "dealers"."security_event" ("id" uuid not null, "kind" text check ("kind" in ('SIGN_IN_SUCCEEDED', 'SIGN_IN_FAILED', 'SIGN_IN_LOCKED', 'MFA_ENROLMENT_REQUIRED', 'MFA_ENROLMENT_STARTED', 'MFA_ENABLED', 'MFA_DISABLED', 'RECOVERY_CODE_USED', 'REFRESH_TOKEN_REUSED', 'SESSION_REVOKED', 'ROLE_CHANGED', 'IP_REFUSED', 'DEALER_POLICY_CHANGED', 'USER_INVITED', 'INVITATION_ACCEPTED', 'USER_DISABLED', 'USER_ENABLED', 'API_CLIENT_CREATED', 'API_CLIENT_REVOKED', 'API_CLIENT_TOKEN_ISSUED', 'API_CLIENT_TOKEN_REFUSED')) not null, "user_id" uuid null, "email" text null, "actor_id" uuid null, "dealer_id" uuid null, "ip_address" text null, "user_agent" text null, "detail" jsonb not null default '{}', "at" timestamptz not null default now(), constraint "security_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "security_event_at_index" on "dealers"."security_event" ("at");`);
    this.addSql(`create index "security_event_dealer_id_at_index" on "dealers"."security_event" ("dealer_id", "at");`);

    this.addSql(
      `alter table "dealers"."dealer" add column "mfa_required" boolean not null default false, add column "ip_allow_list" text[] not null default '{}';`,
    );

    this.addSql(`alter table "dealers"."session" add column "mfa_enrolment_only" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dealers"."security_event" cascade;`);

    this.addSql(`alter table "dealers"."dealer" drop column "mfa_required", drop column "ip_allow_list";`);

    this.addSql(`alter table "dealers"."session" drop column "mfa_enrolment_only";`);
  }
}
