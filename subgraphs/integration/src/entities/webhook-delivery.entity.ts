import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One event for one endpoint: the exact body it is sent with on every try (so the signature's
 * content and the `webhook-id` never change) and where it stands. Deliveries with the same
 * `orderingKey` (the order id) reach their endpoint in `seq` order: a pg-boss job per delivery on a
 * queue that runs one job per endpoint and key at a time, oldest first (key_strict_fifo).
 */
@Entity({ tableName: 'webhook_delivery' })
@Unique({ properties: ['endpointId', 'eventId'] })
@Index({ properties: ['status', 'createdAt'] })
@Index({ properties: ['orderingKey', 'seq'] })
export class WebhookDelivery {
  [OptionalProps]?:
    | 'seq'
    | 'status'
    | 'attempts'
    | 'lastResponseStatus'
    | 'lastError'
    | 'lastAttemptAt'
    | 'nextAttemptAt'
    | 'deliveredAt'
    | 'createdAt'
    | 'jobId'
    | 'ignoredAt'
    | 'ignoredBy'
    | 'ignoreReason';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Insertion order: the order deliveries of one key are sent in. */
  @Property({ type: 'bigint', autoincrement: true })
  seq!: string;

  @Property({ type: 'uuid' })
  endpointId!: string;

  /** The event's id: the `webhook-id` header, the same on every try. */
  @Property({ type: 'text' })
  eventId!: string;

  @Property({ type: 'text' })
  eventType!: string;

  /** The order (or dealer) the event is about. */
  @Property({ type: 'text' })
  orderingKey!: string;

  /** The JSON body, byte for byte as signed and sent. */
  @Property({ type: 'text' })
  body!: string;

  /** PENDING (not tried yet), RETRYING (failed, tried again later), DELIVERED, DEAD (every try failed), IGNORED (dead, set aside by a person). */
  @Property({ type: 'text', default: 'PENDING' })
  status: string = 'PENDING';

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'integer', nullable: true })
  lastResponseStatus: number | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null = null;

  /** When the next try is due (null when none is planned). */
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  /** The pg-boss job that sends it; null until it is queued. */
  @Property({ type: 'uuid', nullable: true })
  jobId: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** When a person set a dead delivery aside (IGNORED), who (e-mail or client name) and why: the audit of the error queue. */
  @Property({ type: 'timestamptz', nullable: true })
  ignoredAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  ignoredBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  ignoreReason: string | null = null;
}
