import { Migration } from '@mikro-orm/migrations';

export class Migration20261130075914 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "dealers"."dealer" add column "sales_rep_user_id" uuid null;`);

    this.addSql(`alter table "dealers"."user_account" add column "region" text null;`);
    // Data seeded before scopes existed gets the demo's assignment (a fresh database is seeded with it).
    this.addSql(`update "dealers"."user_account" set "region" = 'Northeast' where "email" in ('rep@demo.staff', 'manager@demo.staff');`);
    this.addSql(
      `update "dealers"."dealer" set "sales_rep_user_id" = (select "id" from "dealers"."user_account" where "email" = 'rep@demo.staff') where "region" = 'Northeast';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "dealers"."dealer" drop column "sales_rep_user_id";`);

    this.addSql(`alter table "dealers"."user_account" drop column "region";`);
  }
}
