import { randomUUID } from 'node:crypto';

import { type CreditDecision, formatAmount, type QuotedLine, Refusal, type UserError, userError } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import { loadApprovalRules } from '../approvals/approval-rule.service.js';
import { DEMO_APPROVAL_RULES, routeOrder, type RoutingDecision } from '../approvals/domain/approval-routing.js';
import { parsePercent } from '../approvals/domain/approval-rule-edit.js';
import { OrderApprovalStep } from '../approvals/order-approval-step.entity.js';
import { spendingOf } from '../approvals/spending-limit.service.js';
import { restoreCartLines } from '../cart/cart.service.js';
import { withCartLock } from '../cart/cart-lock.js';
import type { OrdersContext } from '../context.js';
import { type ApprovalFacts, Order, type WorkflowStep } from '../orders/order.entity.js';
import { OrderLine } from '../orders/order-line.entity.js';
import { changeOrderStatus, recordPlacement } from '../orders/order-status.service.js';
import { consumeSpecialPricesOf, releaseSpecialPricesOf } from '../special-prices/special-price-use.service.js';
import { DealerOrderPolicy } from './dealer-order-policy.entity.js';
import { WorkflowLostError } from './order-errors.js';

/**
 * The steps of the placeOrder workflow (PLACEMENT_STEPS at the end of this file): what each does
 * forward and how it is undone. Each is idempotent by order id and persisted before the next starts
 * (order.workflowStep), so whoever drives it (the request, a retry, the recovery sweep) resumes where
 * it stopped. The drivers that run them forward and undo them in reverse are in
 * placement-driver.service.ts; docs/PLACEMENT.md has the table and what a crash at each step leaves.
 */

/** The markers of the steps, in order. */
export const STEP_ORDER: readonly WorkflowStep[] = ['CLAIMED', 'PRICED', 'RESERVED', 'HELD'];
/** Whether the order's workflow got past `step` (its marker, or a later one, is stored). */
export const reached = (order: Order, step: WorkflowStep) => STEP_ORDER.indexOf(order.workflowStep!) >= STEP_ORDER.indexOf(step);

/** The lease this runner holds, renewed at each step. */
export const leaseFrom = (ctx: OrdersContext) => new Date(Date.now() + ctx.workflow.leaseMs);

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

/** What the routing says, given what credit says about this order now (its line totals in order, for PARTIAL_ORDER). */
async function decide(ctx: OrdersContext, run: PlacementRun): Promise<{ routing: RoutingDecision; credit: CreditDecision }> {
  run.lines ??= await ctx.em.fork().find(OrderLine, { order: run.order.id }, { orderBy: { position: 'asc' } });
  // All reads: the credit assessment and the local facts the routing needs go out together.
  const [assessed, policy, rules, previousOrders, spending] = await Promise.all([
    ctx.services.credit.call('assessOrder', {
      dealerId: run.order.dealerId,
      amount: run.order.total,
      lines: run.lines.map((l) => l.lineTotal),
    }),
    ctx.em.fork().findOne(DealerOrderPolicy, { dealerId: run.order.dealerId }),
    loadApprovalRules(ctx.em),
    ctx.em.fork().count(Order, { dealerId: run.order.dealerId, workflow: 'DONE', id: { $ne: run.order.id } }),
    spendingOf(ctx.em, run.order),
  ]);
  refuseByCredit(assessed);
  let credit = assessed;
  if (assessed.outcome === 'PARTIAL') {
    // PARTIAL_ORDER: the order goes on with the whole lines that fit; the rest is left out (back in the cart).
    await splitOrder(ctx, run, assessed);
    credit = { ...assessed, outcome: 'ACCEPT', warning: assessed.reason };
  }
  // PAYMENT_REQUIRED: the order is placed and waits for its payment (the hold step holds it as prepay);
  // the other approval rules still apply to it.
  run.prepay = assessed.outcome === 'PAYMENT_REQUIRED';
  const order = run.order;
  const kept = new Set(run.lines.map((l) => l.sku));
  const facts = order.approvalFacts;
  const routing = routeOrder({
    total: order.total,
    currency: order.currency,
    credit: {
      outcome: credit.outcome === 'PAYMENT_REQUIRED' ? 'ACCEPT' : credit.outcome,
      approvalLevel: credit.approvalLevel,
      reason: credit.reason,
    },
    minimum: { minimumAmount: policy?.minimumAmount ?? 0, belowMinimum: policy?.belowMinimum ?? 'REFUSE' },
    lines: (facts?.lines ?? []).filter((l) => kept.has(l.sku)),
    dealer: facts ? { firstOrdersReviewed: facts.firstOrdersReviewed, previousOrders } : null,
    rules,
    spending,
  });
  if (routing.outcome === 'REFUSE') throw new Refusal([userError(routing.code, routing.message, ['input', 'lines'])]);
  return { routing, credit };
}

