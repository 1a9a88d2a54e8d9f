import { Migration } from '@mikro-orm/migrations';

export class Migration20261207190159 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "products"."master_data_change" ("id" uuid not null, "subject" text not null, "subject_id" uuid not null, "external_key" text not null, "actor_id" text not null, "actor_name" text null, "before" jsonb null, "after" jsonb not null, "at" timestamptz not null default now(), constraint "master_data_change_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "master_data_change_subject_id_at_index" on "products"."master_data_change" ("subject_id", "at");`);

    this.addSql(
      `create table "products"."product_substitute" ("product_id" uuid not null, "substitute_id" uuid not null, "position" int not null, constraint "product_substitute_pkey" primary key ("product_id", "substitute_id"));`,
    );
    this.addSql(`create index "product_substitute_substitute_id_index" on "products"."product_substitute" ("substitute_id");`);

    this.addSql(
      `alter table "products"."product_substitute" add constraint "product_substitute_product_id_foreign" foreign key ("product_id") references "products"."product" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "products"."product_substitute" add constraint "product_substitute_substitute_id_foreign" foreign key ("substitute_id") references "products"."product" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "products"."in_transit" add column "reference" text null;`);
    this.addSql(`alter table "products"."in_transit" add constraint "in_transit_reference_unique" unique ("reference");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "products"."master_data_change" cascade;`);

    this.addSql(`drop table if exists "products"."product_substitute" cascade;`);

    this.addSql(`alter table "products"."in_transit" drop constraint "in_transit_reference_unique";`);
    this.addSql(`alter table "products"."in_transit" drop column "reference";`);
  }
}
