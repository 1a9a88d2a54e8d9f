import { randomUUID } from 'node:crypto';

import {
  approvalLevelOf,
  type Claims,
  type PageWindow,
  readOptionalAmount,
  Refusal,
  requireClaims,
  type UserError,
  userError,
} from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import { recordOrderEvent } from '../events/outbox.service.js';
import { Order } from '../orders/order.entity.js';
import { type Em, mustTransition, onLockedOrder, type OrderDecisionResult } from '../orders/order-decision.service.js';
import { startEffect } from '../orders/order-effects.service.js';
import { changeOrderStatus } from '../orders/order-status.service.js';
import { laneCondition, scopeCondition, scopeOf } from './approver-scope.service.js';
import { type Approver, approverLanes, stepsDecidedBy } from './domain/approval-areas.js';
import { routeOrder } from './domain/approval-routing.js';
import { inScope } from './domain/approver-scope.js';
import { type AlternativeKind, buildRejection, type RejectionAlternative, type RejectionCode } from './domain/order-rejection.js';
import { OrderApprovalStep } from './order-approval-step.entity.js';

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
      : [{ level: 1, area: 'SALES' as const, role: 'SALES_REP', rule: 'MANUAL_REVIEW', reason: 'The order waits for a review.' }];
  return plan.map((step, i) => {
    const row = em.create(OrderApprovalStep, {
      id: randomUUID(),
      order: order.id,
      position: i + 1,
      level: step.level,
      area: step.area,
      role: step.role,
      rule: step.rule,
      reason: step.reason,
    });
    em.persist(row);
    return row;
  });
}

/**
 * Refuses (FORBIDDEN) an approver (the matrix's row let only approvers in) outside whose scope the
 * order's dealer is. Checked before anything that depends on the order's state, so that an approver
 * outside the scope learns nothing of the order (not its status from INVALID_TRANSITION).
 */
