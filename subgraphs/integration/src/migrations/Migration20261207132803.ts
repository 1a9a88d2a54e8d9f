import { Migration } from '@mikro-orm/migrations';

export class Migration20261207132803 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "integration";`);
    this.addSql(
      `create table "integration"."import_job" ("id" uuid not null, "kind" text not null, "status" text not null, "dry_run" boolean not null, "valid_rows_only" boolean not null, "filename" text not null, "content" bytea null, "started_by" text not null, "progress" int not null default 0, "counts" jsonb not null default '{"created":0,"updated":0,"unchanged":0,"failed":0}', "message" text null, "attempts" int not null default 0, "lease_until" timestamptz null, "created_at" timestamptz not null default now(), "started_at" timestamptz null, "finished_at" timestamptz null, constraint "import_job_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "import_job_status_kind_created_at_index" on "integration"."import_job" ("status", "kind", "created_at");`);

    this.addSql(
      `create table "integration"."import_row" ("job_id" uuid not null, "row" int not null, "key" text null, "status" text not null, "message" text null, constraint "import_row_pkey" primary key ("job_id", "row"));`,
    );
  }
}
