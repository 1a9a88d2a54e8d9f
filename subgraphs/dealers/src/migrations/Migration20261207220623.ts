import { Migration } from '@mikro-orm/migrations';

export class Migration20261207220623 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "dealers"."dealer_address" ("id" uuid not null, "dealer_id" uuid not null, "code" text not null, "kind" text not null, "name" text not null, "street" text not null, "postal_code" text not null, "city" text not null, "region" text null, "country" text not null, "is_default" boolean not null default false, "active" boolean not null default true, "updated_at" timestamptz not null default now(), constraint "dealer_address_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "dealer_address_dealer_id_index" on "dealers"."dealer_address" ("dealer_id");`);
    this.addSql(
      `alter table "dealers"."dealer_address" add constraint "dealer_address_dealer_id_code_unique" unique ("dealer_id", "code");`,
    );

    this.addSql(
      `create table "dealers"."dealer_contact" ("id" uuid not null, "dealer_id" uuid not null, "email" text not null, "name" text not null, "role" text null, "phone" text null, "active" boolean not null default true, "updated_at" timestamptz not null default now(), constraint "dealer_contact_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "dealer_contact_dealer_id_index" on "dealers"."dealer_contact" ("dealer_id");`);
    this.addSql(
      `alter table "dealers"."dealer_contact" add constraint "dealer_contact_dealer_id_email_unique" unique ("dealer_id", "email");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dealers"."dealer_address" cascade;`);

    this.addSql(`drop table if exists "dealers"."dealer_contact" cascade;`);
  }
}
