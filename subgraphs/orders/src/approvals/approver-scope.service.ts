import { type Claims, isStaffRole } from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import { OrderEvent } from '../events/order-event.entity.js';
import { Order } from '../orders/order.entity.js';
import { SpecialPriceRequest } from '../special-prices/special-price-request.entity.js';
import type { ApproverLane } from './domain/approval-areas.js';
import { type ApproverScope, approverScope } from './domain/approver-scope.js';

/** How long a context (a live subscription's, above all) keeps a looked-up scope: a changed region reaches it within this. */
export const SCOPE_TTL_MS = 60_000;

const scopes = new WeakMap<OrdersContext, { key: string; at: number; scope: Promise<ApproverScope> }>();

/**
 * The caller's approver scope. A REGIONAL_MANAGER's region is the dealers service's (asked through
 * its internal operation); the other roles need nothing looked up. Kept on the context for
 * SCOPE_TTL_MS, so a request asks once and a subscription once, not once per event; a failed lookup
 * is not kept.
 */
export function scopeOf(ctx: OrdersContext, claims: Claims): Promise<ApproverScope> {
  const key = `${claims.sub}|${claims.role}`;
  const now = Date.now();
  const kept = scopes.get(ctx);
  if (kept && kept.key === key && now - kept.at < SCOPE_TTL_MS) return kept.scope;
  const scope = lookUpScope(ctx, claims);
  scopes.set(ctx, { key, at: now, scope });
  scope.catch(() => {
    if (scopes.get(ctx)?.scope === scope) scopes.delete(ctx);
  });
  return scope;
}

async function lookUpScope(ctx: OrdersContext, claims: Claims): Promise<ApproverScope> {
  let region: string | null = null;
  if (claims.role === 'REGIONAL_MANAGER') region = (await ctx.services.dealers.call('staffProfile', { userId: claims.sub })).region;
  return approverScope({ role: claims.role, userId: claims.sub, region, dealerId: claims.dealerId ?? null });
}

/**
 * The scope of a staff caller or a DEALER_ADMIN (who decides their dealer's own steps) for a live
 * event filter; null for other dealer users and anonymous callers (whose audience needs none). A failed lookup answers NONE for this event (fails closed) and is
 * asked again at the next one.
 */
export async function liveScopeOf(ctx: OrdersContext): Promise<ApproverScope | null> {
  const claims = ctx.claims;
  if (!claims || (!isStaffRole(claims.role) && claims.role !== 'DEALER_ADMIN')) return null;
  try {
    return await scopeOf(ctx, claims);
  } catch (error) {
    ctx.runtime?.logger.warn('approver scope lookup failed: events held back from this subscriber', { error: String(error) });
    return { kind: 'NONE' };
  }
}

/** The scope as a SQL condition on the table alias `alias` (an order, an order event or a special price request: all name the columns alike), with its parameters. */
export function scopeCondition(scope: ApproverScope, alias = 'o'): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'ALL':
      return { sql: 'true', params: [] };
    case 'DEALERS_OF_REP':
      return { sql: `${alias}.sales_rep_user_id = ?`, params: [scope.userId] };
    case 'REGION':
      return { sql: `${alias}.dealer_region = ?`, params: [scope.region] };
    case 'DEALER':
      return { sql: `${alias}.dealer_id = ?`, params: [scope.dealerId] };
    case 'NONE':
      return { sql: 'false', params: [] };
  }
}

/**
 * The approver's lanes (domain/approval-areas.ts `approverLanes`) as a SQL condition on a step's
 * area and level columns (and the order's dealer, for a DEALER lane): what `mayDecide` says, in SQL.
 * `area` may be any SQL expression, e.g. one that reads an event's data.
 */
export function laneCondition(
  lanes: readonly ApproverLane[],
  columns: { area: string; level: string; dealerId: string },
): { sql: string; params: unknown[] } {
  if (lanes.length === 0) return { sql: 'false', params: [] };
  const params: unknown[] = [];
  const parts = lanes.map((lane) => {
    params.push(lane.area, lane.upToLevel);
    if (lane.dealerId === null) return `(${columns.area} = ? and ${columns.level} <= ?)`;
    params.push(lane.dealerId);
    return `(${columns.area} = ? and ${columns.level} <= ? and ${columns.dealerId} = ?)`;
  });
  return { sql: `(${parts.join(' or ')})`, params };
}

/**
 * Gives pending orders and special price requests made before scopes existed their dealer's rep and
 * region (one batched call to dealers), and their events too, so that reps and managers find them in
 * their queues and feeds. Returns how many orders and requests it filled.
 */
export async function fillMissingScopes(ctx: OrdersContext, limit = 500): Promise<number> {
  const [orders, requests] = await Promise.all([
    ctx.em.fork().find(Order, { status: 'PENDING_APPROVAL', workflow: 'DONE', dealerRegion: null }, { fields: ['id', 'dealerId'], limit }),
    ctx.em.fork().find(SpecialPriceRequest, { status: 'PENDING', dealerRegion: null }, { fields: ['id', 'dealerId'], limit }),
  ]);
  if (orders.length === 0 && requests.length === 0) return 0;
  const dealerIds = [...new Set([...orders, ...requests].map((o) => o.dealerId))];
  const { dealers } = await ctx.services.dealers.call('dealerProfiles', { dealerIds });
  let filled = 0;
  for (const dealer of dealers) {
    const scope = { dealerRegion: dealer.region, salesRepUserId: dealer.salesRepUserId };
    filled += await ctx.em.nativeUpdate(Order, { dealerId: dealer.id, status: 'PENDING_APPROVAL', dealerRegion: null }, scope);
    filled += await ctx.em.nativeUpdate(SpecialPriceRequest, { dealerId: dealer.id, status: 'PENDING', dealerRegion: null }, scope);
    await ctx.em.nativeUpdate(OrderEvent, { dealerId: dealer.id, dealerRegion: null }, scope);
  }
  return filled;
}
