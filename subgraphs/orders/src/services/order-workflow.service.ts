import { randomUUID } from 'node:crypto';

import {
  type CreditDecision,
  formatAmount,
  type QuotedLine,
  Refusal,
  takeInternalFault,
  type UserError,
  userError,
} from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { OrdersContext } from '../context.js';
import { DEMO_APPROVAL_RULES, routeOrder, type RoutingDecision } from '../domain/approval-routing.js';
import { parsePercent } from '../domain/approval-rule-edit.js';
import { DealerOrderPolicy } from '../entities/dealer-order-policy.entity.js';
import { type ApprovalFacts, Order, type WorkflowStep } from '../entities/order.entity.js';
import { OrderApprovalStep } from '../entities/order-approval-step.entity.js';
import { OrderLine } from '../entities/order-line.entity.js';
import { loadApprovalRules } from './approval-rule.service.js';
import { restoreCartLines } from './cart.service.js';
import { withCartLock } from './cart-lock.js';
import { SimulatedCrash, WorkflowLostError } from './order-errors.js';
import { releaseHoldings } from './order-release.service.js';
import { changeOrderStatus, recordPlacement } from './order-status.service.js';
import { consumeSpecialPricesOf } from './special-price-use.service.js';

/**
 * The placeOrder workflow after the claim. Each step is idempotent by order id and persisted before
 * the next starts (order.workflowStep), so whoever drives it (the request, a retry, the recovery
 * sweep) resumes where it stopped:
 *
 *   CLAIMED -> price (prices.quoteLines; lines stored) -> PRICED -> credit outcome + routing (pure)
 *   -> reserve (products.reserveStock) -> RESERVED -> hold when auto-approved (credit.placeHold)
 *   -> HELD -> finish: status, history, approval steps, outbox event, cart cleared: one transaction.
 *
 * Any refusal or failure runs the compensations in reverse (releaseHold, releaseSpecialPrices,
 * releaseStock), then deletes the order, so nothing stays held and the idempotency key can be used again.
 */

/** How a drive of the workflow ended. */
export type WorkflowOutcome =
  | { kind: 'PLACED'; order: Order; warning: string | null }
  | { kind: 'REFUSED'; errors: UserError[] }
  /** A step failed (timeout, unavailable service); compensated, or left to the sweep when even that failed. */
  | { kind: 'FAILED'; message: string };

const STEP_ORDER: WorkflowStep[] = ['CLAIMED', 'PRICED', 'RESERVED', 'HELD'];
const reached = (order: Order, step: WorkflowStep) => STEP_ORDER.indexOf(order.workflowStep!) >= STEP_ORDER.indexOf(step);

/** The lease this runner holds, renewed at each step. */
const leaseFrom = (ctx: OrdersContext) => new Date(Date.now() + ctx.workflow.leaseMs);

/** Tests only: "kill" the process right after a step (see SimulatedCrash). */
function crashPoint(ctx: OrdersContext, step: WorkflowStep): void {
  if (ctx.runtime?.config.faultInjection && !ctx.runtime.config.production && takeInternalFault(`orders.after${step}`, 'after')) {
    throw new SimulatedCrash(step);
  }
}

/**
 * Runs `change` on the locked order in one transaction, if the workflow is still running and not
 * being compensated; renews the lease. Throws WorkflowLostError otherwise.
 */
async function advance(
  ctx: OrdersContext,
  orderId: string,
  change: (em: OrdersContext['em'], order: Order) => Promise<void> | void,
): Promise<Order> {
  return ctx.em.fork().transactional(async (em) => {
    const order = await em.findOne(Order, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!order || order.workflow !== 'RUNNING' || order.compensating) throw new WorkflowLostError(orderId);
    await change(em, order);
    order.leaseUntil = order.workflow === 'RUNNING' ? leaseFrom(ctx) : null;
    await em.flush();
    return order;
  });
}

/**
 * What `advance` does for a step that only moves the marker, in one statement instead of a
 * transaction with a row lock: the same condition (still running, not being compensated), checked
 * atomically by the update itself. Throws WorkflowLostError when it no longer holds.
 */
