import type { InternalTierFacts } from '@dealergraph/runtime';

import type { CreditContext } from '../context.js';
import { daysPastDue, overdueCutoff } from '../domain/credit.js';

/**
 * The ledger facts of the tier evaluation (dealers owns the tier; credit owns the invoices): the
 * total invoiced since `since` and the oldest unpaid invoice's days past due, per dealer, in one
 * statement. `dealerIds` null: every dealer with an invoice.
 */
export async function tierFacts(
  ctx: Pick<CreditContext, 'em'>,
  input: { dealerIds: readonly string[] | null; since: Date; now?: Date },
): Promise<InternalTierFacts[]> {
  const now = input.now ?? new Date();
  if (input.dealerIds && input.dealerIds.length === 0) return [];
  const where = input.dealerIds ? 'where dealer_id in (?)' : '';
  const rows = await ctx.em.getConnection().execute<{ dealer_id: string; revenue: string; oldest_due_at: Date | string | null }[]>(
    `select dealer_id,
            coalesce(sum(amount) filter (where issued_at >= ?::timestamptz), 0) as revenue,
            min(due_at) filter (where amount > paid_amount and due_at < ?::timestamptz) as oldest_due_at
       from "credit"."invoice" ${where}
      group by dealer_id`,
    [input.since, overdueCutoff(now), ...(input.dealerIds ? [[...input.dealerIds]] : [])],
  );
  const found = new Map(
    rows.map((r) => [
      r.dealer_id,
      {
        dealerId: r.dealer_id,
        revenue: Number(r.revenue),
        oldestOverdueDays: r.oldest_due_at === null ? 0 : daysPastDue(new Date(r.oldest_due_at), now),
      },
    ]),
  );
  const ids = input.dealerIds ?? [...found.keys()];
  return ids.map((dealerId) => found.get(dealerId) ?? { dealerId, revenue: 0, oldestOverdueDays: 0 });
}
