import {
  type Claims,
  intInRange,
  isDealerRole,
  normalizeId,
  ok,
  refused,
  requireClaims,
  type Result,
  userError,
} from '@dealergraph/runtime';

import { laneCondition, scopeCondition, scopeOf } from '../approvals/approver-scope.service.js';
import { approverLanes } from '../approvals/domain/approval-areas.js';
import type { OrdersContext } from '../context.js';
import { callerApprovalLevel } from './domain/event-audience.js';
import type { OrderEventMessage } from './event-bus.js';
import type { OutboxRow } from './outbox-relay.js';

/** An order event as the API shows it, with whether the caller has read it (feed only). */
export interface OrderEventView extends Omit<OrderEventMessage, 'publishedAt' | 'at'> {
  at: Date;
  read: boolean;
}

const MAX_EVENTS = 500;

/** An outbox row, with the caller's read mark when the feed asks for it. */
type Row = OutboxRow & { read?: boolean };

const toView = (row: Row): OrderEventView => ({
  id: row.id,
  orderId: row.order_id,
  dealerId: row.dealer_id,
  type: row.type,
  status: row.status,
  actorId: row.actor_id,
  reason: row.reason,
  data: row.data,
  salesRepUserId: row.sales_rep_user_id,
  dealerRegion: row.dealer_region,
  at: new Date(row.at),
  read: row.read ?? false,
});

const schemaOf = (ctx: OrdersContext) => (ctx.em.config.get('schema') as string | undefined) ?? 'orders';

/**
 * SQL (and its bindings) that keeps the events a caller may see; mirrors `seesOrderEvent`, and for
 * special price requests `seesSpecialPriceRequestEvent` (staff: only those their level and scope may
 * decide). A SALES_REP's or REGIONAL_MANAGER's order events keep to their scope too (their own
 * dealers', their region's): the catch-up of their approval feeds; other staff see every order's.
 */
async function visibleWhere(ctx: OrdersContext, claims: Claims): Promise<[string, unknown[]]> {
  if (isDealerRole(claims.role)) return ['e.dealer_id = ?', [claims.dealerId]];
  const scope = scopeCondition(await scopeOf(ctx, claims), 'e');
  const scoped = claims.role === 'SALES_REP' || claims.role === 'REGIONAL_MANAGER';
  return [
    `((e.type = 'SPECIAL_PRICE_REQUEST' and (e.data->>'level')::int <= ? and ${scope.sql}) or (e.type <> 'SPECIAL_PRICE_REQUEST' and ${scoped ? scope.sql : 'true'}))`,
    [callerApprovalLevel(claims), ...scope.params, ...(scoped ? scope.params : [])],
  ];
}

/** An event's step area in SQL, as `stepAreaOf` reads it: its `area`, or for events from before areas level 4 FINANCE, the rest SALES. */
const EVENT_AREA = `coalesce(e.data->>'area', case when (e.data->>'level')::int = 4 then 'FINANCE' else 'SALES' end)`;

/**
 * SQL that keeps the events of the caller's feed; mirrors `notifies` in domain/event-audience.ts
 * (events carry their step's level and area, and their scope): an order event naming a step only
 * when the caller may decide it (their lanes, domain/approval-areas.ts); a special price request up
 * to the caller's level.
 */
async function feedWhere(ctx: OrdersContext, claims: Claims): Promise<[string, unknown[]]> {
  if (isDealerRole(claims.role)) return ['e.dealer_id = ?', [claims.dealerId]];
  const level = callerApprovalLevel(claims);
  if (level === 0) return ['false', []];
  const scope = scopeCondition(await scopeOf(ctx, claims), 'e');
  const approver = approverLanes({ role: claims.role, dealerId: null });
  const step = laneCondition(approver, { area: EVENT_AREA, level: `(e.data->>'level')::int`, dealerId: 'e.dealer_id' });
  // A decided step's event also names the step that waits next: its approvers see the order arrive.
  const next = laneCondition(approver, { area: `(e.data->>'nextArea')`, level: `(e.data->>'nextLevel')::int`, dealerId: 'e.dealer_id' });
  const lanes = { sql: `(${step.sql} or (e.data->>'nextLevel' is not null and ${next.sql}))`, params: [...step.params, ...next.params] };
  return [
    `((e.type = 'SPECIAL_PRICE_REQUEST' and (e.data->>'level')::int <= ?)
       or (e.type <> 'SPECIAL_PRICE_REQUEST' and (e.data->>'level' is null or ${lanes.sql}))) and ${scope.sql}
     and (e.type in ('APPROVAL_STEP', 'ESCALATED', 'REMINDER', 'SPECIAL_PRICE_REQUEST') or e.status = 'PENDING_APPROVAL'
          or (e.type = 'STATUS_CHANGED' and e.status in ('APPROVED', 'REJECTED', 'CANCELLED')))`,
    [level, ...lanes.params, ...scope.params],
  ];
}

