import { Migration } from '@mikro-orm/migrations';

export class Migration20261207201500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "credit"."master_data_change" ("id" uuid not null, "subject" text not null, "subject_id" uuid not null, "external_key" text not null, "actor_id" text not null, "actor_name" text null, "before" jsonb null, "after" jsonb not null, "at" timestamptz not null default now(), constraint "master_data_change_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "master_data_change_subject_id_at_index" on "credit"."master_data_change" ("subject_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "credit"."master_data_change" cascade;`);
  }
}
