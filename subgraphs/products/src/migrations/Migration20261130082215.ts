import { Migration } from '@mikro-orm/migrations';

export class Migration20261130082215 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "products"."product" add column "hazardous" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "products"."product" drop column "hazardous";`);
  }
}
