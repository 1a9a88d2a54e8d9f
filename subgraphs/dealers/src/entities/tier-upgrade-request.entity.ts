import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A manual upgrade: a sales rep asks, a sales manager (REGIONAL_MANAGER or above) decides. At most
 * one PENDING request per dealer (a partial unique index, so a burst of requests leaves one).
 */
@Entity({ tableName: 'tier_upgrade_request' })
@Index({
  name: 'tier_upgrade_request_one_pending',
  expression:
    'create unique index "tier_upgrade_request_one_pending" on "dealers"."tier_upgrade_request" ("dealer_id") where "status" = \'PENDING\'',
})
export class TierUpgradeRequest {
  [OptionalProps]?: 'status' | 'decidedBy' | 'decidedByName' | 'decisionNote' | 'decidedAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  dealerId!: string;

  @Property({ type: 'text' })
  fromTier!: string;

  @Property({ type: 'text' })
  requestedTier!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'uuid' })
  requestedBy!: string;

  @Property({ type: 'text', nullable: true })
  requestedByName!: string | null;

  /** PENDING, APPROVED or REJECTED. */
  @Property({ type: 'text', default: 'PENDING' })
  status: string = 'PENDING';

  @Property({ type: 'uuid', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  decidedByName: string | null = null;

  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
