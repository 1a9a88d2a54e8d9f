import { randomUUID } from 'node:crypto';

import {
  allows,
  APPROVAL_LEVEL,
  canSeeDealer,
  type Claims,
  InternalCallError,
  isErpClient,
  isStaff,
  isStaffRole,
  normalizeId,
  type PageWindow,
  readOptionalAmount,
  Refusal,
  requireClaims,
  serviceUnavailable,
  type UserError,
  userError,
} from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { OrdersContext } from '../context.js';
import { routeOrder, stepsDecidedBy } from '../domain/approval-routing.js';
import { inScope } from '../domain/approver-scope.js';
import { acknowledgement } from '../domain/erp-acknowledgement.js';
import type { OrderStatus } from '../domain/order-lifecycle.js';
import { type AlternativeKind, buildRejection, type RejectionAlternative, type RejectionCode } from '../domain/order-rejection.js';
import { Order } from '../entities/order.entity.js';
import { OrderApprovalStep } from '../entities/order-approval-step.entity.js';
import { scopeCondition, scopeOf } from './approver-scope.service.js';
import { releaseAfterChange, runEffect, startEffect } from './order-effects.service.js';
import { changeOrderStatus } from './order-status.service.js';
import { recordOrderEvent } from './outbox.service.js';

/** What a lifecycle mutation answers: the order as it is now, or why nothing changed. */
export interface OrderDecisionResult {
  order: Order | null;
  userErrors: UserError[];
}

type Em = OrdersContext['em'];

const approverLevel = (claims: Claims) => (isStaffRole(claims.role) ? APPROVAL_LEVEL[claims.role] : 0);
const notFound = () => new Refusal([userError('NOT_FOUND', 'There is no such order.', ['orderId'])]);

/**
 * Runs `change` on the locked order in one transaction; a Refusal rolls everything back and
 * becomes userErrors. A role the authorization matrix refuses `operation` hears FORBIDDEN before any
 * order is looked at; another dealer's order reads as not found; an order whose last change is still
 * being completed in another service (a HOLD or SHIP effect) answers ORDER_BUSY. When the change
 * started an effect, it is driven after the commit (order-effects.service.ts) and its outcome is the answer.
 */