async function markStep(ctx: OrdersContext, order: Order, step: WorkflowStep): Promise<Order> {
  const leaseUntil = leaseFrom(ctx);
  const updatedAt = new Date();
  const moved = await ctx.em
    .fork()
    .nativeUpdate(Order, { id: order.id, workflow: 'RUNNING', compensating: false }, { workflowStep: step, leaseUntil, updatedAt });
  if (moved === 0) throw new WorkflowLostError(order.id);
  Object.assign(order, { workflowStep: step, leaseUntil, updatedAt });
  return order;
}

/** Prices the request and stores the lines: UNKNOWN_SKU, NOT_AUTHORIZED, PRICE_CHANGED refuse. */
async function priceStep(ctx: OrdersContext, order: Order): Promise<{ order: Order; lines: OrderLine[] }> {
  const request = order.request!;
  const skus = request.lines.map((line) => line.sku);
  const [{ products }, { dealers }] = await Promise.all([
    ctx.services.products.call('lookupProducts', { dealerId: order.dealerId, skus }),
    ctx.services.dealers.call('dealerProfiles', { dealerIds: [order.dealerId] }),
  ]);
  const dealer = dealers[0] ?? null;
  const bySku = new Map(products.map((p) => [p.sku.toLowerCase(), p]));
  const errors: UserError[] = [];
  request.lines.forEach((line, i) => {
    const product = bySku.get(line.sku.toLowerCase());
    if (!product)
      errors.push(userError('UNKNOWN_SKU', `There is no product with SKU "${line.sku}".`, ['input', 'lines', String(i), 'sku']));
    else if (!product.active || !product.authorized)
      errors.push(userError('NOT_AUTHORIZED', `${product.sku} is not available to your dealership.`, ['input', 'lines', String(i), 'sku']));
  });
  if (errors.length) throw new Refusal(errors);
  const resolved = request.lines.map((line) => ({ line, product: bySku.get(line.sku.toLowerCase())! }));
  const quote = await ctx.services.prices.call('quoteLines', {
    dealerId: order.dealerId,
    lines: resolved.map(({ line, product }) => ({ productId: product.id, quantity: line.quantity })),
  });
  const quoted = new Map<string, QuotedLine>(quote.lines.map((q) => [q.productId, q]));
  let total = 0;
  resolved.forEach(({ line, product }, i) => {
    const q = quoted.get(product.id);
    if (!q || !q.priceable) {
      errors.push(
        userError('NOT_AUTHORIZED', `${product.sku} has no price for your dealership and cannot be ordered.`, [
          'input',
          'lines',
          String(i),
          'sku',
        ]),
      );
      return;
    }
    total += q.lineTotal;
    if (line.expectedUnitPrice !== null && line.expectedUnitPrice !== q.unitPrice) {
      errors.push(
        userError(
          'PRICE_CHANGED',
          `The price of ${product.sku} changed: ${formatAmount(q.unitPrice)} ${quote.currency} a unit now (you confirmed ${formatAmount(line.expectedUnitPrice)}).`,
          ['input', 'lines', String(i), 'expectedUnitPrice'],
        ),
      );
    }
  });
  if (!Number.isSafeInteger(total))
    errors.push(
      userError('INVALID_QUANTITY', 'The order total is too large to be computed exactly: order fewer units.', ['input', 'lines']),
    );
  if (errors.length === 0 && request.expectedTotal !== null && request.expectedTotal !== total) {
    errors.push(
      userError(
        'PRICE_CHANGED',
        `The order total is ${formatAmount(total)} ${quote.currency} now (you confirmed ${formatAmount(request.expectedTotal)}).`,
        ['input', 'expectedTotal'],
      ),
    );
  }
  if (errors.length) throw new Refusal(errors);
  const lines: OrderLine[] = [];
  const priced = await advance(ctx, order.id, (em, locked) => {
    resolved.forEach(({ line, product }, i) => {
      const q = quoted.get(product.id)!;
      lines.push(
        em.create(OrderLine, {
          id: randomUUID(),
          order: locked.id,
          position: i + 1,
          productId: product.id,
          sku: product.sku,
          name: product.name,
          quantity: line.quantity,
          unitPrice: q.unitPrice,
          lineTotal: q.lineTotal,
          // Only a granted special price (from an approved request) has units to take at reservation.
          specialPriceId: q.specialPriceRequestId ? (q.specialPriceId ?? null) : null,
        }),
      );
    });
    em.persist(lines);
    locked.total = total;
    locked.currency = quote.currency;
    // Who may decide it and what the approval rules look at, as things stand at placement.
    locked.dealerRegion = dealer?.region ?? null;
    locked.salesRepUserId = dealer?.salesRepUserId ?? null;
    locked.approvalFacts = {
      lines: resolved.map(({ product }) => {
        const q = quoted.get(product.id)!;
        return {
          sku: product.sku,
          specialPrice: q.specialPrice,
          appliedRules: q.appliedRules,
          discountBp: parsePercent(q.discountPercent) ?? 0,
          handling: product.handling ?? [],
          preApproved: !!q.specialPriceRequestId,
        };
      }),
      firstOrdersReviewed: dealer?.firstOrdersReviewed ?? true,
    } satisfies ApprovalFacts;
    locked.workflowStep = 'PRICED';
  });
  return { order: priced, lines };
}

