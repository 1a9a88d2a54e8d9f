import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Where the distributor's ERP hears of events: a URL, the event types it wants and the secret its
 * deliveries are signed with (Standard Webhooks, `whsec_…`). The secret is kept to sign with and
 * shown only when the endpoint is created. A disabled endpoint gets no new deliveries.
 */
@Entity({ tableName: 'webhook_endpoint' })
export class WebhookEndpoint {
  [OptionalProps]?: 'active' | 'createdAt' | 'disabledAt' | 'description';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  url!: string;

  /** order.approved, order.cancelled, order.changed, dealer.changed. */
  @Property({ type: 'text[]' })
  events!: string[];

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** `whsec_` and the base64 signing key. */
  @Property({ type: 'text' })
  secret!: string;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /** Who registered it (a user id). */
  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null = null;
}
