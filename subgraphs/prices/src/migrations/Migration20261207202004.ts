import { Migration } from '@mikro-orm/migrations';

export class Migration20261207202004 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "prices"."master_data_change" ("id" uuid not null, "subject" text not null, "subject_id" text not null, "external_key" text not null, "actor_id" text not null, "actor_name" text null, "before" jsonb null, "after" jsonb not null, "at" timestamptz not null default now(), "erp_forwarded_at" timestamptz null, constraint "master_data_change_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "master_data_change_subject_id_at_index" on "prices"."master_data_change" ("subject_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "prices"."master_data_change" cascade;`);
  }
}