/** What the routing says, given what credit says about this amount now. */
async function decide(ctx: OrdersContext, order: Order): Promise<{ routing: RoutingDecision; credit: CreditDecision }> {
  // All reads: the credit assessment and the local facts the routing needs go out together.
  const [credit, policy, rules, previousOrders] = await Promise.all([
    ctx.services.credit.call('assessOrder', { dealerId: order.dealerId, amount: order.total }),
    ctx.em.fork().findOne(DealerOrderPolicy, { dealerId: order.dealerId }),
    loadApprovalRules(ctx.em),
    ctx.em.fork().count(Order, { dealerId: order.dealerId, workflow: 'DONE', id: { $ne: order.id } }),
  ]);
  refuseByCredit(credit);
  const facts = order.approvalFacts;
  const routing = routeOrder({
    total: order.total,
    currency: order.currency,
    credit: { outcome: credit.outcome, approvalLevel: credit.approvalLevel, reason: credit.reason },
    minimum: { minimumAmount: policy?.minimumAmount ?? 0, belowMinimum: policy?.belowMinimum ?? 'REFUSE' },
    lines: facts?.lines ?? [],
    dealer: facts ? { firstOrdersReviewed: facts.firstOrdersReviewed, previousOrders } : null,
    rules,
  });
  if (routing.outcome === 'REFUSE') throw new Refusal([userError(routing.code, routing.message, ['input', 'lines'])]);
  return { routing, credit };
}

/** Credit outcomes that end the placement: refused, partial, or a payment first. */
function refuseByCredit(credit: CreditDecision): void {
  const money = (minor: number) => `${formatAmount(minor)}${credit.currency ? ` ${credit.currency}` : ''}`;
  if (credit.outcome === 'REFUSE') {
    throw new Refusal([userError(credit.code ?? 'CREDIT_LIMIT_EXCEEDED', credit.reason ?? 'Credit refuses this order.')]);
  }
  if (credit.outcome === 'PARTIAL') {
    const message = `${credit.reason ?? 'The order exceeds your available credit.'} Orders up to ${money(credit.fitsAmount)} fit now: remove lines and place it again.`;
    throw new Refusal([userError(credit.code ?? 'CREDIT_LIMIT_EXCEEDED', message)]);
  }
  if (credit.outcome === 'PAYMENT_REQUIRED') {
    const message = `${credit.reason ?? 'The order exceeds your available credit.'} Pay ${money(credit.amountToPay)} first, then place it again.`;
    throw new Refusal([userError(credit.code ?? 'PAYMENT_REQUIRED', message)]);
  }
}

