import {
  approvalLevelOf,
  canSeeDealer,
  type Claims,
  InternalCallError,
  isErpClient,
  isStaff,
  normalizeId,
  Refusal,
  refusalUnlessAllowed,
  requireClaims,
  serviceUnavailable,
  type UserError,
  userError,
} from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import { scopeOf } from '../approvals/approver-scope.service.js';
import type { OrdersContext } from '../context.js';
import { acknowledgement } from './domain/erp-acknowledgement.js';
import type { CancellationCode } from './domain/order-cancellation.js';
import { type OrderStatus, transitionRefusal } from './domain/order-lifecycle.js';
import { Order } from './order.entity.js';
import { releaseAfterChange, runEffect, startEffect } from './order-effects.service.js';
import { changeOrderStatus } from './order-status.service.js';

/** What a lifecycle mutation answers: the order as it is now, or why nothing changed. */
export interface OrderDecisionResult {
  order: Order | null;
  userErrors: UserError[];
}

export type Em = OrdersContext['em'];

const notFound = () => new Refusal([userError('NOT_FOUND', 'There is no such order.', ['orderId'])]);

/**
 * Runs `change` on the locked order in one transaction; a Refusal rolls everything back and
 * becomes userErrors. A role the authorization matrix refuses `operation` hears FORBIDDEN before any
 * order is looked at; another dealer's order reads as not found; an order whose last change is still
 * being completed in another service (a HOLD or SHIP effect) answers ORDER_BUSY. When the change
 * started an effect, it is driven after the commit (order-effects.service.ts) and its outcome is the answer.
 */
