import { Migration } from '@mikro-orm/migrations';

export class Migration20261208005007 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "dealers"."rollout_wave" ("id" uuid not null, "name" text not null, "opens_at" timestamptz not null, "created_by" uuid not null, "created_at" timestamptz not null default now(), constraint "rollout_wave_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "dealers"."rollout_wave" add constraint "rollout_wave_name_unique" unique ("name");`);

    this.addSql(
      `create table "dealers"."tier_change" ("id" uuid not null, "dealer_id" uuid not null, "from_tier" text not null, "to_tier" text not null, "kind" text not null, "reason" text not null, "actor_id" uuid null, "actor_name" text null, "at" timestamptz not null, "published" boolean not null default false, constraint "tier_change_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "tier_change_unpublished_index" on "dealers"."tier_change" ("at") where not "published";`);
    this.addSql(`create index "tier_change_dealer_id_at_index" on "dealers"."tier_change" ("dealer_id", "at");`);

    this.addSql(
      `create table "dealers"."tier_review" ("id" uuid not null, "at" timestamptz not null, "kind" text not null, "evaluated" int not null, "upgraded" int not null, "graces_started" int not null, "downgraded" int not null, constraint "tier_review_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "tier_review_at_index" on "dealers"."tier_review" ("at");`);

    this.addSql(
      `create table "dealers"."tier_upgrade_request" ("id" uuid not null, "dealer_id" uuid not null, "from_tier" text not null, "requested_tier" text not null, "reason" text not null, "requested_by" uuid not null, "requested_by_name" text null, "status" text not null default 'PENDING', "decided_by" uuid null, "decided_by_name" text null, "decision_note" text null, "decided_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "tier_upgrade_request_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "tier_upgrade_request_dealer_id_index" on "dealers"."tier_upgrade_request" ("dealer_id");`);
    this.addSql(
      `create unique index "tier_upgrade_request_one_pending" on "dealers"."tier_upgrade_request" ("dealer_id") where "status" = 'PENDING';`,
    );

    this.addSql(
      `alter table "dealers"."dealer" add column "rollout_wave_id" uuid null, add column "tier_downgrade_to" text null, add column "tier_downgrade_due_at" timestamptz null;`,
    );
    this.addSql(`create index "dealer_rollout_wave_id_index" on "dealers"."dealer" ("rollout_wave_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dealers"."rollout_wave" cascade;`);

    this.addSql(`drop table if exists "dealers"."tier_change" cascade;`);

    this.addSql(`drop table if exists "dealers"."tier_review" cascade;`);

    this.addSql(`drop table if exists "dealers"."tier_upgrade_request" cascade;`);

    this.addSql(`drop index "dealers"."dealer_rollout_wave_id_index";`);
    this.addSql(
      `alter table "dealers"."dealer" drop column "rollout_wave_id", drop column "tier_downgrade_to", drop column "tier_downgrade_due_at";`,
    );
  }
}
