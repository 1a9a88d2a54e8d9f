import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import type { EntityManager } from '@dealergraph/runtime';
import {
  catchRefusal,
  type Claims,
  isApiClient,
  isStaff,
  MAX_INTERNAL_LINES,
  MAX_LINE_QUANTITY,
  normalizeId,
  ok,
  readOptionalAmount,
  Refusal,
  refusalUnlessAllowed,
  refused,
  requireClaims,
  type Result,
  serviceUnavailable,
  type UserError,
  userError,
} from '@dealergraph/runtime';
import { UniqueConstraintViolationException } from '@mikro-orm/core';

import { scopeOf } from '../approvals/approver-scope.service.js';
import { inScope } from '../approvals/domain/approver-scope.js';
import { takeCartLines } from '../cart/cart.service.js';
import { withCartLock } from '../cart/cart-lock.js';
import type { OrdersContext } from '../context.js';
import { Order, type OrderRequest, type OrderRequestLine } from '../orders/order.entity.js';
import { type OrderChannel, orderChannel } from './domain/order-channel.js';
import { SimulatedCrash } from './order-errors.js';
import { compensate, driveWorkflow, type WorkflowOutcome } from './placement-driver.service.js';

/** Most lines in one order: what one internal call carries, so that the reservation stays all-or-nothing. */
export const MAX_ORDER_LINES = MAX_INTERNAL_LINES;

/** One line as the caller sends it; expectedUnitPrice is the decimal price it was shown. */
export interface PlaceOrderLineInput {
  sku: string;
  quantity: number;
  expectedUnitPrice?: string | null;
}

export interface PlaceOrderInput {
  idempotencyKey: string;
  /** Omitted: the caller's cart. */
  lines?: PlaceOrderLineInput[] | null;
  poNumber?: string | null;
  /** The total the caller confirmed, as a decimal string. */
  expectedTotal?: string | null;
  /** Staff: the dealer the order is for (in their approval scope). A dealer user: its own, or omitted. */
  dealerId?: string | null;
  /** How the order came in (see placement/domain/order-channel.ts). */
  channel?: OrderChannel | null;
}

/** A placed order, with the warning it was placed with (SOFT_WARNING: over the credit limit). */
export interface PlacedOrder {
  order: Order;
  warning: string | null;
}

/** Validates and normalises the submission (same SKUs merged, any case); refused with every userError when it cannot be used. */
function readRequest(input: PlaceOrderInput, given: readonly PlaceOrderLineInput[], fromCart: boolean): Result<OrderRequest> {
  const errors: UserError[] = [];
  const key = input.idempotencyKey?.trim() ?? '';
  if (!key || key.length > 200)
    errors.push(userError('INVALID_INPUT', 'idempotencyKey must be 1-200 characters.', ['input', 'idempotencyKey']));
  const money = (value: string | null | undefined, field: string[]) => readOptionalAmount(value, { field, min: 0 }, errors);
  if (given.length === 0) {
    errors.push(
      userError('EMPTY_CART', fromCart ? 'Your cart is empty: add products first, or send lines.' : 'The order has no lines.', [
        'input',
        'lines',
      ]),
    );
  }
  if (given.length > MAX_ORDER_LINES)
    errors.push(
      userError('INVALID_INPUT', `An order has at most ${MAX_ORDER_LINES.toLocaleString('en-US')} lines: split it into several orders.`, [
        'input',
        'lines',
      ]),
    );
  const merged = new Map<string, OrderRequestLine>();
  given.forEach((line, i) => {
    const sku = line.sku?.trim() ?? '';
    const quantity = line.quantity;
    if (!sku) errors.push(userError('UNKNOWN_SKU', 'A line has no SKU.', ['input', 'lines', String(i), 'sku']));
    if (!Number.isInteger(quantity) || quantity <= 0 || quantity > MAX_LINE_QUANTITY) {
      errors.push(
        userError(
          'INVALID_QUANTITY',
          `The quantity of ${sku || `line ${i + 1}`} must be a whole number from 1 to ${MAX_LINE_QUANTITY.toLocaleString('en-US')}.`,
          ['input', 'lines', String(i), 'quantity'],
        ),
      );
    }
    const expectedUnitPrice = money(line.expectedUnitPrice, ['input', 'lines', String(i), 'expectedUnitPrice']);
    const existing = merged.get(sku.toLowerCase());
    if (existing) {
      existing.quantity += quantity;
      if (existing.quantity > MAX_LINE_QUANTITY)
        errors.push(
          userError('INVALID_QUANTITY', `${sku}: at most ${MAX_LINE_QUANTITY} units in one order.`, [
            'input',
            'lines',
            String(i),
            'quantity',
          ]),
        );
    } else merged.set(sku.toLowerCase(), { sku, quantity, expectedUnitPrice });
  });
  const expectedTotal = money(input.expectedTotal, ['input', 'expectedTotal']);
  if (errors.length) return refused(...errors);
  return ok({ lines: [...merged.values()], poNumber: input.poNumber?.trim() || null, expectedTotal, fromCart });
}