/**
 * Reserves every line or none: INSUFFICIENT_STOCK with what each short line can have; then takes the
 * units of lines priced with a granted special price (PRICE_CHANGED when they are gone).
 */
async function reserveStep(ctx: OrdersContext, order: Order, lines: OrderLine[]): Promise<Order> {
  const result = await ctx.services.products.call('reserveStock', {
    orderId: order.id,
    dealerId: order.dealerId,
    lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
  });
  if (result.status === 'RELEASED') throw new WorkflowLostError(order.id);
  if (result.status === 'INSUFFICIENT') {
    throw new Refusal(
      result.shortages.map((s) => {
        const index = lines.findIndex((l) => l.productId === s.productId);
        const sku = lines[index]?.sku ?? s.productId;
        return userError('INSUFFICIENT_STOCK', `${sku}: ${s.requested} requested, ${s.available} available.`, [
          'input',
          'lines',
          String(index),
          'quantity',
        ]);
      }),
    );
  }
  await consumeSpecialPricesOf(ctx, order, lines);
  return markStep(ctx, order, 'RESERVED');
}

/** Holds credit for an order approved automatically; a refusal that asks for approval routes it to FINANCE. */
async function holdStep(ctx: OrdersContext, order: Order, routing: RoutingDecision): Promise<{ order: Order; routing: RoutingDecision }> {
  const held = await ctx.services.credit.call('placeHold', { dealerId: order.dealerId, orderId: order.id, amount: order.total });
  if (held.status === 'RELEASED') throw new WorkflowLostError(order.id);
  if (held.status === 'REFUSED') {
    const { decision } = held;
    if (decision.outcome === 'APPROVAL') {
      const level = decision.approvalLevel ?? 4;
      // Only the credit rule can fire here: the others were asked already and let the order through.
      const stored = (await loadApprovalRules(ctx.em)).filter((r) => r.kind === 'CREDIT_EXCEEDANCE' && r.enabled);
      const rules = stored.length ? stored : DEMO_APPROVAL_RULES.filter((r) => r.kind === 'CREDIT_EXCEEDANCE');
      const rerouted = routeOrder({
        total: order.total,
        currency: order.currency,
        credit: { outcome: 'APPROVAL', approvalLevel: level, reason: decision.reason },
        minimum: { minimumAmount: 0, belowMinimum: 'REFUSE' },
        rules,
      });
      return { order, routing: rerouted };
    }
    refuseByCredit(decision.outcome === 'ACCEPT' ? { ...decision, outcome: 'REFUSE' } : decision);
  }
  return { order: await markStep(ctx, order, 'HELD'), routing };
}

/** The last step: the order takes its status, history, approval chain and outbox event at once. */
async function finish(ctx: OrdersContext, orderId: string, routing: RoutingDecision, warning: string | null): Promise<Order> {
  return advance(ctx, orderId, async (em, order) => {
    const now = new Date();
    order.status = 'PENDING_APPROVAL';
    order.placedAt = now;
    order.warning = warning;
    order.workflow = 'DONE';
    recordPlacement(em, order, order.placedByUserId, now);
    if (routing.outcome === 'APPROVAL') {
      routing.steps.forEach((step, i) =>
        em.persist(
          em.create(OrderApprovalStep, {
            id: randomUUID(),
            order: order.id,
            position: i + 1,
            level: step.level,
            role: step.role,
            rule: step.rule,
            reason: step.reason,
            deadlineHours: step.deadlineHours,
          }),
        ),
      );
      await ctx.approvalTimers.scheduleWaiting(em, order.id, now);
    } else {
      await changeOrderStatus(em, order, {
        to: 'APPROVED',
        byUserId: null,
        comment: 'Approved automatically: no approval rule applied.',
        at: now,
      });
    }
  });
}

