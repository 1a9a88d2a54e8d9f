import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The periodic tier reviews that ran (and the baseline a fresh install records, so its first review
 * comes one period later): the job reads the newest to know when the next is due.
 */
@Entity({ tableName: 'tier_review' })
export class TierReview {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'timestamptz', index: true })
  at!: Date;

  /** REVIEW, or BASELINE (recorded at the first start; nothing evaluated). */
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'integer' })
  evaluated!: number;

  @Property({ type: 'integer' })
  upgraded!: number;

  @Property({ type: 'integer' })
  gracesStarted!: number;

  @Property({ type: 'integer' })
  downgraded!: number;
}
