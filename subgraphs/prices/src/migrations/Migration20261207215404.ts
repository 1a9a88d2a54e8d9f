import { Migration } from '@mikro-orm/migrations';

export class Migration20261207215404 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "prices"."promotion" add column "code" text null;`);
    this.addSql(`alter table "prices"."promotion" add constraint "promotion_code_product_id_unique" unique ("code", "product_id");`);

    this.addSql(`alter table "prices"."special_price" add column "reference" text null;`);
    this.addSql(`alter table "prices"."special_price" add constraint "special_price_reference_unique" unique ("reference");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "prices"."promotion" drop constraint "promotion_code_product_id_unique";`);
    this.addSql(`alter table "prices"."promotion" drop column "code";`);

    this.addSql(`alter table "prices"."special_price" drop constraint "special_price_reference_unique";`);
    this.addSql(`alter table "prices"."special_price" drop column "reference";`);
  }
}
