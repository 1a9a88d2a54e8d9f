import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * Something about the ERP link that needs a person: a delivery that dead-lettered, a sync that is
 * overdue, an import that failed. Raised by the monitor's sweep, at most one open alert per subject,
 * and resolved by the sweep once the cause is gone (replayed and delivered, synced again, ignored).
 */
@Entity({ tableName: 'integration_alert' })
@Unique({
  name: 'integration_alert_open_unique',
  expression:
    'create unique index "integration_alert_open_unique" on "integration"."integration_alert" ("kind", "subject") where resolved_at is null',
})
@Index({ properties: ['raisedAt'] })
export class IntegrationAlert {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** DELIVERY_DEAD, SYNC_OVERDUE, IMPORT_FAILED or PRICE_MISMATCH. */
  @Property({ type: 'text' })
  kind!: string;

  /** What it is about: the delivery id, the sync kind, the import job id. */
  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  message!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  raisedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;
}