async function mustDecideInScope(ctx: OrdersContext, order: Order, claims: Claims): Promise<void> {
  if (!inScope(await scopeOf(ctx, claims), order)) {
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

/** The caller as an approver: their role and, for a dealer user, their dealer. */
export const approverOf = (claims: Claims): Approver => ({ role: claims.role, dealerId: claims.dealerId ?? null });

/** A step as domain/approval-areas.ts sees it. */
export const areaStepOf = (step: OrderApprovalStep, order: Order) => ({ area: step.area, level: step.level, dealerId: order.dealerId });

/**
 * The steps this approver (in scope: {@link mustDecideInScope}) decides now (domain/approval-areas.ts
 * `stepsDecidedBy`), or a refusal: WRONG_APPROVAL_AREA when the step is another area's than theirs
 * (FINANCE and a sales step, a SALES_DIRECTOR and a credit step), FORBIDDEN when it is above them in their own.
 */
async function stepsFor(em: Em, order: Order, claims: Claims): Promise<OrderApprovalStep[]> {
  const pending = await pendingSteps(em, order);
  const approver = approverOf(claims);
  const count = stepsDecidedBy({ approver, pending: pending.map((s) => areaStepOf(s, order)) });
  if (count === 0) {
    const next = pending[0];
    if (!next) throw new Refusal([userError('FORBIDDEN', 'This order waits for no approval.')]);
    const lanes = approverLanes(approver);
    const otherArea = lanes.length > 0 && !lanes.some((lane) => lane.area === next.area);
    if (next.area === 'DEALER') {
      throw new Refusal([
        userError('FORBIDDEN', "This order waits for its dealer's own approval (a DEALER_ADMIN of the dealer) before the distributor's."),
      ]);
    }
    throw new Refusal([
      otherArea
        ? userError(
            'WRONG_APPROVAL_AREA',
            `This order waits for a ${next.role} (${next.area.toLowerCase()}, level ${next.level}): ${
              next.area === 'FINANCE' ? 'credit and payment matters are decided by FINANCE' : 'sales exceptions climb the sales ladder'
            } or the GENERAL_MANAGER, not by seniority in another area.`,
          )
        : userError('FORBIDDEN', `This order waits for a ${next.role} (level ${next.level}) or above in its area.`),
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
    mustTransition(order, 'APPROVED', claims, true);
    const steps = await stepsFor(em, order, claims);
    const now = new Date();
    const remaining = await em.count(OrderApprovalStep, { order: order.id, status: 'PENDING', id: { $nin: steps.map((s) => s.id) } });
    if (remaining > 0) {
      // The last event names the step that waits next, so its approvers hear the order enter their queue.
      const next = await em.findOne(
        OrderApprovalStep,
        { order: order.id, status: 'PENDING', id: { $nin: steps.map((s) => s.id) } },
        { orderBy: { position: 'asc' } },
      );
      steps.forEach((step, i) => approveStep(em, order, step, claims.sub, comment, now, i === steps.length - 1 ? next : null));
      // The next step starts waiting now: its deadline and timers.
      return ctx.approvalTimers.scheduleWaiting(em, order.id, now);
    }
    // The last step: credit is held after this commits, then the order becomes APPROVED (approval-hold.service.ts).
    startEffect(ctx, order, {
      kind: 'HOLD',
      byUserId: claims.sub,
      comment,
      stepIds: steps.map((s) => s.id),
      approverLevel: approvalLevelOf(claims.role),
      approverRole: claims.role,
      overLimitApproved: (await em.count(OrderApprovalStep, { order: order.id, rule: 'CREDIT_APPROVAL' })) > 0,
    });
  });
}

/** One approval step decided by an approver, with its event (naming the step that waits next, when given). */
function approveStep(
  em: Em,
  order: Order,
  step: OrderApprovalStep,
  byUserId: string,
  comment: string | null,
  at: Date,
  next: OrderApprovalStep | null = null,
): void {
  Object.assign(step, { status: 'APPROVED', decidedByUserId: byUserId, decidedAt: at, comment });
  recordOrderEvent(em, {
    orderId: order.id,
    dealerId: order.dealerId,
    scope: order,
    type: 'APPROVAL_STEP',
    status: order.status,
    actor: byUserId,
    reason: comment,
    data: {
      level: step.level,
      area: step.area,
      step: step.position,
      decision: 'APPROVED',
      ...(next ? { nextLevel: next.level, nextArea: next.area } : {}),
    },
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
    mustTransition(order, 'REJECTED', claims, true);
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

/** Narrows and orders the approval inbox (approvalQueue's arguments). */
export interface ApprovalQueueFilter {
  dealerId: string | null;
  /** Part of the order number, case-insensitive. */
  number: string | null;
  /** The approval level of the next step. */
  level: number | null;
  /** The dealer's region, case-insensitive. */
  region: string | null;
  sort: 'OLDEST_FIRST' | 'NEWEST_FIRST' | 'LARGEST_FIRST';
}

const NO_FILTER: ApprovalQueueFilter = { dealerId: null, number: null, level: null, region: null, sort: 'OLDEST_FIRST' };

const QUEUE_ORDER: Record<ApprovalQueueFilter['sort'], string> = {
  OLDEST_FIRST: 'o.placed_at asc, o.id asc',
  NEWEST_FIRST: 'o.placed_at desc, o.id desc',
  LARGEST_FIRST: 'o.total desc, o.placed_at asc, o.id asc',
};

type Condition = { sql: string; params: unknown[] };

/** The queue's where clause: what waits on the caller (their lanes: area and level) in their scope, then the filter. */
function queueCondition(lanes: Condition, scope: Condition, filter: ApprovalQueueFilter) {
  const parts = [`o.status = 'PENDING_APPROVAL'`, `o.workflow = 'DONE'`, lanes.sql, scope.sql];
  const params: unknown[] = [...lanes.params, ...scope.params];
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    params.push(value);
  };
  if (filter.dealerId) add('o.dealer_id = ?', filter.dealerId);
  // LIKE's own escape character is the backslash: the typed text matches as text, never as a pattern.
  if (filter.number) add('o.number ilike ?', `%${filter.number.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.level !== null) add('next.level = ?', filter.level);
  if (filter.region) add('lower(o.dealer_region) = lower(?)', filter.region);
  return { sql: parts.join(' and '), params };
}

/**
 * What waits on the caller: pending orders whose next approval step the caller may decide (its
 * area is one of theirs, its level at theirs or below: domain/approval-areas.ts), in the caller's scope, narrowed by the filter (dealer, number, level, region) and in its
 * order (oldest first by default). Empty for dealer users and for staff who approve nothing.
 */
export async function approvalQueue(
  ctx: OrdersContext,
  window: PageWindow,
  filter: ApprovalQueueFilter = NO_FILTER,
): Promise<[Order[], number]> {
  const claims = requireClaims(ctx.claims);
  const lanes = approverLanes(approverOf(claims));
  if (lanes.length === 0) return [[], 0];
  if (!/^[0-9a-f-]{36}$/i.test(filter.dealerId ?? '00000000-0000-0000-0000-000000000000')) return [[], 0];
  const where = queueCondition(
    laneCondition(lanes, { area: 'next.area', level: 'next.level', dealerId: 'o.dealer_id' }),
    scopeCondition(await scopeOf(ctx, claims)),
    filter,
  );
  const schema = ctx.em.config.get('schema');
  const rows = await ctx.em.getConnection().execute<{ id: string; total_count: string }[]>(
    `select o.id, count(*) over () as total_count
       from "${schema}"."order" o
       join lateral (select s.level, s.area from "${schema}"."order_approval_step" s
                      where s.order_id = o.id and s.status = 'PENDING' order by s.position limit 1) next on true
      where ${where.sql}
      order by ${QUEUE_ORDER[filter.sort]}
      offset ? limit ?`,
    [...where.params, window.offset, window.limit],
  );
  // An empty page is an empty queue only when it was the first page of a real size (first: 0 asks for the count alone).
  if (rows.length === 0) return [[], window.offset === 0 && window.limit > 0 ? 0 : await countQueue(ctx, where)];
  const orders = await ctx.em.find(Order, { id: { $in: rows.map((r) => r.id) } });
  const byId = new Map(orders.map((o) => [o.id, o]));
  return [rows.map((r) => byId.get(r.id)!).filter(Boolean), Number(rows[0].total_count)];
}

async function countQueue(ctx: OrdersContext, where: { sql: string; params: unknown[] }): Promise<number> {
  const schema = ctx.em.config.get('schema');
  const [row] = await ctx.em.getConnection().execute<{ n: string }[]>(
    `select count(*) as n from "${schema}"."order" o
       join lateral (select s.level, s.area from "${schema}"."order_approval_step" s
                      where s.order_id = o.id and s.status = 'PENDING' order by s.position limit 1) next on true
      where ${where.sql}`,
    where.params,
  );
  return Number(row.n);
}

/**
 * Gives every pending order placed without an approval chain (demo data) its chain, so the queue sees it.
 * Under a transaction-scoped advisory lock: replicas starting together would otherwise plan the same chain twice.
 */
export async function planMissingChains(ctx: OrdersContext): Promise<void> {
  await ctx.em.fork().transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('orders.planMissingChains'))`);
    const orders = await em.find(Order, { status: 'PENDING_APPROVAL', workflow: 'DONE' });
    for (const order of orders) {
      if ((await em.count(OrderApprovalStep, { order: order.id })) === 0) await pendingSteps(em, order);
    }
  });
}
