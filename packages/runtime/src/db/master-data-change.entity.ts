import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The columns every subgraph's `master_data_change` table shares: the audit of a change to master data
 * (an upsert through the API or a row of an import), who made it, when, which record, before and after.
 * A subgraph's entity extends it, names its table and says which subjects it records; it is written in
 * the same transaction as the change, and an unchanged upsert writes none.
 */
@Entity({ abstract: true })
@Index({ properties: ['subjectId', 'at'] })
export abstract class MasterDataChangeRecord {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** What kind of record (each subgraph lists its kinds on its entity). */
  @Property({ type: 'text' })
  subject!: string;

  /** The record's id; a subgraph whose records have no uuid redeclares it as text. */
  @Property({ type: 'uuid' })
  subjectId!: string;

  /** The ERP's key of the record (a dealer code, a SKU, ...). */
  @Property({ type: 'text' })
  externalKey!: string;

  /** The user or API client that made the change (an import: the one who started it). */
  @Property({ type: 'text' })
  actorId!: string;

  /** The caller's email, the API client's name or "import <job id>"; null when unknown. */
  @Property({ type: 'text', nullable: true })
  actorName: string | null = null;

  /** The record's fields before; null when it was created. */
  @Property({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null = null;

  /** The record's fields after the change. */
  @Property({ type: 'jsonb' })
  after!: Record<string, unknown>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();
}
