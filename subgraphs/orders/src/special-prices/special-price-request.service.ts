import { randomUUID } from 'node:crypto';

import {
  InternalCallError,
  isStaff,
  isStaffRole,
  normalizeId,
  ok,
  type PageWindow,
  readOptionalAmount,
  refusalUnlessAllowed,
  refused,
  requireClaims,
  type Result,
  serviceUnavailable,
  type UserError,
  userError,
} from '@dealergraph/runtime';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import DataLoader from 'dataloader';

import { scopeOf } from '../approvals/approver-scope.service.js';
import { SPECIAL_PRICE_AREA, upToLevelIn } from '../approvals/domain/approval-areas.js';
import type { OrdersContext } from '../context.js';
import { recordOrderEvent } from '../events/outbox.service.js';
import { seesSpecialPriceRequest, SPECIAL_PRICE_EVENT } from './domain/special-price-audience.js';
import { routeSpecialPrice, termsProblems } from './domain/special-price-routing.js';
import { SpecialPriceRequest, type SpecialPriceRequestStatus } from './special-price-request.entity.js';

/**
 * Special price requests: a dealer user asks for a price for a product and quantity; the request is
 * routed to an approval level (domain/special-price-routing.ts); an approver at that level or above
 * (special-price-decision.service.ts) approves it (possibly with a counter price, quantity or validity: the prices subgraph then holds a
 * special price for that dealer, limited to the granted units, which its next orders use) or rejects
 * it with a reason. Every change writes a SPECIAL_PRICE_REQUEST event to the orders outbox in the
 * same transaction: subscriptions and the notification feed show it once it committed.
 */

/** What the request mutations answer: the request as it is now, or why nothing changed. */
export type SpecialPriceRequestResult = Result<SpecialPriceRequest>;

/** A failed internal call as the caller hears it (SERVICE_UNAVAILABLE): nothing changed, try again. Other errors pass. */
export function asFailure(error: unknown, doing: string): never {
  if (!(error instanceof InternalCallError)) throw error;
  throw serviceUnavailable(
    `The special price request could not be ${doing}: a service it needs failed or did not answer in time. Nothing changed: try again.`,
  );
}

/** A request as a dealer user sends it; amounts are decimal strings. */
export interface RequestSpecialPriceInput {
  sku: string;
  quantity: number;
  reason: string;
  wantedUnitPrice?: string | null;
  validTo?: Date | null;
}

/** The longest reason or comment. */
export const MAX_TEXT = 2_000;

/** Records the request's event in the caller's transaction (published after commit). */
export function recordEvent(
  em: OrdersContext['em'],
  request: SpecialPriceRequest,
  actor: string,
  decision: string,
  reason: string | null,
  at: Date,
): void {
  recordOrderEvent(em, {
    // The outbox's subject column names the request here; the type tells it apart from order events.
    orderId: request.id,
    dealerId: request.dealerId,
    scope: request,
    type: SPECIAL_PRICE_EVENT as 'SPECIAL_PRICE_REQUEST',
    status: request.status,
    actor,
    reason,
    data: { level: request.level, requestId: request.id, sku: request.sku, decision },
    at,
  });
}

/**
 * A dealer user (not VIEW_ONLY) asks for a special price. Refused with userErrors, nothing stored:
 * FORBIDDEN, UNKNOWN_SKU, NOT_AUTHORIZED (outside the dealer's assortment, or no price),
 * INVALID_QUANTITY, INVALID_AMOUNT, INVALID_PRICE, INVALID_VALIDITY, INVALID_INPUT (reason), DUPLICATE_REQUEST.
 */
export async function requestSpecialPrice(ctx: OrdersContext, input: RequestSpecialPriceInput): Promise<SpecialPriceRequestResult> {
  return askFor(ctx, input).catch((error: unknown) => asFailure(error, 'sent'));
}

