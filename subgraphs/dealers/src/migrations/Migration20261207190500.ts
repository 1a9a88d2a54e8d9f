import { Migration } from '@mikro-orm/migrations';

export class Migration20261207190500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "dealers"."session" add column "rotated_at" timestamptz null, add column "grace_used" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "dealers"."session" drop column "rotated_at", drop column "grace_used";`);
  }
}