/**
 * PARTIAL_ORDER's split, in one transaction under the placer's cart lock and the order's row lock:
 * the lines credit left out leave the order (recorded in `deferredLines`), the total becomes what is
 * left, and for a cart order they go back to the cart (and out of the lines the claim's undo would
 * give back, so a later compensation gives back only what the order still took). Safe to run again on
 * a resume: it splits what the order holds then. Its undo is the claim's: the cart gets back the rest.
 */
async function splitOrder(ctx: OrdersContext, run: PlacementRun, credit: CreditDecision): Promise<void> {
  const lines = run.lines!;
  const keep = new Set(credit.partialLines.map((i) => lines[i]?.id).filter((id): id is string => !!id));
  const leftOut = lines.filter((l) => !keep.has(l.id));
  if (leftOut.length === 0) return;
  const work = async (em: OrdersContext['em']) => {
    const order = await em.findOne(Order, { id: run.order.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!order || order.workflow !== 'RUNNING' || order.compensating) throw new WorkflowLostError(run.order.id);
    const current = await em.find(OrderLine, { order: order.id, id: { $in: leftOut.map((l) => l.id) } });
    if (current.length !== leftOut.length) throw new WorkflowLostError(run.order.id); // split already, by another runner
    await em.nativeDelete(OrderLine, { id: { $in: leftOut.map((l) => l.id) } });
    const deferred = leftOut.map((l) => ({ sku: l.sku, quantity: l.quantity, lineTotal: l.lineTotal }));
    order.deferredLines = [...(order.deferredLines ?? []), ...deferred];
    order.total -= leftOut.reduce((sum, l) => sum + l.lineTotal, 0);
    order.leaseUntil = leaseFrom(ctx);
    const request = order.request!;
    const skus = new Set(leftOut.map((l) => l.sku.toLowerCase()));
    const cartLines = request.cartLines ?? [];
    if (cartLines.length && order.placedByUserId) {
      await restoreCartLines(
        em,
        { userId: order.placedByUserId, dealerId: order.dealerId },
        cartLines.filter((c) => skus.has(c.sku.toLowerCase())),
      );
      order.request = { ...request, cartLines: cartLines.filter((c) => !skus.has(c.sku.toLowerCase())) };
    }
    await em.flush();
    return order;
  };
  const userId = run.order.placedByUserId;
  run.order =
    run.order.request?.cartLines?.length && userId ? await withCartLock(ctx, userId, work) : await ctx.em.fork().transactional(work);
  run.lines = lines.filter((l) => keep.has(l.id));
}

/** Credit outcomes that end the placement: refused (PARTIAL and PAYMENT_REQUIRED go on, see decide). */
function refuseByCredit(credit: CreditDecision): void {
  if (credit.outcome === 'REFUSE') {
    throw new Refusal([userError(credit.code ?? 'CREDIT_LIMIT_EXCEEDED', credit.reason ?? 'Credit refuses this order.')]);
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

/**
 * Holds credit for an order approved automatically, or for a PAYMENT_REQUIRED order (a prepay hold:
 * the whole order, with the payment due stored on the order with the marker). A refusal that asks for
 * approval routes the order to FINANCE instead. Under the account lock credit may answer otherwise
 * than the route step's assessment did (another order took the credit meanwhile): a PARTIAL or any
 * other refusal ends the placement (compensated; a cart order's lines are back in the cart).
 */
async function holdStep(ctx: OrdersContext, run: PlacementRun): Promise<{ order: Order; routing: RoutingDecision }> {
  const { order, routing } = run;
  const held = await ctx.services.credit.call('placeHold', {
    dealerId: order.dealerId,
    orderId: order.id,
    amount: order.total,
    prepay: true,
  });
  if (held.status === 'RELEASED') throw new WorkflowLostError(order.id);
  if (held.status === 'REFUSED') {
    const { decision } = held;
    if (decision.outcome === 'APPROVAL') {
      // Only the credit rule can fire here: the others were asked already and let the order through.
      const stored = (await loadApprovalRules(ctx.em)).filter((r) => r.kind === 'CREDIT_EXCEEDANCE' && r.enabled);
      const rules = stored.length ? stored : DEMO_APPROVAL_RULES.filter((r) => r.kind === 'CREDIT_EXCEEDANCE');
      const rerouted = routeOrder({
        total: order.total,
        currency: order.currency,
        credit: { outcome: 'APPROVAL', approvalLevel: decision.approvalLevel, reason: decision.reason },
        minimum: { minimumAmount: 0, belowMinimum: 'REFUSE' },
        rules,
      });
      run.warning = decision.warning ?? run.warning;
      // A prepay order's chain may start with the dealer's own step: it stays first.
      const own = routing.outcome === 'APPROVAL' ? routing.steps.filter((s) => s.area === 'DEALER') : [];
      if (own.length && rerouted.outcome === 'APPROVAL') return { order, routing: { ...rerouted, steps: [...own, ...rerouted.steps] } };
      return { order, routing: rerouted };
    }
    const changed =
      decision.outcome === 'PARTIAL'
        ? `${decision.reason ?? 'The order exceeds your available credit.'} Your available credit changed while the order was being placed: nothing was placed, the lines are back where they were.`
        : decision.reason;
    refuseByCredit({ ...decision, outcome: 'REFUSE', reason: changed });
  }
  if (held.status === 'HELD' && held.amountToPay > 0) {
    // A prepay hold: the payment due and its deadline are stored with the marker, so a resume finds them.
    const paymentDueBy = new Date(Date.now() + ctx.workflow.paymentWindowMs);
    const stored = await advance(ctx, order.id, (_em, locked) => {
      locked.workflowStep = 'HELD';
      locked.paymentDue = held.amountToPay;
      locked.paymentDueBy = paymentDueBy;
    });
    return { order: stored, routing };
  }
  return { order: await markStep(ctx, order, 'HELD'), routing };
}

/**
 * The last step: the order takes its status, history, approval chain and outbox event at once. A
 * PAYMENT_REQUIRED order with a payment due is placed AWAITING_PAYMENT: its approval chain (if a rule
 * asks for one) is stored now and starts once it is paid (payment-due.service.ts).
 */
async function finish(ctx: OrdersContext, orderId: string, routing: RoutingDecision, warning: string | null): Promise<Order> {
  return advance(ctx, orderId, async (em, order) => {
    const now = new Date();
    const awaitingPayment = order.paymentDue > 0;
    order.status = awaitingPayment ? 'AWAITING_PAYMENT' : 'PENDING_APPROVAL';
    order.placedAt = now;
    order.warning = awaitingPayment
      ? `This order exceeds your available credit: pay ${formatAmount(order.paymentDue)} ${order.currency} up front (with the order's reference) by ${order.paymentDueBy!.toISOString()}. Its stock is reserved until then; unpaid, it is cancelled.`
      : warning;
    order.workflow = 'DONE';
    const first = routing.outcome === 'APPROVAL' && !awaitingPayment ? routing.steps[0] : null;
    recordPlacement(em, order, order.placedByUserId, now, first ? { level: first.level, area: first.area } : null);
    if (routing.outcome === 'APPROVAL') {
      routing.steps.forEach((step, i) =>
        em.persist(
          em.create(OrderApprovalStep, {
            id: randomUUID(),
            order: order.id,
            position: i + 1,
            level: step.level,
            area: step.area,
            role: step.role,
            rule: step.rule,
            reason: step.reason,
            deadlineHours: step.deadlineHours,
          }),
        ),
      );
      if (!awaitingPayment) await ctx.approvalTimers.scheduleWaiting(em, order.id, now);
    } else if (!awaitingPayment) {
      await changeOrderStatus(em, order, {
        to: 'APPROVED',
        byUserId: null,
        comment: 'Approved automatically: no approval rule applied.',
        at: now,
      });
    }
  });
}

/** Undoes the claim: the order goes (its lines with it) and a cart order's lines go back to the cart, in one transaction. */
async function dropClaim(ctx: OrdersContext, orderId: string): Promise<void> {
  const order = await ctx.em.fork().findOne(Order, { id: orderId, workflow: 'RUNNING' });
  if (!order) return;
  const cartLines = order.request?.cartLines ?? [];
  const userId = order.placedByUserId;
  if (cartLines.length === 0 || !userId) {
    await ctx.em.fork().nativeDelete(Order, { id: orderId, workflow: 'RUNNING' });
    return;
  }
  // The lines come back with the deletion, in one transaction: exactly once, however often this runs.
  await withCartLock(ctx, userId, async (em) => {
    const deleted = await em.nativeDelete(Order, { id: orderId, workflow: 'RUNNING' });
    if (deleted > 0) await restoreCartLines(em, { userId, dealerId: order.dealerId }, cartLines);
  });
}

/** What one drive of the workflow carries from step to step; what is not stored is worked out again on a resume. */
export interface PlacementRun {
  order: Order;
  /** The order's lines, once priced (read back on a resume). */
  lines: OrderLine[] | null;
  /** Auto-approve, or the approval chain: decided by the route step, changed by the hold step when credit asks for approval. */
  routing: RoutingDecision;
  /** Credit's warning (SOFT_WARNING over the limit, PARTIAL_ORDER's left-out lines), shown with the placed order. */
  warning: string | null;
  /** PAYMENT_REQUIRED said the order needs a payment up front: the hold step holds it as a prepay hold. */
  prepay: boolean;
}

/**
 * One step of the placeOrder workflow: its forward action and its undo, both idempotent by order id.
 * `marks` is the marker stored on the order (order.workflowStep) once the forward action is done,
 * so that a resume skips it; a step without one is read-only (worked out again on each drive) or the
 * last. The undo is safe when the step never ran, ran in part, or was undone already.
 */
export interface PlacementStep {
  name: 'claim' | 'price' | 'route' | 'reserve' | 'hold' | 'confirm';
  marks: WorkflowStep | null;
  /** Null for the claim, which placeOrder makes before there is a workflow to drive. */
  forward: ((ctx: OrdersContext, run: PlacementRun) => Promise<void>) | null;
  /** Whether this drive runs the step (route until credit is held; hold for an order approved automatically). */
  runs?: (run: PlacementRun) => boolean;
  undo: ((ctx: OrdersContext, orderId: string) => Promise<void>) | null;
  /** The undo gives back what another service holds for the order: a cancellation or rejection runs it too. */
  releases?: true;
}

/**
 * The placeOrder workflow, in order: run forward by one driver (driveWorkflow), undone in reverse
 * by one compensation (compensate), both in placement-driver.service.ts. A cancelled or rejected
 * order gives back what it holds with the undos marked `releases` (order-release.service.ts).
 *
 * | step    | forward                                                        | marker   | undo                                        |
 * |---------|----------------------------------------------------------------|----------|---------------------------------------------|
 * | claim   | order row, unique per dealer and key (placeOrder)              | CLAIMED  | delete the order, cart lines back           |
 * | price   | products.lookupProducts, prices.quoteLines; lines stored       | PRICED   | none: the lines go with the order           |
 * | route   | credit.assessOrder + approval rules; PARTIAL_ORDER splits      | –        | none (the split's is the claim's undo)      |
 * | reserve | products.reserveStock, prices.consumeSpecialPrices             | RESERVED | releaseSpecialPrices, products.releaseStock |
 * | hold    | credit.placeHold (auto-approved or prepay orders)              | HELD     | credit.releaseHold                          |
 * | confirm | status, history, approval chain, outbox event: one transaction | DONE     | none: a placed order is cancelled instead   |
 */
export const PLACEMENT_STEPS: readonly PlacementStep[] = [
  { name: 'claim', marks: 'CLAIMED', forward: null, undo: dropClaim },
  {
    name: 'price',
    marks: 'PRICED',
    forward: async (ctx, run) => {
      ({ order: run.order, lines: run.lines } = await priceStep(ctx, run.order));
    },
    undo: null,
  },
  {
    name: 'route',
    marks: null,
    // Once credit is held the routing was auto-approval (it is only needed to decide the hold), but for
    // a prepay hold, which is taken whatever the routing: then it is worked out again for the chain.
    runs: (run) => !reached(run.order, 'HELD') || run.order.paymentDue > 0,
    forward: async (ctx, run) => {
      const { routing, credit } = await decide(ctx, run);
      run.routing = routing;
      run.warning = credit.warning;
    },
    undo: null,
  },
  {
    name: 'reserve',
    marks: 'RESERVED',
    forward: async (ctx, run) => {
      run.lines ??= await ctx.em.fork().find(OrderLine, { order: run.order.id }, { orderBy: { position: 'asc' } });
      run.order = await reserveStep(ctx, run.order, run.lines);
    },
    // In reverse of the forward action: the special price units, then the stock.
    undo: async (ctx, orderId) => {
      await releaseSpecialPricesOf(ctx, orderId);
      await ctx.services.products.call('releaseStock', { orderId });
    },
    releases: true,
  },
  {
    name: 'hold',
    marks: 'HELD',
    runs: (run) => run.routing.outcome === 'AUTO_APPROVE' || run.prepay,
    forward: async (ctx, run) => {
      ({ order: run.order, routing: run.routing } = await holdStep(ctx, run));
    },
    undo: async (ctx, orderId) => {
      await ctx.services.credit.call('releaseHold', { orderId });
    },
    releases: true,
  },
  {
    name: 'confirm',
    marks: null,
    forward: async (ctx, run) => {
      run.order = await finish(ctx, run.order.id, run.routing, run.warning);
      // The order's own warning (PAYMENT_REQUIRED's payment due is written by the confirm step) is the answer's.
      run.warning = run.order.warning;
    },
    undo: null,
  },
];
