import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The audit of master data changes (upsertCreditAccount and CREDIT_ACCOUNTS imports; limit and policy changes also go into credit_limit_change): who, when, which record,
 * before and after. Written in the same transaction as the change; an unchanged upsert writes none.
 */
@Entity({ tableName: 'master_data_change' })
@Index({ properties: ['subjectId', 'at'] })
export class MasterDataChange {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** What kind of record: CREDIT_ACCOUNT. */
  @Property({ type: 'text' })
  subject!: string;

  /** The dealer id (the account's key). */
  @Property({ type: 'uuid' })
  subjectId!: string;

  /** The ERP's key of the record: the dealer code. */
  @Property({ type: 'text' })
  externalKey!: string;

  /** The user or API client that made the change. */
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
