import { Migration } from '@mikro-orm/migrations';

export class Migration20261207130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."order" add column "effect" jsonb null, add column "effect_lease_until" timestamptz null;`);
    this.addSql(`create index "order_effect_lease_index" on "orders"."order" ("effect_lease_until") where "effect" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "orders"."order_effect_lease_index";`);
    this.addSql(`alter table "orders"."order" drop column "effect", drop column "effect_lease_until";`);
  }
}