/** The hash that tells a retry (same body) from a reuse of the key (another body). */
const hashOf = (request: OrderRequest) =>
  createHash('sha256')
    .update(JSON.stringify({ ...request, fromCart: undefined, cartLines: undefined }))
    .digest('hex');

/**
 * Places an order for the caller's dealer (see order-workflow.service.ts for the steps). The same
 * idempotencyKey with the same body returns the first order, however often and however concurrently
 * it is sent; with another body it is refused (IDEMPOTENCY_KEY_REUSED). A step another service did
 * not answer is SERVICE_UNAVAILABLE (thrown): the order is completed or undone by the sweep.
 */
export async function placeOrder(ctx: OrdersContext, input: PlaceOrderInput): Promise<Result<PlacedOrder>> {
  const claims = requireClaims(ctx.claims);
  // Who may place orders is the authorization matrix's row; that the order is for the caller's own dealer is data scope.
  const forbidden = refusalUnlessAllowed(
    claims,
    'Mutation.placeOrder',
    `Your role (${claims.role}) may not place orders: dealer users who order do.`,
  );
  if (forbidden) return refused(forbidden);
  const placer = await placerOf(ctx, claims, input);
  if (!placer.ok) return placer;
  const { dealerId, channel } = placer.value;
  const key = input.idempotencyKey?.trim() ?? '';
  const fromCart = input.lines === null || input.lines === undefined;
  if (fromCart && isStaff(claims)) {
    return refused(userError('EMPTY_CART', 'Staff have no cart: send the lines of the order.', ['input', 'lines']));
  }
  const read = fromCart ? null : readRequest(input, input.lines!, false);
  if (read && !read.ok) return read;
  const request = read?.value ?? null;
  const requestHash = request ? hashOf(request) : null;
  const owner = { dealerId, userId: claims.sub, key, channel };
  // A few rounds: a concurrent submission with the same key may be running, or end and free the key.
  for (let round = 0; round < 200; round += 1) {
    const byKey = () => ctx.em.fork().findOne(Order, { dealerId, idempotencyKey: key });
    // A cart order looks for its key first: a retry finds the cart emptied by the first submission.
    let existing = fromCart ? await byKey() : null;
    if (!existing) {
      const claiming = request
        ? ok(await claim(ctx, { ...owner, request, requestHash: requestHash! }))
        : await claimFromCart(ctx, owner, input);
      if (!claiming.ok) return claiming;
      const claimed = claiming.value;
      if (claimed) return fromOutcome(await driveWorkflow(ctx, claimed.id, claimed).catch(asCrash));
      existing = await byKey();
      if (!existing) continue;
    }
    // A cart order sent again (the cart is empty by then) is answered by the first one.
    if (requestHash && existing.requestHash && existing.requestHash !== requestHash) {
      return refused(
        userError('IDEMPOTENCY_KEY_REUSED', 'This idempotencyKey was already used for a different order: use a new key for a new order.', [
          'input',
          'idempotencyKey',
        ]),
      );
    }
    if (existing.workflow === 'DONE') return ok({ order: existing, warning: existing.warning });
    // In flight: whoever holds it finishes it; one whose lease ran out (a crashed runner) is ended here.
    if (existing.leaseUntil && existing.leaseUntil.getTime() < Date.now()) await recoverWorkflow(ctx, existing.id);
    else await sleep(50);
  }
  throw serviceUnavailable('The first submission with this idempotencyKey is still being placed: send it again in a moment.');
}

/** A simulated crash (tests) reaches the caller as what a dead process gives it: no answer but a failure. */
function asCrash(error: unknown): WorkflowOutcome {
  if (error instanceof SimulatedCrash) return { kind: 'FAILED', message: 'The orders service stopped while placing the order.' };
  throw error;
}

function fromOutcome(outcome: WorkflowOutcome): Result<PlacedOrder> {
  if (outcome.kind === 'PLACED') return ok({ order: outcome.order, warning: outcome.warning });
  if (outcome.kind === 'REFUSED') return refused(...outcome.errors);
  throw serviceUnavailable(outcome.message);
}

interface ClaimArgs {
  dealerId: string;
  userId: string;
  key: string;
  channel: OrderChannel;
}

/**
 * Whose order this is and how it came in: a dealer user's or API client's own dealer (PORTAL, API);
 * staff name a dealer in their approval scope (a SALES_REP their own dealers', a REGIONAL_MANAGER
 * their region's, SALES_DIRECTOR and up any) and the channel they took it from. The order is then
 * the dealer's like any other, placed by the staff user on its behalf.
 */
