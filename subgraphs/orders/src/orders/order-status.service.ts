import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/core';

import { recordOrderEvent } from '../events/outbox.service.js';
import { assertTransition, type OrderStatus } from './domain/order-lifecycle.js';
import type { Order } from './order.entity.js';
import { OrderStatusChange } from './order-status-change.entity.js';

/** A status change: to what, by whom (null: the system), why. */
export interface StatusChange {
  to: OrderStatus;
  byUserId: string | null;
  comment?: string | null;
  at?: Date;
  /** Details for the outbox event, e.g. the rejection of a REJECTED change. */
  data?: Record<string, unknown> | null;
}

/**
 * The one way an order's status changes: checks the lifecycle table (throws InvalidTransitionError),
 * sets the status, appends the history entry and records the outbox event. Call it inside a
 * transaction (it flushes): the three land together or not at all.
 */
export async function changeOrderStatus(em: EntityManager, order: Order, change: StatusChange): Promise<void> {
  assertTransition({ from: order.status, to: change.to });
  const at = change.at ?? new Date();
  order.status = change.to;
  order.updatedAt = at;
  await appendHistory(em, order, { ...change, at });
  recordOrderEvent(em, {
    orderId: order.id,
    dealerId: order.dealerId,
    scope: order,
    type: 'STATUS_CHANGED',
    status: change.to,
    actor: change.byUserId,
    reason: change.comment ?? null,
    data: change.data ?? null,
    at,
  });
}

/** The first history entry: the status an order was placed in (no transition: it had none before). */
export function recordPlacement(
  em: EntityManager,
  order: Order,
  byUserId: string | null,
  at: Date,
  /** The first approval step of an order placed pending: named in the event, so only who may decide it hears of it as an approver. */
  waiting: { level: number; area: string } | null = null,
): void {
  // The first entry of an order placed in this transaction: position 1, no lookup, no flush of its own.
  em.persist(
    em.create(OrderStatusChange, { id: randomUUID(), order: order.id, position: 1, status: order.status, at, byUserId, comment: null }),
  );
  recordOrderEvent(em, {
    orderId: order.id,
    dealerId: order.dealerId,
    scope: order,
    type: 'ORDER_PLACED',
    status: order.status,
    actor: byUserId,
    ...(waiting ? { data: { level: waiting.level, area: waiting.area, step: 1 } } : {}),
    at,
  });
}

/**
 * A history entry that changes no status (e.g. an escalation of the waiting approval step): the order
 * keeps its status, the history says what happened and when. Call it inside a transaction (it flushes).
 */
export async function appendStatusNote(
  em: EntityManager,
  order: Order,
  note: { byUserId: string | null; comment: string; at: Date },
): Promise<void> {
  await appendHistory(em, order, { to: order.status, ...note });
}

async function appendHistory(em: EntityManager, order: Order, change: StatusChange & { at: Date }): Promise<void> {
  // Flushed entry by entry, inside the caller's transaction, so positions count every earlier entry.
  await em.flush();
  const last = await em.findOne(OrderStatusChange, { order: order.id }, { orderBy: { position: 'desc' }, fields: ['position'] });
  em.persist(
    em.create(OrderStatusChange, {
      id: randomUUID(),
      order: order.id,
      position: (last?.position ?? 0) + 1,
      status: change.to,
      at: change.at,
      byUserId: change.byUserId,
      comment: change.comment ?? null,
    }),
  );
  await em.flush();
}
