import { Migration } from '@mikro-orm/migrations';

export class Migration20261128005115 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "dealers";`);
    this.addSql(
      `create table "dealers"."dealer" ("id" uuid not null, "code" text not null, "name" text not null, "tier" text check ("tier" in ('PLATINUM', 'GOLD', 'SILVER', 'BRONZE')) not null, "region" text not null, "city" text not null, "email" text not null, "phone" text not null, "active" boolean not null default true, "first_orders_reviewed" boolean not null default false, "created_at" timestamptz not null default now(), constraint "dealer_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "dealers"."dealer" add constraint "dealer_code_unique" unique ("code");`);
    this.addSql(`create index "dealer_name_index" on "dealers"."dealer" ("name");`);

    this.addSql(
      `create table "dealers"."user_account" ("id" uuid not null, "email" text not null, "full_name" text not null, "password_hash" text not null, "role" text check ("role" in ('DEALER_ADMIN', 'ORDER_ENTRY', 'VIEW_ONLY', 'SALES_REP', 'REGIONAL_MANAGER', 'SALES_DIRECTOR', 'FINANCE', 'GENERAL_MANAGER', 'ADMIN')) not null, "dealer_id" uuid null, "mfa_secret" text null, "active" boolean not null default true, "last_login_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "user_account_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "dealers"."user_account" add constraint "user_account_email_unique" unique ("email");`);
    this.addSql(`create index "user_account_dealer_id_index" on "dealers"."user_account" ("dealer_id");`);

    this.addSql(
      `create table "dealers"."session" ("id" uuid not null, "user_id" uuid not null, "refresh_token_hash" text not null, "generation" int not null default 0, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, "ip_address" text null, "created_at" timestamptz not null default now(), constraint "session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "session_user_id_index" on "dealers"."session" ("user_id");`);

    this.addSql(
      `alter table "dealers"."user_account" add constraint "user_account_dealer_id_foreign" foreign key ("dealer_id") references "dealers"."dealer" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "dealers"."session" add constraint "session_user_id_foreign" foreign key ("user_id") references "dealers"."user_account" ("id") on update cascade on delete cascade;`,
    );
  }
}