export async function onLockedOrder(
  ctx: OrdersContext,
  operation: string,
  orderId: string,
  change: (em: Em, order: Order, claims: Claims) => Promise<void>,
): Promise<OrderDecisionResult> {
  const claims = requireClaims(ctx.claims);
  const id = normalizeId(orderId);
  const forbidden = refusalUnlessAllowed(claims, operation);
  if (forbidden) return { order: null, userErrors: [forbidden] };
  try {
    if (!id) throw notFound();
    // The approver's scope may need the dealers service: asked now, not while the transaction holds a connection.
    if (approvalLevelOf(claims.role) > 0) await scopeOf(ctx, claims);
    const order = await ctx.em.fork().transactional(async (em) => {
      const locked = await em.findOne(Order, { id, workflow: 'DONE' }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // The ERP's client acts on every dealer's orders (only where the matrix lets it: acknowledgement, fulfilment).
      if (!locked || !(canSeeDealer(claims, locked.dealerId) || isErpClient(claims))) throw notFound();
      if (locked.effect && locked.effect.kind !== 'RELEASE') throw orderBusy();
      const before = locked.effect?.id;
      await change(em, locked, claims);
      await em.flush();
      return { locked, started: locked.effect && locked.effect.id !== before ? locked.effect : null };
    });
    if (!order.started) return { order: order.locked, userErrors: [] };
    if (order.started.kind === 'RELEASE') {
      await releaseAfterChange(ctx, order.locked.id);
      return { order: order.locked, userErrors: [] };
    }
    try {
      return (await runEffect(ctx, order.locked.id)) ?? { order: order.locked, userErrors: [] };
    } catch (error) {
      if (!(error instanceof InternalCallError)) throw error;
      // The decision is committed; the sweep finishes what the other service did not answer.
      throw serviceUnavailable(
        `${order.started.kind === 'HOLD' ? 'Credit' : 'The warehouse'} did not answer in time; the change is recorded and is completed automatically as soon as it answers. Look at the order in a moment.`,
      );
    }
  } catch (error) {
    if (error instanceof Refusal) return { order: null, userErrors: error.errors };
    throw error;
  }
}

const orderBusy = () =>
  new Refusal([userError('ORDER_BUSY', 'Another change of this order is still being completed: try again in a moment.', ['orderId'])]);

/**
 * The lifecycle's answer to this caller taking the order to `to` (domain/order-lifecycle.ts): a
 * Refusal unless it may. `asApprover`: approve and reject, where a DEALER_ADMIN acts as their dealer's
 * own approver (which steps they decide is the approvals' check).
 */
export function mustTransition(order: Order, to: OrderStatus, claims: Claims, asApprover = false): void {
  const party =
    isStaff(claims) || isErpClient(claims) ? 'STAFF' : asApprover && claims.role === 'DEALER_ADMIN' ? 'DEALER_APPROVER' : 'DEALER';
  const refusal = transitionRefusal({ from: order.status, to, party });
  if (refusal) throw Refusal.of(refusal.code, refusal.message, ['orderId']);
}

/**
 * Cancels an order where the lifecycle lets the caller (the dealer while it is pending or approved,
 * staff until it ships). Stock and credit are released; the code says why (an error code counts in the
 * success metrics' order error rate).
 */
export function cancelOrder(
  ctx: OrdersContext,
  orderId: string,
  reason: string | null,
  code: CancellationCode | null = null,
): Promise<OrderDecisionResult> {
  return onLockedOrder(ctx, 'Mutation.cancelOrder', orderId, async (em, order, claims) => {
    mustTransition(order, 'CANCELLED', claims);
    order.cancellationCode = code;
    startEffect(ctx, order, { kind: 'RELEASE' });
    await changeOrderStatus(em, order, { to: 'CANCELLED', byUserId: claims.sub, comment: reason?.trim() || null });
  });
}

/** A fulfilment update from staff or the ERP integration. */
export interface FulfillmentUpdate {
  status: 'PROCESSING' | 'SHIPPED' | 'DELIVERED';
  carrier?: string | null;
  trackingNumber?: string | null;
  comment?: string | null;
}

/** Moves an order through PROCESSING, SHIPPED (carrier and tracking number; stock leaves the warehouse) and DELIVERED. */
export function updateFulfillment(ctx: OrdersContext, orderId: string, update: FulfillmentUpdate): Promise<OrderDecisionResult> {
  return onLockedOrder(ctx, 'Mutation.updateOrderFulfillment', orderId, async (em, order, claims) => {
    // The ERP client acts for the distributor; a client bound to a dealer does not (data scope, beside the matrix's row).
    if (!isStaff(claims) && !isErpClient(claims))
      throw new Refusal([userError('FORBIDDEN', 'Only staff or the ERP integration report fulfilment.')]);
    mustTransition(order, update.status, claims);
    if (update.status === 'SHIPPED') {
      const carrier = update.carrier?.trim();
      const trackingNumber = update.trackingNumber?.trim();
      if (!carrier || !trackingNumber)
        throw new Refusal([
          userError('INVALID_INPUT', 'A shipment needs a carrier and a tracking number.', [
            'input',
            carrier ? 'trackingNumber' : 'carrier',
          ]),
        ]);
      // The stock leaves the warehouse after this commits, then the order becomes SHIPPED (shipment.service.ts).
      startEffect(ctx, order, { kind: 'SHIP', byUserId: claims.sub, carrier, trackingNumber, comment: update.comment?.trim() || null });
      return;
    }
    await changeOrderStatus(em, order, { to: update.status, byUserId: claims.sub, comment: update.comment?.trim() || null });
  });
}

/** What the ERP says when it has taken an order in. */
export interface AcknowledgeInput {
  erpOrderNumber: string;
  confirmedShipDate?: string | null;
  confirmedDeliveryDate?: string | null;
}

/**
 * The ERP acknowledges an order (domain/erp-acknowledgement.ts): its order number and confirmed
 * dates are recorded, an APPROVED order becomes PROCESSING; a repeat changes nothing but the dates.
 */
export async function acknowledgeOrder(
  ctx: OrdersContext,
  target: { orderId?: string | null; orderNumber?: string | null },
  input: AcknowledgeInput,
): Promise<OrderDecisionResult> {
  let orderId = target.orderId ?? null;
  if (!orderId && target.orderNumber?.trim()) {
    const found = await ctx.em.findOne(Order, { number: target.orderNumber.trim().toUpperCase() }, { fields: ['id'] });
    orderId = found?.id ?? '';
  }
  if (orderId === null)
    return { order: null, userErrors: [userError('INVALID_INPUT', 'Name the order: orderId or orderNumber.', ['input', 'orderId'])] };
  return onLockedOrder(ctx, 'Mutation.acknowledgeOrder', orderId, async (em, order, claims) => {
    const ack = acknowledgement({ status: order.status, current: order.erpOrderNumber, ...input });
    if (!ack.ok) throw new Refusal([userError(ack.code, ack.message, ack.field)]);
    order.erpOrderNumber = ack.erpOrderNumber;
    order.erpAcknowledgedAt ??= new Date();
    if (ack.confirmedShipDate) order.confirmedShipDate = ack.confirmedShipDate;
    if (ack.confirmedDeliveryDate) order.confirmedDeliveryDate = ack.confirmedDeliveryDate;
    if (ack.moveTo)
      await changeOrderStatus(em, order, {
        to: ack.moveTo,
        byUserId: isErpClient(claims) ? null : claims.sub,
        comment: `Acknowledged by the ERP as ${ack.erpOrderNumber}.`,
        data: {
          erpOrderNumber: ack.erpOrderNumber,
          confirmedShipDate: order.confirmedShipDate,
          confirmedDeliveryDate: order.confirmedDeliveryDate,
        },
      });
  });
}
