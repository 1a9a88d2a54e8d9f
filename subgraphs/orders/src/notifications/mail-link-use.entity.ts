import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** That a single-use link from a mail (an approval link) was used: its token id, when, and what it decided. */
@Entity({ tableName: 'mail_link_use' })
export class MailLinkUse {
  /** The token's `jti`. */
  @PrimaryKey({ type: 'uuid' })
  tokenId!: string;

  @Property({ type: 'uuid' })
  orderId!: string;

  /** APPROVED or REJECTED. */
  @Property({ type: 'text' })
  decision!: string;

  @Property({ type: 'timestamptz' })
  usedAt!: Date;
}
