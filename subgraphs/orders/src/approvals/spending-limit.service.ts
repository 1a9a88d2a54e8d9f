import {
  formatAmount,
  normalizeId,
  ok,
  readOptionalAmount,
  refusalUnlessAllowed,
  refused,
  requireClaims,
  type Result,
  type UserError,
  userError,
} from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import type { Order } from '../orders/order.entity.js';
import type { SpendingInput } from './domain/spending-limit.js';
import { spendingLimitProblems } from './domain/spending-limit.js';
import { SpendingLimit } from './spending-limit.entity.js';

type Em = OrdersContext['em'];

/** A user's limits as the API shows them (decimal strings; null: no limit of that kind). */
export interface SpendingLimitView {
  userId: string;
  dealerId: string;
  perOrderLimit: string | null;
  monthlyLimit: string | null;
  updatedAt: Date;
}

const toView = (row: SpendingLimit): SpendingLimitView => ({
  userId: row.userId,
  dealerId: row.dealerId,
  perOrderLimit: row.perOrderLimit === null ? null : formatAmount(row.perOrderLimit),
  monthlyLimit: row.monthlyLimit === null ? null : formatAmount(row.monthlyLimit),
  updatedAt: row.updatedAt,
});

/** The limits as asked for: amounts are decimal strings; null or absent removes that limit. */
export interface SpendingLimitInput {
  userId: string;
  perOrderLimit?: string | null;
  monthlyLimit?: string | null;
}

/**
 * Sets an ORDER_ENTRY user's spending limits (per order, per month), replacing what was set: a
 * DEALER_ADMIN for their own dealer's users only (another dealer's user reads as NOT_FOUND), or the
 * portal's ADMIN for anyone's. One upsert by user: concurrent settings leave one row, the last one's.
 */
export async function setSpendingLimit(ctx: OrdersContext, input: SpendingLimitInput): Promise<Result<SpendingLimitView>> {
  const claims = requireClaims(ctx.claims);
  const forbidden = refusalUnlessAllowed(
    claims,
    'Mutation.setSpendingLimit',
    "Only a dealer's DEALER_ADMIN (for their own users) or the portal's ADMIN sets spending limits.",
  );
  if (forbidden) return refused(forbidden);
  const errors: UserError[] = [];
  const perOrder = readOptionalAmount(input.perOrderLimit, { field: ['input', 'perOrderLimit'], min: 0, example: '2500.00' }, errors);
  const monthly = readOptionalAmount(input.monthlyLimit, { field: ['input', 'monthlyLimit'], min: 0, example: '20000.00' }, errors);
  if (errors.length) return refused(...errors);
  const problems = spendingLimitProblems({ perOrder, monthly });
  if (problems.length) return refused(...problems.map((p) => userError(p.code, p.message, p.field)));
  const notFound = userError('NOT_FOUND', 'There is no such user of your dealer.', ['input', 'userId']);
  const userId = normalizeId(input.userId);
  if (!userId) return refused(notFound);
  const { users } = await ctx.services.dealers.call('notificationContacts', { userIds: [userId] });
  const user = users.find((u) => u.id === userId);
  if (!user || user.dealerId === null || (claims.role === 'DEALER_ADMIN' && user.dealerId !== claims.dealerId)) return refused(notFound);
  if (user.role !== 'ORDER_ENTRY') {
    return refused(
      userError(
        'INVALID_TARGET',
        `Spending limits are for ORDER_ENTRY users; this user is ${user.role} (a DEALER_ADMIN approves, a VIEW_ONLY user places nothing).`,
        ['input', 'userId'],
      ),
    );
  }
  const row = await ctx.em.fork().upsert(SpendingLimit, {
    userId,
    dealerId: user.dealerId,
    perOrderLimit: perOrder,
    monthlyLimit: monthly,
    updatedByUserId: claims.sub,
    updatedAt: new Date(),
  });
  return ok(toView(row));
}

/** The spending limits of a dealer's users: a DEALER_ADMIN their own dealer's, the portal's ADMIN the named dealer's. */
export async function listSpendingLimits(ctx: OrdersContext, dealerId: string | null): Promise<SpendingLimitView[]> {
  const claims = requireClaims(ctx.claims);
  const dealer = claims.role === 'DEALER_ADMIN' ? claims.dealerId : normalizeId(dealerId ?? '');
  if (!dealer) return [];
  const rows = await ctx.em.fork().find(SpendingLimit, { dealerId: dealer }, { orderBy: { updatedAt: 'desc', userId: 'asc' } });
  return rows.map(toView);
}

/** The first moment of the calendar month (UTC) that `at` is in. */
export const monthStart = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));

/**
 * What the routing needs of the placing user's limits (domain/spending-limit.ts): their limits and
 * what their other orders of this month add up to, orders still being placed included (so of two
 * placed at once the later one always counts the earlier), rejected and cancelled ones not. Null when
 * the user has no limit (staff placing on a dealer's behalf, API clients, users without one).
 */
export async function spendingOf(em: Em, order: Order): Promise<Pick<SpendingInput, 'limits' | 'monthSpent'> | null> {
  if (!order.placedByUserId) return null;
  const limit = await em.fork().findOne(SpendingLimit, { userId: order.placedByUserId, dealerId: order.dealerId });
  if (!limit || (limit.perOrderLimit === null && limit.monthlyLimit === null)) return null;
  let monthSpent = 0;
  if (limit.monthlyLimit !== null) {
    const schema = em.config.get('schema') ?? 'orders';
    const [row] = await em.getConnection().execute<{ spent: string }[]>(
      `select coalesce(sum(total), 0)::text as spent from "${schema}"."order"
        where placed_by_user_id = ? and dealer_id = ? and id <> ? and placed_at >= ?
          and status not in ('REJECTED', 'CANCELLED')`,
      [order.placedByUserId, order.dealerId, order.id, monthStart(order.placedAt ?? new Date())],
    );
    monthSpent = Number(row.spent);
  }
  return { limits: { perOrder: limit.perOrderLimit, monthly: limit.monthlyLimit }, monthSpent };
}
