import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One mail to one person about one order event: the delivery record of the notifications outbox.
 * `(event_id, user_id, kind)` is unique, so an event planned twice (a crash between planning and
 * marking the event) still makes one mail per recipient; the row's id is the pg-boss job id and the
 * mail's Message-ID, so a job sent twice is one job and a mail sent twice is recognisable as one.
 */
@Entity({ tableName: 'mail_notification' })
@Unique({ name: 'mail_notification_event_user_kind_unique', properties: ['eventId', 'userId', 'kind'] })
@Index({ name: 'mail_notification_status_created_at_index', properties: ['status', 'createdAt'] })
export class MailNotification {
  [OptionalProps]?: 'status' | 'attempts' | 'lastError' | 'sentAt' | 'createdAt' | 'orderId';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The order event (outbox row) it is about. */
  @Property({ type: 'uuid' })
  eventId!: string;

  /** The order, for finding a mail again (null for events about no order). */
  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  /** The recipient (a dealers user id). */
  @Property({ type: 'uuid' })
  userId!: string;

  /** What kind of notification (ORDER_PLACED, APPROVAL_WAITING, ...; domain/notification-kinds.ts). */
  @Property({ type: 'text' })
  kind!: string;

  /** The address it goes to, as dealers knew it when the event was planned. */
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text' })
  html!: string;

  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  @Property({ type: 'jsonb' })
  headers!: Record<string, string>;

  /** PENDING until sent; SENT; FAILED once every retry failed. */
  @Property({ type: 'text' })
  status: 'PENDING' | 'SENT' | 'FAILED' = 'PENDING';

  /** Tries so far. */
  @Property({ type: 'integer' })
  attempts: number = 0;

  /** The last failure's message (from the SMTP server or the network). */
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;
}
