import { requireClaims, isStaff, forbidden } from '@dealergraph/runtime';
import type { OrdersContext } from '../context.js';

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
  const claims = requireClaims(ctx.claims);
  if (!isStaff(claims)) throw forbidden('Approval statistics are for staff.');
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
 * When a pending order's current step is likely decided: its placement plus the median time to
 * decision of steps at that level over the last 30 days; null when nothing is pending or there is no
 * history at that level.
 */
export async function estimatedDecisionAt(ctx: OrdersContext, orderId: string): Promise<Date | null> {
  const schema = schemaOf(ctx);
  const [row] = (await ctx.em.execute(
    `select o.placed_at, s.level,
            (select percentile_cont(0.5) within group (order by extract(epoch from (d.decided_at - od.placed_at)))
             from "${schema}"."order_approval_step" d join "${schema}"."order" od on od.id = d.order_id
             where d.level = s.level and d.decided_at is not null and d.decided_at > now() - interval '30 days') as median
     from "${schema}"."order" o join "${schema}"."order_approval_step" s on s.order_id = o.id and s.status = 'PENDING'
     where o.id = ? and o.status = 'PENDING_APPROVAL' order by s.position limit 1`,
    [orderId],
  )) as { placed_at: Date; level: number; median: number | string | null }[];
  if (!row || row.median === null) return null;
  return new Date(new Date(row.placed_at).getTime() + Number(row.median) * 1000);
}
