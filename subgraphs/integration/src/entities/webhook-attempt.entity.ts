import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One try of a delivery: when, how it ended, and the start of what the endpoint answered. */
@Entity({ tableName: 'webhook_attempt' })
export class WebhookAttempt {
  @PrimaryKey({ type: 'uuid' })
  deliveryId!: string;

  /** 1 for the first try. */
  @PrimaryKey({ type: 'integer' })
  attempt!: number;

  @Property({ type: 'timestamptz' })
  at!: Date;

  /** The HTTP status; null when no answer came (refused, timed out). */
  @Property({ type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Property({ type: 'integer' })
  durationMs!: number;

  /** Why no answer came (e.g. "timed out after 15000 ms"); null when one did. */
  @Property({ type: 'text', nullable: true })
  error!: string | null;

  /** The first 500 characters of the answer's body. */
  @Property({ type: 'text', nullable: true })
  responseExcerpt!: string | null;
}
