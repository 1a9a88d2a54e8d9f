import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One user's choice for one kind of notification: by e-mail IMMEDIATE (the default, when there is
 * no row) or OFF; by web push ON (the default) or OFF. Written by `setNotificationPreference` and (e-mail)
 * by the one-click unsubscribe link.
 */
@Entity({ tableName: 'notification_preference' })
export class NotificationPreference {
  [OptionalProps]?: 'push';

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  /** The kind of notification (domain/notification-kinds.ts). */
  @PrimaryKey({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  email!: 'IMMEDIATE' | 'OFF';

  /** Web push to the user's subscribed devices. */
  @Property({ type: 'text', default: 'ON' })
  push: 'ON' | 'OFF' = 'ON';

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
