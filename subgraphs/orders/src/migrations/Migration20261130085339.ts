import { Migration } from '@mikro-orm/migrations';

export class Migration20261130085339 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."order_event" add column "sales_rep_user_id" uuid null, add column "dealer_region" text null;`);

    this.addSql(
      `alter table "orders"."special_price_request" add column "dealer_region" text null, add column "sales_rep_user_id" uuid null;`,
    );
    this.addSql(`create index "special_price_request_dealer_region_index" on "orders"."special_price_request" ("dealer_region");`);
    this.addSql(`create index "special_price_request_sales_rep_user_id_index" on "orders"."special_price_request" ("sales_rep_user_id");`);

    // Earlier events of orders take their order's scope, so approvers' feeds keep them; pending
    // special price requests (and their events) get theirs from dealers at startup (fillMissingScopes).
    this.addSql(
      `update "orders"."order_event" e set "sales_rep_user_id" = o."sales_rep_user_id", "dealer_region" = o."dealer_region" from "orders"."order" o where o."id" = e."order_id" and e."type" <> 'SPECIAL_PRICE_REQUEST';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."order_event" drop column "sales_rep_user_id", drop column "dealer_region";`);

    this.addSql(`drop index "orders"."special_price_request_dealer_region_index";`);
    this.addSql(`drop index "orders"."special_price_request_sales_rep_user_id_index";`);
    this.addSql(`alter table "orders"."special_price_request" drop column "dealer_region", drop column "sales_rep_user_id";`);
  }
}
