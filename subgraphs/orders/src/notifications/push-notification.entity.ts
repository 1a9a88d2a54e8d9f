import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One web push message to one device about one order event: the push twin of `mail_notification`.
 * `(event_id, subscription_id, kind)` is unique (an event planned twice pushes once per device); the
 * row's id is the pg-boss job id. GONE: the push service said the subscription no longer exists (404/410);
 * the subscription was removed and nothing is retried.
 */
@Entity({ tableName: 'push_notification' })
@Unique({ name: 'push_notification_event_subscription_kind_unique', properties: ['eventId', 'subscriptionId', 'kind'] })
@Index({ name: 'push_notification_status_created_at_index', properties: ['status', 'createdAt'] })
export class PushNotification {
  [OptionalProps]?: 'status' | 'attempts' | 'lastError' | 'sentAt' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The order event (outbox row) it is about. */
  @Property({ type: 'uuid' })
  eventId!: string;

  /** The recipient (a dealers user id). */
  @Property({ type: 'uuid' })
  userId!: string;

  /** The device (push_subscription id; the row may be gone since). */
  @Property({ type: 'uuid' })
  subscriptionId!: string;

  /** What kind of notification (ORDER_PLACED, APPROVAL_WAITING, ...). */
  @Property({ type: 'text' })
  kind!: string;

  /** What the service worker shows: title, body, url, tag. Encrypted to the device when sent. */
  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** PENDING until the push service took it; SENT; FAILED once every retry failed; GONE when the device unsubscribed. */
  @Property({ type: 'text' })
  status: 'PENDING' | 'SENT' | 'FAILED' | 'GONE' = 'PENDING';

  /** Tries so far. */
  @Property({ type: 'integer' })
  attempts: number = 0;

  /** The last failure (the push service's status and answer, or the network error). */
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;
}