async function onLockedOrder(
  ctx: OrdersContext,
  operation: string,
  orderId: string,
  change: (em: Em, order: Order, claims: Claims) => Promise<void>,
): Promise<OrderDecisionResult> {
  const claims = requireClaims(ctx.claims);
  const id = normalizeId(orderId);
  if (!allows(claims, operation))
    return { order: null, userErrors: [userError('FORBIDDEN', `Your role (${claims.role}) may not do this (${operation}).`)] };
  try {
    if (!id) throw notFound();
    // The approver's scope may need the dealers service: asked now, not while the transaction holds a connection.
    if (approverLevel(claims) > 0) await scopeOf(ctx, claims);
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

const mustBe = (order: Order, statuses: OrderStatus[], doing: string) => {
  if (!statuses.includes(order.status)) {
    throw new Refusal([userError('INVALID_TRANSITION', `An order that is ${order.status} cannot be ${doing}.`, ['orderId'])]);
  }
};

/** The pending steps of an order's chain, planning them for an order that has none (placed before chains existed). */
async function pendingSteps(em: Em, order: Order): Promise<OrderApprovalStep[]> {
  const steps = await em.find(OrderApprovalStep, { order: order.id }, { orderBy: { position: 'asc' } });
  if (steps.length > 0) return steps.filter((s) => s.status === 'PENDING');
  const routing = routeOrder({
    total: order.total,
    currency: order.currency,
    credit: { outcome: 'ACCEPT', approvalLevel: null, reason: null },
    minimum: { minimumAmount: 0, belowMinimum: 'REFUSE' },
  });
  const plan =
    routing.outcome === 'APPROVAL'
      ? routing.steps
      : [{ level: 1, role: 'SALES_REP', rule: 'MANUAL_REVIEW', reason: 'The order waits for a review.' }];
  return plan.map((step, i) => {
    const row = em.create(OrderApprovalStep, {
      id: randomUUID(),
      order: order.id,
      position: i + 1,
      level: step.level,
      role: step.role,
      rule: step.rule,
      reason: step.reason,
    });
    em.persist(row);
    return row;
  });
}

/**
 * Refuses (FORBIDDEN) anyone but an approver in whose scope the order's dealer is. Checked before
 * anything that depends on the order's state, so that an approver outside the scope learns nothing
 * of the order (not its status from INVALID_TRANSITION).
 */
async function mustDecideInScope(ctx: OrdersContext, order: Order, claims: Claims): Promise<void> {
  if (!isStaff(claims)) throw new Refusal([userError('FORBIDDEN', "Only the distributor's approvers decide orders.")]);
  if (approverLevel(claims) > 0 && !inScope(await scopeOf(ctx, claims), order)) {
    throw new Refusal([
      userError(
        'FORBIDDEN',
        claims.role === 'SALES_REP'
          ? "This order's dealer is not one of yours: its own sales rep, its regional manager or a director decides it."
          : "This order's dealer is outside your region: its regional manager or a director decides it.",
        ['orderId'],
      ),
    ]);
  }
}

/** The steps this approver (in scope: {@link mustDecideInScope}) decides now, or FORBIDDEN (below the step's level). */
async function stepsFor(em: Em, order: Order, claims: Claims): Promise<OrderApprovalStep[]> {
  const pending = await pendingSteps(em, order);
  const count = stepsDecidedBy({ approverLevel: approverLevel(claims), pendingLevels: pending.map((s) => s.level) });
  if (count === 0) {
    const next = pending[0];
    throw new Refusal([
      userError(
        'FORBIDDEN',
        next ? `This order waits for a ${next.role} (level ${next.level}) or above.` : 'This order waits for no approval.',
      ),
    ]);
  }
  return pending.slice(0, count);
}

/**
 * Approves the steps of a pending order the caller may decide (their level or below). The last step
 * commits as a HOLD effect: credit holds the order after the commit, then the order becomes APPROVED
 * (approval-hold.service.ts); a credit refusal keeps it pending and answers with the refusal.
 */
export function approveOrder(ctx: OrdersContext, orderId: string, comment: string | null): Promise<OrderDecisionResult> {
  return onLockedOrder(ctx, 'Mutation.approveOrder', orderId, async (em, order, claims) => {
    await mustDecideInScope(ctx, order, claims);
    mustBe(order, ['PENDING_APPROVAL'], 'approved');
    const steps = await stepsFor(em, order, claims);
    const now = new Date();
    const remaining = await em.count(OrderApprovalStep, { order: order.id, status: 'PENDING', id: { $nin: steps.map((s) => s.id) } });
    if (remaining > 0) {
      for (const step of steps) approveStep(em, order, step, claims.sub, comment, now);
      // The next step starts waiting now: its deadline and timers.
      return ctx.approvalTimers.scheduleWaiting(em, order.id, now);
    }
    // The last step: credit is held after this commits, then the order becomes APPROVED (approval-hold.service.ts).
    startEffect(ctx, order, {
      kind: 'HOLD',
      byUserId: claims.sub,
      comment,
      stepIds: steps.map((s) => s.id),
      approverLevel: approverLevel(claims),
      overLimitApproved: (await em.count(OrderApprovalStep, { order: order.id, rule: 'CREDIT_APPROVAL' })) > 0,
    });
  });
}

/** One approval step decided by an approver, with its event. */
function approveStep(em: Em, order: Order, step: OrderApprovalStep, byUserId: string, comment: string | null, at: Date): void {
  Object.assign(step, { status: 'APPROVED', decidedByUserId: byUserId, decidedAt: at, comment });
  recordOrderEvent(em, {
    orderId: order.id,
    dealerId: order.dealerId,
    scope: order,
    type: 'APPROVAL_STEP',
    status: order.status,
    actor: byUserId,
    reason: comment,
    data: { level: step.level, step: step.position, decision: 'APPROVED' },
    at,
  });
}

/** A rejection as asked for: amounts are decimal strings in the order's currency. */
export interface RejectInput {
  reason: string;
  /** OTHER when absent (the original two-argument rejectOrder, kept for clients). */
  code?: RejectionCode | null;
  alternatives?: readonly { kind: AlternativeKind; amount?: string | null; note?: string | null }[] | null;
}

function parseAlternatives(given: RejectInput['alternatives']): RejectionAlternative[] {
  const errors: UserError[] = [];
  const alternatives = (given ?? []).map((a, i) => ({
    kind: a.kind,
    amount: readOptionalAmount(a.amount, { field: ['alternatives', String(i), 'amount'] }, errors),
    note: a.note ?? null,
  }));
  if (errors.length) throw new Refusal(errors);
  return alternatives;
}

/**
 * Rejects a pending order (an approver at the waiting step's level or above) with a reason code, the
 * text and suggested alternatives, stored on the order and carried by the REJECTED event; stock and
 * credit are released.
 */
export function rejectOrder(ctx: OrdersContext, orderId: string, input: RejectInput): Promise<OrderDecisionResult> {
  return onLockedOrder(ctx, 'Mutation.rejectOrder', orderId, async (em, order, claims) => {
    await mustDecideInScope(ctx, order, claims);
    const built = buildRejection({ code: input.code, reason: input.reason, alternatives: parseAlternatives(input.alternatives) });
    if ('problem' in built) throw new Refusal([userError('INVALID_INPUT', built.problem.message, built.problem.field)]);
    const { rejection } = built;
    mustBe(order, ['PENDING_APPROVAL'], 'rejected');
    const [step] = await stepsFor(em, order, claims);
    Object.assign(step, { status: 'REJECTED', decidedByUserId: claims.sub, decidedAt: new Date(), comment: rejection.reason });
    order.rejection = rejection;
    startEffect(ctx, order, { kind: 'RELEASE' });
    await changeOrderStatus(em, order, {
      to: 'REJECTED',
      byUserId: claims.sub,
      comment: rejection.reason,
      data: { rejection, currency: order.currency },
    });
  });
}

/**
 * Cancels an order: the dealer (not VIEW_ONLY) while it is pending or approved and not yet
 * processing; staff in any status the lifecycle allows. Stock and credit are released.
 */
export function cancelOrder(ctx: OrdersContext, orderId: string, reason: string | null): Promise<OrderDecisionResult> {
  return onLockedOrder(ctx, 'Mutation.cancelOrder', orderId, async (em, order, claims) => {
    if (claims.role === 'VIEW_ONLY') throw new Refusal([userError('FORBIDDEN', 'Your role (VIEW_ONLY) may not change orders.')]);
    if (!isStaff(claims)) mustBe(order, ['PENDING_APPROVAL', 'APPROVED'], 'cancelled by the dealer (call us once it is processing)');
    mustBe(order, ['PENDING_APPROVAL', 'APPROVED', 'PROCESSING'], 'cancelled');
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
    if (!isStaff(claims) && !isErpClient(claims))
      throw new Refusal([userError('FORBIDDEN', 'Only staff or the ERP integration report fulfilment.')]);
    const from = { PROCESSING: ['APPROVED'], SHIPPED: ['PROCESSING'], DELIVERED: ['SHIPPED'] }[update.status] as OrderStatus[];
    mustBe(order, from, `marked ${update.status}`);
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

/**
 * What waits on the caller: pending orders whose next approval step is at the caller's level or
 * below, oldest first. Empty for dealer users and for staff who approve nothing.
 */
export async function approvalQueue(ctx: OrdersContext, window: PageWindow): Promise<[Order[], number]> {
  const claims = requireClaims(ctx.claims);
  const level = approverLevel(claims);
  if (level === 0) return [[], 0];
  const scope = scopeCondition(await scopeOf(ctx, claims));
  const schema = ctx.em.config.get('schema');
  const rows = await ctx.em.getConnection().execute<{ id: string; total_count: string }[]>(
    `select o.id, count(*) over () as total_count
       from "${schema}"."order" o
       join lateral (select s.level from "${schema}"."order_approval_step" s
                      where s.order_id = o.id and s.status = 'PENDING' order by s.position limit 1) next on true
      where o.status = 'PENDING_APPROVAL' and o.workflow = 'DONE' and next.level <= ? and ${scope.sql}
      order by o.placed_at asc, o.id asc
      offset ? limit ?`,
    [level, ...scope.params, window.offset, window.limit],
  );
  // An empty page is an empty queue only when it was the first page of a real size (first: 0 asks for the count alone).
  if (rows.length === 0) return [[], window.offset === 0 && window.limit > 0 ? 0 : await countQueue(ctx, level, scope)];
  const orders = await ctx.em.find(Order, { id: { $in: rows.map((r) => r.id) } });
  const byId = new Map(orders.map((o) => [o.id, o]));
  return [rows.map((r) => byId.get(r.id)!).filter(Boolean), Number(rows[0].total_count)];
}

async function countQueue(ctx: OrdersContext, level: number, scope: { sql: string; params: unknown[] }): Promise<number> {
  const schema = ctx.em.config.get('schema');
  const [row] = await ctx.em.getConnection().execute<{ n: string }[]>(
    `select count(*) as n from "${schema}"."order" o
       join lateral (select s.level from "${schema}"."order_approval_step" s
                      where s.order_id = o.id and s.status = 'PENDING' order by s.position limit 1) next on true
      where o.status = 'PENDING_APPROVAL' and o.workflow = 'DONE' and next.level <= ? and ${scope.sql}`,
    [level, ...scope.params],
  );
  return Number(row.n);
}

/** Gives every pending order placed without an approval chain (demo data) its chain, so the queue sees it. */
export async function planMissingChains(ctx: OrdersContext): Promise<void> {
  await ctx.em.fork().transactional(async (em) => {
    const orders = await em.find(Order, { status: 'PENDING_APPROVAL', workflow: 'DONE' });
    for (const order of orders) {
      if ((await em.count(OrderApprovalStep, { order: order.id })) === 0) await pendingSteps(em, order);
    }
  });
}
