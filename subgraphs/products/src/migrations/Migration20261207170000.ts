import { Migration } from '@mikro-orm/migrations';

/**
 * fuzzystrmatch for search's typo budget (services/search.service.ts): Levenshtein distance between a
 * searched word and the catalog's words. A trusted extension, so the subgraph's own role may create it.
 */
export class Migration20261207170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists fuzzystrmatch with schema public;`);
  }

  override async down(): Promise<void> {
    // Other schemas of the same database may use it; leave it.
  }
}