async function placerOf(
  ctx: OrdersContext,
  claims: Claims,
  input: PlaceOrderInput,
): Promise<Result<{ dealerId: string; channel: OrderChannel }>> {
  const staff = isStaff(claims);
  const chosen = orderChannel({ placer: staff ? 'STAFF' : isApiClient(claims) ? 'API_CLIENT' : 'DEALER_USER', requested: input.channel });
  if (!chosen.ok) return refused(userError(chosen.code, chosen.message, ['input', 'channel']));
  const named = input.dealerId ? normalizeId(input.dealerId) : null;
  if (!staff) {
    if (!claims.dealerId) return refused(userError('FORBIDDEN', 'Orders are placed for a dealer, and this caller has none.'));
    if (input.dealerId && named !== claims.dealerId) {
      return refused(userError('FORBIDDEN', 'A dealer user orders for its own dealer only.', ['input', 'dealerId']));
    }
    return ok({ dealerId: claims.dealerId, channel: chosen.channel });
  }
  if (!input.dealerId) {
    return refused(userError('INVALID_INPUT', 'Staff name the dealer the order is for (dealerId).', ['input', 'dealerId']));
  }
  const notFound = refused(userError('NOT_FOUND', 'There is no such dealer.', ['input', 'dealerId']));
  if (!named) return notFound;
  const [{ dealers }, scope] = await Promise.all([
    ctx.services.dealers.call('dealerProfiles', { dealerIds: [named] }),
    scopeOf(ctx, claims),
  ]);
  const dealer = dealers[0];
  if (!dealer) return notFound;
  if (!inScope(scope, { salesRepUserId: dealer.salesRepUserId, dealerRegion: dealer.region })) {
    return refused(
      userError('FORBIDDEN', 'This dealer is not one you look after: its rep, its regional manager or a director enters its orders.', [
        'input',
        'dealerId',
      ]),
    );
  }
  return ok({ dealerId: named, channel: chosen.channel });
}

/** The order row of step 1, added to `em` (flushed by the caller). */
async function newOrder(em: EntityManager, ctx: OrdersContext, args: ClaimArgs & { request: OrderRequest; requestHash: string }) {
  const [{ seq }] = await em
    .getConnection()
    .execute<{ seq: string }[]>(`select nextval('${em.config.get('schema')}.order_number_seq') as seq`);
  const now = new Date();
  return em.create(Order, {
    id: randomUUID(),
    number: `SO-${now.getUTCFullYear()}-${String(seq).padStart(6, '0')}`,
    dealerId: args.dealerId,
    placedByUserId: args.userId,
    status: 'PENDING_APPROVAL',
    currency: 'USD',
    total: 0,
    poNumber: args.request.poNumber,
    idempotencyKey: args.key,
    placedAt: now,
    requestHash: args.requestHash,
    request: args.request,
    channel: args.channel,
    workflow: 'RUNNING',
    workflowStep: 'CLAIMED',
    leaseUntil: new Date(now.getTime() + ctx.workflow.leaseMs),
  });
}

/** Step 1: the order row, unique per dealer and key. Null when the key is taken. */
async function claim(ctx: OrdersContext, args: ClaimArgs & { request: OrderRequest; requestHash: string }): Promise<Order | null> {
  const em = ctx.em.fork();
  try {
    const order = await newOrder(em, ctx, args);
    await em.persistAndFlush(order);
    return order;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return null;
    throw error;
  }
}

/**
 * Step 1 of a cart order: under the cart's lock, the cart's lines move into the order's request (the
 * cart keeps only what is added after), in the transaction that stores the order. So one cart makes
 * one order: a concurrent cart order finds the cart empty (EMPTY_CART). A refused or failed order
 * gives the lines back (compensate). Null when the key is taken.
 */
async function claimFromCart(ctx: OrdersContext, args: ClaimArgs, input: PlaceOrderInput): Promise<Result<Order | null>> {
  try {
    return await catchRefusal(() =>
      withCartLock(ctx, args.userId, async (em) => {
        const taken = await takeCartLines(em, args.userId, args.dealerId);
        const given = taken.map((l) => ({ sku: l.sku, quantity: l.quantity, expectedUnitPrice: null }));
        const read = readRequest(input, given, true);
        // Thrown, so the transaction rolls back and the lines stay in the cart.
        if (!read.ok) throw new Refusal(read.errors);
        const request = read.value;
        request.cartLines = taken;
        const order = await newOrder(em, ctx, { ...args, request, requestHash: hashOf(request) });
        await em.persistAndFlush(order);
        return order;
      }),
    );
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return ok(null);
    throw error;
  }
}

/**
 * Takes over a workflow whose lease ran out (its runner died or hung) and drives it to an end:
 * forward when it can, else its compensations. False when another runner holds it.
 */
export async function recoverWorkflow(ctx: OrdersContext, orderId: string): Promise<boolean> {
  const taken = await ctx.em
    .fork()
    .nativeUpdate(
      Order,
      { id: orderId, workflow: 'RUNNING', leaseUntil: { $lt: new Date() } },
      { leaseUntil: new Date(Date.now() + ctx.workflow.leaseMs) },
    );
  if (taken === 0) return false;
  const order = await ctx.em.fork().findOne(Order, { id: orderId });
  if (order?.compensating) await compensate(ctx, orderId);
  else await driveWorkflow(ctx, orderId).catch(asCrash);
  return true;
}
