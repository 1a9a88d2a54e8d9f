import type { ListPriceImportResult } from '@dealergraph/runtime';
import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A list price staged by an import (the integration subgraph sends a file in chunks): nothing prices
 * from it until the whole import is applied in one transaction, so a price list is never half loaded.
 */
@Entity({ tableName: 'list_price_stage' })
export class ListPriceStage {
  @PrimaryKey({ type: 'uuid' })
  importId!: string;

  @PrimaryKey({ type: 'uuid' })
  productId!: string;

  /** A dated price's first instant; '-infinity' for the base list price (a key part cannot be null). */
  @PrimaryKey({ type: 'timestamptz', defaultRaw: `'-infinity'` })
  validFrom!: Date;

  /** A dated price's end (excluded); null: no end. */
  @Property({ type: 'timestamptz', nullable: true })
  validTo: Date | null = null;

  /** List price in cents. */
  @Property({ type: new BigIntType('number') })
  listPrice!: number;

  /** ISO 4217 code. */
  @Property({ type: 'text' })
  currency!: string;
}

/** An import that was applied (or tried, dryRun): its answer, so applying it again changes nothing and answers the same. */
@Entity({ tableName: 'list_price_import' })
export class ListPriceImport {
  [OptionalProps]?: 'appliedAt';

  @PrimaryKey({ type: 'uuid' })
  importId!: string;

  @Property({ type: 'boolean' })
  dryRun!: boolean;

  @Property({ type: 'jsonb' })
  result!: ListPriceImportResult;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  appliedAt: Date = new Date();
}
