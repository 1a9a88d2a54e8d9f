import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/core';

import { OrderEvent } from './order-event.entity.js';

/** What can happen to an order, as recorded in the outbox. */
export type OrderEventType = 'ORDER_PLACED' | 'STATUS_CHANGED' | 'APPROVAL_STEP' | 'ESCALATED' | 'REMINDER' | 'SPECIAL_PRICE_REQUEST';

/** One change to record; `id` and `at` default to a fresh uuid and now. */
export interface OrderEventInput {
  orderId: string;
  dealerId: string;
  type: OrderEventType;
  /** The order's status after the change. */
  status?: string | null;
  /** The user who made the change; null or absent when the system did. */
  actor?: string | null;
  reason?: string | null;
  /**
   * Who may decide the subject: its dealer's SALES_REP and region as the order (or special price
   * request) carries them. Approvers' feeds keep the events inside their scope by these.
   */
  scope: { salesRepUserId: string | null; dealerRegion: string | null };
  /** Details of the event type, e.g. `{ level: 2, step: 1 }` for an approval step. */
  data?: Record<string, unknown> | null;
  at?: Date;
  id?: string;
}

/**
 * Records an order event in the caller's unit of work: it is written by the caller's flush, inside the
 * caller's transaction, and published only once that transaction commits (a database trigger
 * notifies the relay on commit; a rolled-back change leaves no event). Does not flush.
 */
export function recordOrderEvent(em: EntityManager, event: OrderEventInput): OrderEvent {
  const row = em.create(OrderEvent, {
    id: event.id ?? randomUUID(),
    orderId: event.orderId,
    dealerId: event.dealerId,
    type: event.type,
    status: event.status ?? null,
    actorId: event.actor ?? null,
    reason: event.reason ?? null,
    data: event.data ?? null,
    salesRepUserId: event.scope.salesRepUserId,
    dealerRegion: event.scope.dealerRegion,
    at: event.at ?? new Date(),
  });
  em.persist(row);
  return row;
}