/**
 * The events the caller may see that happened after `since`, oldest first: what a client that lost
 * its socket missed. Events of one instant are ordered by id; a client re-asks from the last `at` it
 * saw and drops ids it already has.
 */
export async function orderEventsSince(
  ctx: OrdersContext,
  input: { since: Date; orderId?: string | null; first?: number | null },
): Promise<OrderEventView[]> {
  const claims = requireClaims(ctx.claims);
  const [where, params] = await visibleWhere(ctx, claims);
  const limit = intInRange({ value: input.first ?? 100, min: 1, max: MAX_EVENTS, name: 'first' });
  let orderClause = '';
  const bindings: unknown[] = [...params, input.since];
  if (input.orderId !== undefined && input.orderId !== null) {
    const orderId = normalizeId(input.orderId);
    if (!orderId) return [];
    orderClause = ' and e.order_id = ?';
    bindings.push(orderId);
  }
  const rows = (await ctx.em.execute(
    `select e.* from "${schemaOf(ctx)}"."order_event" e where ${where} and e.at > ?${orderClause} order by e.at, e.id limit ${limit}`,
    bindings,
  )) as Row[];
  return rows.map(toView);
}

/** One page of the caller's notification feed, newest first, with the unread count over all pages. */
export async function notificationFeed(
  ctx: OrdersContext,
  input: { offset: number; limit: number; unreadOnly?: boolean | null },
): Promise<{ nodes: OrderEventView[]; totalCount: number; unreadCount: number }> {
  const claims = requireClaims(ctx.claims);
  const [where, params] = await feedWhere(ctx, claims);
  const schema = schemaOf(ctx);
  const from = `from "${schema}"."order_event" e left join "${schema}"."notification_read" r on r.event_id = e.id and r.user_id = ? where ${where}`;
  const unreadFilter = input.unreadOnly ? ' and r.event_id is null' : '';
  const [counts] = (await ctx.em.execute(
    `select count(*)::int as total, count(*) filter (where r.event_id is null)::int as unread ${from}`,
    [claims.sub, ...params],
  )) as { total: number; unread: number }[];
  const rows = (await ctx.em.execute(
    `select e.*, (r.event_id is not null) as read ${from}${unreadFilter} order by e.at desc, e.id desc offset ? limit ?`,
    [claims.sub, ...params, input.offset, input.limit],
  )) as Row[];
  return { nodes: rows.map(toView), totalCount: input.unreadOnly ? counts.unread : counts.total, unreadCount: counts.unread };
}

/**
 * Marks notifications of the caller's feed read: the given event ids, or all of them. Ids outside the
 * caller's feed are ignored. Returns the unread count afterwards.
 */
export async function markNotificationsRead(
  ctx: OrdersContext,
  input: { eventIds?: readonly string[] | null; all?: boolean | null },
): Promise<Result<number>> {
  const claims = requireClaims(ctx.claims);
  if (!input.all && !input.eventIds?.length)
    return refused(userError('INVALID_INPUT', 'Name the notifications to mark read, or pass all: true.', ['eventIds']));
  const [where, params] = await feedWhere(ctx, claims);
  const schema = schemaOf(ctx);
  const ids = (input.eventIds ?? []).map(normalizeId).filter((id): id is string => !!id);
  if (input.all || ids.length) {
    const idClause = input.all ? '' : ` and e.id in (${ids.map(() => '?').join(',')})`;
    await ctx.em.execute(
      `insert into "${schema}"."notification_read" (user_id, event_id, read_at)
       select ?, e.id, now() from "${schema}"."order_event" e where ${where}${idClause}
       on conflict do nothing`,
      [claims.sub, ...params, ...(input.all ? [] : ids)],
    );
  }
  const feed = await notificationFeed(ctx, { offset: 0, limit: 0 });
  return ok(feed.unreadCount);
}
