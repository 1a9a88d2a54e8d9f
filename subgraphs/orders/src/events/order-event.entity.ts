import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The transactional outbox of the orders subgraph: one row per thing that happened to an order,
 * written in the same transaction as the change itself, so an event exists exactly when its change
 * committed. A relay publishes unpublished rows after commit (`published_at` set once it did); the
 * rows stay afterwards as the history a reconnecting client reads (`orderEvents(since:)`).
 */
@Entity({ tableName: 'order_event' })
// What the relay still has to publish, oldest first (a small partial index: published rows drop out).
@Index({
  name: 'order_event_unpublished_index',
  expression: (table, c, name) =>
    `create index "${name}" on ${table.schema ? `"${table.schema}".` : ''}"${table.name}" ("${c.at}", "${c.id}") where "${c.publishedAt}" is null`,
})
// A dealer's events in time order, for catch-up after a reconnect and the notification feed.
// What the ERP forwarder still has to hand to integration (a small partial index: forwarded rows drop out).
@Index({
  name: 'order_event_erp_unforwarded_index',
  expression: (table, c, name) =>
    `create index "${name}" on ${table.schema ? `"${table.schema}".` : ''}"${table.name}" ("${c.at}", "${c.id}") where "${c.erpForwardedAt}" is null`,
})
// What the mail planner still has to plan (a small partial index: planned rows drop out).
@Index({
  name: 'order_event_unnotified_index',
  expression: (table, c, name) =>
    `create index "${name}" on ${table.schema ? `"${table.schema}".` : ''}"${table.name}" ("${c.at}", "${c.id}") where "${c.notifiedAt}" is null`,
})
@Index({ name: 'order_event_dealer_id_at_index', properties: ['dealerId', 'at'] })
@Index({ name: 'order_event_order_id_at_index', properties: ['orderId', 'at'] })
@Index({ name: 'order_event_at_index', properties: ['at'] })
export class OrderEvent {
  [OptionalProps]?:
    'status' | 'actorId' | 'reason' | 'data' | 'publishedAt' | 'salesRepUserId' | 'dealerRegion' | 'erpForwardedAt' | 'notifiedAt';

  /** The event id; consumers drop a second delivery of the same id. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  orderId!: string;

  /** The order's dealer: who may see the event. */
  @Property({ type: 'uuid' })
  dealerId!: string;

  /**
   * The approver scope of the event's subject (the order's, or the special price request's): its
   * dealer's SALES_REP and region, copied so that feeds filter by scope without a join and live
   * subscribers without a lookup (see domain/approver-scope.ts).
   */
  @Property({ type: 'uuid', nullable: true })
  salesRepUserId: string | null = null;

  @Property({ type: 'text', nullable: true })
  dealerRegion: string | null = null;

  /** ORDER_PLACED, STATUS_CHANGED, APPROVAL_STEP, ESCALATED, ... (see `OrderEventType`). */
  @Property({ type: 'text' })
  type!: string;

  /** The order's status after the event. */
  @Property({ type: 'text', nullable: true })
  status: string | null = null;

  /** The user who caused it; null when the system did. */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  /** The comment, or the reason of a rejection, cancellation or escalation. */
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  /** Details of the event type (e.g. the approval level of a step), as JSON. */
  @Property({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null = null;

  /** When it happened (the business time of the change). */
  @Property({ type: 'timestamptz' })
  at!: Date;

  /** When the relay handed it to pub/sub; null until then. */
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  /**
   * When the ERP forwarder handed it to the integration subgraph (which turns the events the ERP
   * subscribes to into webhook deliveries); null until then. Events from before the forwarder are
   * marked forwarded by its migration.
   */
  @Property({ type: 'timestamptz', nullable: true })
  erpForwardedAt: Date | null = null;

  /**
   * When the mail planner turned it into mails (notifications/notification-planner.service.ts); null
   * until then. Events from before notifications are marked planned by its migration.
   */
  @Property({ type: 'timestamptz', nullable: true })
  notifiedAt: Date | null = null;
}
