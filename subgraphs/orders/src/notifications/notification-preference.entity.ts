import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One user's choice for one kind of notification by e-mail: IMMEDIATE (the default, when there is
 * no row) or OFF. Written by `setNotificationPreference` and by the one-click unsubscribe link.
 */
@Entity({ tableName: 'notification_preference' })
export class NotificationPreference {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  /** The kind of notification (domain/notification-kinds.ts). */
  @PrimaryKey({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  email!: 'IMMEDIATE' | 'OFF';

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
