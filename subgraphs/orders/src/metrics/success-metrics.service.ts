import { requireClaims } from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import { ERROR_CANCELLATION_CODES } from '../orders/domain/order-cancellation.js';
import {
  AFTER_HOURS,
  isKnownTimeZone,
  SELF_PLACED_CHANNELS,
  STAFF_ENTERED_CHANNELS,
  type SuccessMetrics,
  successMetricsOf,
} from './domain/success-metrics.js';

/** The success metrics of a period with the period itself. */
export interface SuccessMetricsReport extends SuccessMetrics {
  from: Date;
  to: Date;
}

const schemaOf = (ctx: OrdersContext) => (ctx.em.config.get('schema') as string | undefined) ?? 'orders';

/**
 * The success metrics over the orders placed in [from, to) (domain/success-metrics.ts): the active
 * dealers and their time zones come from dealers' `activeDealers`, everything else is counted here in
 * one statement over the orders placed in the period (an index range scan on placed_at) and their
 * first SHIPPED entry. Orders still being placed are left out, as from every list.
 */
export async function successMetrics(ctx: OrdersContext, period: { from: Date; to: Date }): Promise<SuccessMetricsReport> {
  // Staff only: the matrix's row, enforced by the guard before this runs.
  requireClaims(ctx.claims);
  const { dealers } = await ctx.services.dealers.call('activeDealers', {});
  const zones: Record<string, string> = {};
  for (const d of dealers) if (d.timeZone && isKnownTimeZone({ timeZone: d.timeZone })) zones[d.id] = d.timeZone;
  const schema = schemaOf(ctx);
  const localHour = `extract(hour from o.placed_at at time zone coalesce(z.zone, 'UTC'))`;
  const [row] = (await ctx.em.execute(
    `with active as (select value::uuid as dealer_id from jsonb_array_elements_text(?::jsonb)),
          z as (select key::uuid as dealer_id, value as zone from jsonb_each_text(?::jsonb))
     select count(*)::int as orders,
            count(*) filter (where o.channel in (select jsonb_array_elements_text(?::jsonb)))::int as self_placed,
            count(*) filter (where o.channel in (select jsonb_array_elements_text(?::jsonb)))::int as staff_entered,
            count(distinct o.dealer_id) filter (where o.dealer_id in (select dealer_id from active))::int as dealers_with_orders,
            count(*) filter (where o.status = 'CANCELLED' and o.cancellation_code in (select jsonb_array_elements_text(?::jsonb)))::int as errors,
            count(*) filter (where ${localHour} >= ? or ${localHour} < ?)::int as after_hours,
            count(s.shipped_at)::int as shipped,
            coalesce(sum(extract(epoch from (s.shipped_at - o.placed_at))), 0)::float8 as processing_seconds
       from "${schema}"."order" o
       left join z on z.dealer_id = o.dealer_id
       left join lateral (select min(c.at) as shipped_at from "${schema}"."order_status_change" c
                           where c.order_id = o.id and c.status = 'SHIPPED') s on true
      where o.placed_at >= ? and o.placed_at < ? and o.workflow = 'DONE'`,
    [
      JSON.stringify(dealers.map((d) => d.id)),
      JSON.stringify(zones),
      JSON.stringify(SELF_PLACED_CHANNELS),
      JSON.stringify(STAFF_ENTERED_CHANNELS),
      JSON.stringify(ERROR_CANCELLATION_CODES),
      AFTER_HOURS.startHour,
      AFTER_HOURS.endHour,
      period.from,
      period.to,
    ],
  )) as {
    orders: number;
    self_placed: number;
    staff_entered: number;
    dealers_with_orders: number;
    errors: number;
    after_hours: number;
    shipped: number;
    processing_seconds: number | string;
  }[];
  return {
    ...period,
    ...successMetricsOf({
      orderCount: row.orders,
      selfPlacedOrders: row.self_placed,
      staffEnteredOrders: row.staff_entered,
      dealersWithOrders: row.dealers_with_orders,
      activeDealers: dealers.length,
      errorOrders: row.errors,
      afterHoursOrders: row.after_hours,
      shippedOrders: row.shipped,
      processingSeconds: Number(row.processing_seconds),
      // Neither views of invoices, statements and tracking nor survey answers are recorded yet.
      selfServiceViews: null,
      satisfactionScores: null,
    }),
  };
}