/** Drives the workflow of a claimed order from wherever it stopped to an end. */
export async function driveWorkflow(ctx: OrdersContext, orderId: string, claimed?: Order): Promise<WorkflowOutcome> {
  // The claim's own row needs no second read; any other driver (retry, sweep) reads where it stands.
  let order = claimed?.id === orderId ? claimed : await ctx.em.fork().findOne(Order, { id: orderId });
  if (!order || order.workflow !== 'RUNNING') return { kind: 'FAILED', message: 'The order is no longer being placed.' };
  let lines: OrderLine[] | null = null;
  try {
    if (order.compensating) throw new WorkflowLostError(orderId);
    if (!reached(order, 'PRICED')) {
      ({ order, lines } = await priceStep(ctx, order));
      crashPoint(ctx, 'PRICED');
    }
    let warning: string | null = null;
    let routing: RoutingDecision = { outcome: 'AUTO_APPROVE', steps: [] };
    if (!reached(order, 'HELD')) {
      const decided = await decide(ctx, order);
      routing = decided.routing;
      warning = decided.credit.warning;
    }
    if (!reached(order, 'RESERVED')) {
      lines ??= await ctx.em.fork().find(OrderLine, { order: orderId }, { orderBy: { position: 'asc' } });
      order = await reserveStep(ctx, order, lines);
      crashPoint(ctx, 'RESERVED');
    }
    if (routing.outcome === 'AUTO_APPROVE' && !reached(order, 'HELD')) {
      ({ order, routing } = await holdStep(ctx, order, routing));
      if (routing.outcome === 'AUTO_APPROVE') crashPoint(ctx, 'HELD');
    }
    return { kind: 'PLACED', order: await finish(ctx, orderId, routing, warning), warning };
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error;
    const compensated = await compensate(ctx, orderId).catch((e: unknown) => {
      ctx.runtime?.logger.warn('compensation failed; the recovery sweep will retry it', { orderId, error: String(e) });
      return false;
    });
    if (error instanceof Refusal) return { kind: 'REFUSED', errors: error.errors };
    if (error instanceof WorkflowLostError) {
      // Another runner (the sweep, a retry) may have finished it meanwhile: then that is the answer.
      const finished = await ctx.em.fork().findOne(Order, { id: orderId, workflow: 'DONE' });
      if (finished) return { kind: 'PLACED', order: finished, warning: finished.warning };
    }
    if (!(error instanceof WorkflowLostError)) ctx.runtime?.logger.warn('order workflow step failed', { orderId, error: String(error) });
    return {
      kind: 'FAILED',
      message: compensated
        ? 'The order could not be placed: a service it needs failed or did not answer in time. Nothing was reserved or held: send it again with the same idempotencyKey.'
        : 'The order could not be placed: a service it needs failed or did not answer in time. What it reserved is being released: send it again with the same idempotencyKey in a moment.',
    };
  }
}

/**
 * Undoes whatever a workflow may have done, in reverse (credit hold, then stock), then deletes the
 * order. Marked compensating first, so no runner can finish it meanwhile. True when it is gone.
 */
export async function compensate(ctx: OrdersContext, orderId: string): Promise<boolean> {
  const order = await ctx.em.fork().transactional(async (em) => {
    const locked = await em.findOne(Order, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!locked || locked.workflow !== 'RUNNING') return null;
    locked.compensating = true;
    locked.leaseUntil = leaseFrom(ctx);
    await em.flush();
    return locked;
  });
  if (!order) return true;
  // A workflow that was never priced never reached another service.
  if (order.workflowStep !== 'CLAIMED') {
    await releaseHoldings(ctx, orderId);
  }
  const cartLines = order.request?.cartLines ?? [];
  const userId = order.placedByUserId;
  if (cartLines.length === 0 || !userId) {
    await ctx.em.fork().nativeDelete(Order, { id: orderId, workflow: 'RUNNING' });
    return true;
  }
  // The lines come back with the deletion, in one transaction: exactly once, however often this runs.
  await withCartLock(ctx, userId, async (em) => {
    const deleted = await em.nativeDelete(Order, { id: orderId, workflow: 'RUNNING' });
    if (deleted > 0) await restoreCartLines(em, { userId, dealerId: order.dealerId }, cartLines);
  });
  return true;
}
