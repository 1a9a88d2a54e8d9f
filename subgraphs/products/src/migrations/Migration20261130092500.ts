import { Migration } from '@mikro-orm/migrations';

const GIN_INDEXES = ['product_search_document_index', 'product_name_trigram_index', 'product_sku_trigram_index'];

/**
 * Search's GIN indexes without the pending list: with fastupdate on, the whole seeded catalog sat in
 * each index's unsorted pending list, which every search read in full (47 of the 60 ms of a misspelled
 * name; docs/BENCHMARKS.md, catalog search). Catalog writes are rare next to searches.
 */
export class Migration20261130092500 extends Migration {
  override async up(): Promise<void> {
    for (const index of GIN_INDEXES) {
      this.addSql(`alter index "products"."${index}" set (fastupdate = off);`);
      // Turning fastupdate off keeps the entries already pending; merge them into the index now.
      this.addSql(`select gin_clean_pending_list('"products"."${index}"'::regclass);`);
    }
  }

  override async down(): Promise<void> {
    for (const index of GIN_INDEXES) this.addSql(`alter index "products"."${index}" reset (fastupdate);`);
  }
}
