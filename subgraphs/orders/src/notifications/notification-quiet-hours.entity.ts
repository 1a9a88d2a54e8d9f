import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One user's quiet hours: non-urgent mail and push planned inside the window (on the user's clock)
 * wait until it ends (domain/quiet-hours.ts). No row: no quiet hours. Written by `setQuietHours`.
 */
@Entity({ tableName: 'notification_quiet_hours' })
export class NotificationQuietHours {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  /** "HH:MM" on the user's clock, the window's first minute. */
  @Property({ type: 'text' })
  start!: string;

  /** "HH:MM", the first minute after the window (before `start`: the window crosses midnight). */
  @Property({ type: 'text' })
  end!: string;

  /** The IANA time zone of the user's clock. */
  @Property({ type: 'text' })
  timeZone!: string;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
