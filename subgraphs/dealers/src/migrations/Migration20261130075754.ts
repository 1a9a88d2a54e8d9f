import { Migration } from '@mikro-orm/migrations';

export class Migration20261130075754 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "dealers"."api_client" ("id" uuid not null, "name" text not null, "secret_hash" text not null, "dealer_id" uuid null, "scopes" text[] not null, "cost_per_second" int not null, "cost_burst" int not null, "requests_per_minute" int not null, "created_by" uuid not null, "revoked_at" timestamptz null, "last_token_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "api_client_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "api_client_dealer_id_index" on "dealers"."api_client" ("dealer_id");`);

    this.addSql(
      `create table "dealers"."invitation" ("id" uuid not null, "token_hash" text not null, "email" text not null, "role" text check ("role" in ('DEALER_ADMIN', 'ORDER_ENTRY', 'VIEW_ONLY', 'SALES_REP', 'REGIONAL_MANAGER', 'SALES_DIRECTOR', 'FINANCE', 'GENERAL_MANAGER', 'ADMIN')) not null, "dealer_id" uuid null, "invited_by" uuid not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "accepted_user_id" uuid null, "created_at" timestamptz not null default now(), constraint "invitation_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "dealers"."invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "invitation_dealer_id_index" on "dealers"."invitation" ("dealer_id");`);

    this.addSql(
      `alter table "dealers"."api_client" add constraint "api_client_dealer_id_foreign" foreign key ("dealer_id") references "dealers"."dealer" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "dealers"."invitation" add constraint "invitation_dealer_id_foreign" foreign key ("dealer_id") references "dealers"."dealer" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dealers"."api_client" cascade;`);

    this.addSql(`drop table if exists "dealers"."invitation" cascade;`);
  }
}
