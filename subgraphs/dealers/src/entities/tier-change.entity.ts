import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A dealer's tier history: every change of its tier, why and by whom, written in the same
 * transaction as the change. `published` turns true once prices and products have the new tier;
 * the tier evaluation job sends the unpublished ones again.
 */
@Entity({ tableName: 'tier_change' })
@Index({ properties: ['dealerId', 'at'] })
@Index({
  name: 'tier_change_unpublished_index',
  expression: 'create index "tier_change_unpublished_index" on "dealers"."tier_change" ("at") where not "published"',
})
export class TierChange {
  [OptionalProps]?: 'published' | 'actorId' | 'actorName';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  dealerId!: string;

  @Property({ type: 'text' })
  fromTier!: string;

  @Property({ type: 'text' })
  toTier!: string;

  /** AUTOMATIC_UPGRADE, MANUAL_UPGRADE, DOWNGRADE (after the grace period) or MASTER_DATA (the ERP's upsert). */
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  reason!: string;

  /** Who decided it; null for the evaluation job. */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'text', nullable: true })
  actorName: string | null = null;

  @Property({ type: 'timestamptz' })
  at!: Date;

  @Property({ type: 'boolean', default: false })
  published: boolean = false;
}
