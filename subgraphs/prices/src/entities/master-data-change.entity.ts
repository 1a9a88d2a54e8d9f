import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The audit of master data changes (TIER_RULES, VOLUME_BREAKS, PROMOTIONS and SPECIAL_PRICES imports, upsertPromotion,
 * upsertSpecialPriceAgreement): who, when, which record,
 * before and after. Written in the same transaction as the change; an unchanged upsert writes none.
 * It is also the outbox of the `dealer.changed` webhook (services/dealer-forwarder.ts).
 */
@Entity({ tableName: 'master_data_change' })
@Index({ properties: ['subjectId', 'at'] })
export class MasterDataChange {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** What kind of record: TIER_RULE, VOLUME_BREAK, PROMOTION or SPECIAL_PRICE. */
  @Property({ type: 'text' })
  subject!: string;

  /** The record's own key: the tier, the volume break's min quantity, CODE@SKU of a promotion, an agreement's reference. */
  @Property({ type: 'text' })
  subjectId!: string;

  /** The key of the record, as subjectId. */
  @Property({ type: 'text' })
  externalKey!: string;

  /** The user or API client that made the change. */
  @Property({ type: 'text' })
  actorId!: string;

  /** "import <job id> (<file>)"; null when unknown. */
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
