import { requireClaims } from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import { currentStepOf } from './domain/approval-state.js';

/** One rule at one level over a period: how often it fired and how long its decisions took. */
export interface ApprovalRuleStats {
  rule: string;
  level: number;
  /** Orders of the period that got a step of this rule at this level. */
  orders: number;
  /** Those orders as a share of every order of the period (0-1). */
  share: number;
  /** Steps decided so far, and the median time from placement to that decision, in seconds. */
  decided: number;
  medianSecondsToDecision: number | null;
}

export interface ApprovalStats {
  from: Date;
  to: Date;
  totalOrders: number;
  /** Orders that needed any approval, and their share of all orders (0-1). */
  ordersNeedingApproval: number;
  approvalShare: number;
  byRule: ApprovalRuleStats[];
}

const schemaOf = (ctx: OrdersContext) => (ctx.em.config.get('schema') as string | undefined) ?? 'orders';

/**
 * The over-approval view for staff: over orders placed in [from, to), the share that needed approval,
 * by rule and level, and the median time from placement to each decision, to tune the rules.
 */
export async function approvalStats(ctx: OrdersContext, period: { from: Date; to: Date }): Promise<ApprovalStats> {
  // Staff only: the matrix's row, enforced by the guard before this runs.
  requireClaims(ctx.claims);
  const schema = schemaOf(ctx);
  const [totals] = (await ctx.em.execute(
    `select count(*)::int as total,
            count(*) filter (where exists (select 1 from "${schema}"."order_approval_step" s where s.order_id = o.id))::int as needing
     from "${schema}"."order" o where o.placed_at >= ? and o.placed_at < ?`,
    [period.from, period.to],
  )) as { total: number; needing: number }[];
  const rows = (await ctx.em.execute(
    `select s.rule, s.level, count(distinct s.order_id)::int as orders,
            count(s.decided_at)::int as decided,
            percentile_cont(0.5) within group (order by extract(epoch from (s.decided_at - o.placed_at))) filter (where s.decided_at is not null) as median
     from "${schema}"."order_approval_step" s join "${schema}"."order" o on o.id = s.order_id
     where o.placed_at >= ? and o.placed_at < ?
     group by s.rule, s.level order by s.level, s.rule`,
    [period.from, period.to],
  )) as { rule: string; level: number; orders: number; decided: number; median: number | string | null }[];
  const share = (n: number) => (totals.total ? n / totals.total : 0);
  return {
    ...period,
    totalOrders: totals.total,
    ordersNeedingApproval: totals.needing,
    approvalShare: share(totals.needing),
    byRule: rows.map((r) => ({
      rule: r.rule,
      level: r.level,
      orders: r.orders,
      share: share(r.orders),
      decided: r.decided,
      medianSecondsToDecision: r.median === null ? null : Math.round(Number(r.median)),
    })),
  };
}

/**
 * The median time from placement to decision of steps decided at each level over the 30 days before
 * `now`, in seconds: one statement, kept for the loaders' lifetime (one request, or one event of a
 * subscription), so a page of orders does not ask once per order.
 */
const medians = new WeakMap<object, Promise<Map<number, number>>>();
function medianSecondsByLevel(ctx: OrdersContext, now: Date): Promise<Map<number, number>> {
  let cached = medians.get(ctx.loaders);
  if (!cached) {
    const schema = schemaOf(ctx);
    cached = (
      ctx.em.execute(
        `select d.level, percentile_cont(0.5) within group (order by extract(epoch from (d.decided_at - o.placed_at))) as median
           from "${schema}"."order_approval_step" d join "${schema}"."order" o on o.id = d.order_id
          where d.decided_at is not null and d.decided_at > ?::timestamptz - interval '30 days'
          group by d.level`,
        [now],
      ) as Promise<{ level: number; median: number | string }[]>
    ).then((rows) => new Map(rows.map((r) => [r.level, Number(r.median)])));
    medians.set(ctx.loaders, cached);
  }
  return cached;
}

/**
 * When a pending order's current step is likely decided: its placement plus the median time to
 * decision of steps at that level over the last 30 days; null when nothing is pending or there is no
 * history at that level.
 */
export async function estimatedDecisionAt(ctx: OrdersContext, order: { id: string; status: string; placedAt: Date }): Promise<Date | null> {
  if (order.status !== 'PENDING_APPROVAL') return null;
  const step = currentStepOf({ status: order.status, steps: await ctx.loaders.approvalStepsByOrderId.load(order.id) });
  if (!step) return null;
  const median = (await medianSecondsByLevel(ctx, new Date())).get(step.level);
  return median === undefined ? null : new Date(order.placedAt.getTime() + median * 1000);
}
