import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The audit of master data changes (upsertDealer, upsertDealerAddress, upsertDealerContact; DEALERS, DEALER_ADDRESSES and
 * DEALER_CONTACTS imports): who, when, which record,
 * before and after. Written in the same transaction as the change; an unchanged upsert writes none.
 * It is also the outbox of the `dealer.changed` webhook (services/dealer-forwarder.ts).
 */
@Entity({ tableName: 'master_data_change' })
@Index({ properties: ['subjectId', 'at'] })
export class MasterDataChange {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** What kind of record: DEALER (the `dealer.changed` outbox reads these only), DEALER_ADDRESS or DEALER_CONTACT. */
  @Property({ type: 'text' })
  subject!: string;

  /** The record's id. */
  @Property({ type: 'uuid' })
  subjectId!: string;

  /** The ERP's key of the record (the dealer code). */
  @Property({ type: 'text' })
  externalKey!: string;

  /** The user or API client that made the change. */
  @Property({ type: 'text' })
  actorId!: string;

  /** The caller's email, or the API client's name; null when unknown. */
  @Property({ type: 'text', nullable: true })
  actorName: string | null = null;

  /** The record's fields before; null when it was created. */
  @Property({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null = null;

  @Property({ type: 'jsonb' })
  after!: Record<string, unknown>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  /** When the change went to integration as `dealer.changed`; null while it waits (the outbox). */
  @Property({ type: 'timestamptz', nullable: true })
  erpForwardedAt: Date | null = null;
}
