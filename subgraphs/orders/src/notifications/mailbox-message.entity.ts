import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A mail as sent, kept in demo mode only (never in production): the dev mailbox at /dev/mailbox.
 * Its id is the notification's, so a mail delivered twice (a retry after a crash) is kept once.
 */
@Entity({ tableName: 'mailbox_message' })
@Index({ name: 'mailbox_message_sent_at_index', properties: ['sentAt'] })
export class MailboxMessage {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text[]' })
  to!: string[];

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text' })
  html!: string;

  @Property({ type: 'jsonb' })
  headers!: Record<string, string>;

  @Property({ type: 'timestamptz' })
  sentAt!: Date;
}
