import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * That one user has read one notification. The feed itself is the order events the user may see
 * (see domain/event-audience.ts); only the read marks are stored per user.
 */
@Entity({ tableName: 'notification_read' })
export class NotificationRead {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  /** The order event (outbox row) the notification is about. */
  @PrimaryKey({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'timestamptz' })
  readAt!: Date;
}