async function askFor(ctx: OrdersContext, input: RequestSpecialPriceInput): Promise<SpecialPriceRequestResult> {
  const claims = requireClaims(ctx.claims);
  // The authorization matrix's row: dealer users who order (not VIEW_ONLY, not staff).
  const forbidden = refusalUnlessAllowed(
    claims,
    'Mutation.requestSpecialPrice',
    `Your role (${claims.role}) may not request special prices: dealer users who order do.`,
  );
  if (forbidden) return refused(forbidden);
  // Data scope: for the caller's own dealer (the matrix lets only dealer users in, who all have one).
  const dealerId = claims.dealerId;
  if (!dealerId) return refused(userError('FORBIDDEN', 'Special prices are asked for a dealer: sign in as its user.'));
  const errors: UserError[] = [];
  const sku = input.sku?.trim() ?? '';
  const reason = input.reason?.trim() ?? '';
  if (!sku) errors.push(userError('UNKNOWN_SKU', 'Name the product by its SKU.', ['input', 'sku']));
  if (!reason || reason.length > MAX_TEXT)
    errors.push(userError('INVALID_INPUT', `Say why you ask, in 1 to ${MAX_TEXT} characters.`, ['input', 'reason']));
  const wanted = readOptionalAmount(input.wantedUnitPrice, { field: ['input', 'wantedUnitPrice'], example: '12.50' }, errors);
  const now = new Date();
  const validTo = input.validTo ?? null;
  // The quantity and validity are checked before any call; the price needs the current one.
  const early = termsProblems({ currentUnitPrice: Number.MAX_SAFE_INTEGER, unitPrice: null, quantity: input.quantity, validTo, now });
  errors.push(...early.map((p) => userError(p.code, p.message, ['input', p.field])));
  if (errors.length) return refused(...errors);

  const [{ products }, { dealers }] = await Promise.all([
    ctx.services.products.call('lookupProducts', { dealerId, skus: [sku] }),
    // Who may decide it, as for an order (order-workflow.service.ts): the dealer's rep and region now.
    ctx.services.dealers.call('dealerProfiles', { dealerIds: [dealerId] }),
  ]);
  const dealer = dealers[0] ?? null;
  const product = products.find((p) => p.sku.toLowerCase() === sku.toLowerCase());
  if (!product) return refused(userError('UNKNOWN_SKU', `There is no product with SKU "${sku}".`, ['input', 'sku']));
  if (!product.active || !product.authorized)
    return refused(userError('NOT_AUTHORIZED', `${product.sku} is not available to your dealership.`, ['input', 'sku']));
  // A special price replaces the dealer's base price (volume breaks and promotions still apply on top,
  // as on any base: domain/pricing.ts in prices), so it is measured against the price of one unit.
  const quote = await ctx.services.prices.call('quoteLines', { dealerId, lines: [{ productId: product.id, quantity: 1 }] });
  const line = quote.lines[0];
  if (!line?.priceable) return refused(userError('NOT_AUTHORIZED', `${product.sku} has no price for your dealership.`, ['input', 'sku']));
  const problems = termsProblems({ currentUnitPrice: line.unitPrice, unitPrice: wanted, quantity: input.quantity, validTo, now });
  if (problems.length)
    return refused(...problems.map((p) => userError(p.code, p.message, ['input', p.field === 'unitPrice' ? 'wantedUnitPrice' : p.field])));

  const routing = routeSpecialPrice({ currentUnitPrice: line.unitPrice, unitPrice: wanted, quantity: input.quantity });
  try {
    const request = await ctx.em.fork().transactional(async (em) => {
      const row = em.create(SpecialPriceRequest, {
        id: randomUUID(),
        dealerId,
        requestedByUserId: claims.sub,
        productId: product.id,
        sku: product.sku,
        productName: product.name,
        quantity: input.quantity,
        reason,
        wantedUnitPrice: wanted,
        wantedValidTo: validTo,
        currency: quote.currency,
        listPrice: line.listPrice,
        currentUnitPrice: line.unitPrice,
        level: routing.level,
        dealerRegion: dealer?.region ?? null,
        salesRepUserId: dealer?.salesRepUserId ?? null,
        rule: routing.rule,
        routingReason: routing.reason,
        createdAt: now,
        updatedAt: now,
      });
      em.persist(row);
      recordEvent(em, row, claims.sub, 'REQUESTED', reason, now);
      await em.flush();
      return row;
    });
    return ok(request);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      return refused(
        userError('DUPLICATE_REQUEST', `You already have a pending special price request for ${product.sku}: wait for its decision.`, [
          'input',
          'sku',
        ]),
      );
    }
    throw error;
  }
}
/**
 * The requests the caller may see, newest first: a dealer user its dealer's; an approver those its
 * level and scope may decide (a rep's dealers', a manager's region's, a director and up all); nobody
 * else any. `status` narrows the list.
 */
export async function listSpecialPriceRequests(
  ctx: OrdersContext,
  input: { window: PageWindow; status?: SpecialPriceRequestStatus | null },
): Promise<[SpecialPriceRequest[], number]> {
  const claims = requireClaims(ctx.claims);
  const where: Record<string, unknown> = {};
  if (isStaff(claims)) {
    const level = upToLevelIn({ approver: { role: claims.role }, area: SPECIAL_PRICE_AREA });
    if (level === 0) return [[], 0];
    where.level = { $lte: level };
    const scope = await scopeOf(ctx, claims);
    if (scope.kind === 'NONE') return [[], 0];
    if (scope.kind === 'DEALERS_OF_REP') where.salesRepUserId = scope.userId;
    if (scope.kind === 'REGION') where.dealerRegion = scope.region;
  } else {
    if (!claims.dealerId) return [[], 0];
    where.dealerId = claims.dealerId;
  }
  if (input.status) where.status = input.status;
  return ctx.em.findAndCount(SpecialPriceRequest, where, {
    orderBy: { createdAt: 'desc', id: 'desc' },
    offset: input.window.offset,
    limit: input.window.limit,
  });
}

/**
 * Requests by id, one loader per context: a page of notifications loads its requests in one
 * statement. Batching only, no cache: a subscription's context lives for many events, and each
 * event must show the request as it is then.
 */
const loaders = new WeakMap<OrdersContext, DataLoader<string, SpecialPriceRequest | null>>();
function requestsById(ctx: OrdersContext): DataLoader<string, SpecialPriceRequest | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, SpecialPriceRequest | null>(
      async (ids) => {
        const rows = await ctx.em.fork().find(SpecialPriceRequest, { id: { $in: [...ids] } });
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache: false },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

/** One request, when the caller may see it (see {@link listSpecialPriceRequests}); null otherwise. Batched per request. */
export async function findSpecialPriceRequest(ctx: OrdersContext, requestId: string): Promise<SpecialPriceRequest | null> {
  const id = normalizeId(requestId);
  const claims = ctx.claims;
  if (!id || !claims) return null;
  const [request, scope] = await Promise.all([requestsById(ctx).load(id), isStaffRole(claims.role) ? scopeOf(ctx, claims) : null]);
  return request && seesSpecialPriceRequest({ claims, request, scope }) ? request : null;
}
