import { Migration } from '@mikro-orm/migrations';

export class Migration20261207171900 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "dealers"."master_data_change" ("id" uuid not null, "subject" text not null, "subject_id" uuid not null, "external_key" text not null, "actor_id" text not null, "actor_name" text null, "before" jsonb null, "after" jsonb not null, "at" timestamptz not null default now(), constraint "master_data_change_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "master_data_change_subject_id_at_index" on "dealers"."master_data_change" ("subject_id", "at");`);
    this.addSql(
      `alter table "dealers"."dealer" add column "dealer_type" text check ("dealer_type" in ('DISTRIBUTOR', 'WHOLESALER', 'RETAILER')) null, add column "contract_type" text null, add column "updated_at" timestamptz not null default now();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dealers"."master_data_change" cascade;`);
    this.addSql(`alter table "dealers"."dealer" drop column "dealer_type", drop column "contract_type", drop column "updated_at";`);
  }
}
