import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The audit of master data changes (upsertProduct, deactivateProduct, upsertInTransit, upsertCategory, upsertWarehouse; PRODUCTS,
 * STOCK, IN_TRANSIT, CATEGORIES and WAREHOUSES imports): who, when, which record,
 * before and after. Written in the same transaction as the change; an unchanged upsert writes none.
 */
@Entity({ tableName: 'master_data_change' })
@Index({ properties: ['subjectId', 'at'] })
export class MasterDataChange {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** What kind of record: PRODUCT, STOCK_LEVEL, IN_TRANSIT, CATEGORY or WAREHOUSE. */
  @Property({ type: 'text' })
  subject!: string;

  /** The record's id. */
  @Property({ type: 'uuid' })
  subjectId!: string;

  /** The ERP's key of the record: the SKU, "SKU@WAREHOUSE", the shipment reference, the category slug or the warehouse code. */
  @Property({ type: 'text' })
  externalKey!: string;

  /** The user or API client that made the change (an import: the one who started it). */
  @Property({ type: 'text' })
  actorId!: string;

  /** The caller's email, or "import <job id>"; null when unknown. */
  @Property({ type: 'text', nullable: true })
  actorName: string | null = null;

  /** The record's fields before; null when it was created. */
  @Property({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null = null;

  @Property({ type: 'jsonb' })
  after!: Record<string, unknown>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();
}
