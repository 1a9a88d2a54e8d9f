import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';

import { Brand } from './brand.entity.js';
import { Category } from './category.entity.js';
import { SEARCH_DOCUMENT_EXPRESSION, SEARCH_INDEXES } from './product-search.indexes.js';

/**
 * A catalog item (an industrial spare part). Prices live in the prices subgraph, keyed by this id.
 * The unique index on sku also serves the catalog's order (by sku) and its cursor pages.
 */
@Entity({ tableName: 'product' })
// Orders look products up by sku in any case (quick order, pasted lists).
@Index({ name: 'product_sku_lower_index', expression: 'create index "product_sku_lower_index" on "products"."product" (lower("sku"))' })
@Index(SEARCH_INDEXES.fullText)
@Index(SEARCH_INDEXES.nameTrigram)
@Index(SEARCH_INDEXES.skuPrefix)
@Index(SEARCH_INDEXES.skuTrigram)
export class Product {
  [OptionalProps]?: 'active' | 'createdAt' | 'restriction' | 'searchDocument' | 'hazardous' | 'packSize';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text', unique: true })
  sku!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  description!: string;

  @ManyToOne(() => Brand, { ref: true, index: true, deleteRule: 'restrict' })
  brand!: Ref<Brand>;

  @ManyToOne(() => Category, { ref: true, index: true, deleteRule: 'restrict' })
  category!: Ref<Category>;

  /** Unit of sale: EA, BOX, M (meter) or SET. */
  @Property({ type: 'text' })
  unit!: string;

  /** How many pieces one unit of sale holds: a BOX of 100 O-rings has 100, a SET its parts; 1 for EA and M. */
  @Property({ type: 'integer', default: 1 })
  packSize: number = 1;

  /** False once discontinued: it leaves the catalog but still resolves for old orders. */
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /**
   * Null for a product every dealer may buy; CONTRACT_ONLY, IMPORTED or QUOTA for one that only the
   * dealers and segments granted it may see (see assortment-grant.entity.ts).
   */
  @Property({ type: 'text', nullable: true })
  restriction: string | null = null;

  /** Hazardous goods: special handling (approval rules may send such orders to a person). */
  @Property({ type: 'boolean', default: false })
  hazardous: boolean = false;

  /** Name, SKU and description as a full-text document, kept by PostgreSQL; never loaded (lazy). */
  @Property({ type: 'tsvector', generated: SEARCH_DOCUMENT_EXPRESSION, lazy: true, hidden: true, nullable: true })
  searchDocument?: string;
}
