import type { InternalContact, InternalDealerProfile } from '@dealergraph/runtime';

import type { DealersContext } from '../context.js';
import { Dealer } from '../entities/dealer.entity.js';
import { User } from '../entities/user.entity.js';

/** Region, sales rep, new-dealer review flag, code, name and city of several dealers, one statement. */
export async function dealerProfiles(ctx: DealersContext, dealerIds: readonly string[]): Promise<InternalDealerProfile[]> {
  const dealers = await ctx.em.find(Dealer, { id: { $in: [...new Set(dealerIds)] } });
  return dealers.map((d) => ({
    id: d.id,
    region: d.region,
    salesRepUserId: d.salesRepUserId,
    firstOrdersReviewed: d.firstOrdersReviewed,
    code: d.code,
    name: d.name,
    city: d.city,
  }));
}

/**
 * Every active dealer's id and time zone, for the success metrics (one statement, ids only). Dealers
 * record no time zone yet, so the zone is null and the metrics count hours in UTC.
 */
export async function activeDealers(ctx: DealersContext): Promise<{ id: string; timeZone: string | null }[]> {
  const dealers = await ctx.em.find(Dealer, { active: true }, { fields: ['id'], orderBy: { id: 'asc' } });
  return dealers.map((d) => ({ id: d.id, timeZone: null }));
}

/** The region a staff user looks after (their approval scope); found false for an unknown user. */
export async function staffProfile(
  ctx: DealersContext,
  userId: string,
): Promise<{ userId: string; region: string | null; found: boolean }> {
  const user = await ctx.em.findOne(User, { id: userId, dealer: null });
  return { userId, region: user?.region ?? null, found: user !== null };
}

/**
 * Active users to notify with their address, role and region: every user of the given dealers, all
 * staff users when asked, and the given users by id. One statement.
 */
export async function notificationContacts(
  ctx: DealersContext,
  ask: { dealerIds: readonly string[]; staff: boolean; userIds: readonly string[] },
): Promise<InternalContact[]> {
  const or: object[] = [];
  if (ask.dealerIds.length > 0) or.push({ dealer: { $in: [...new Set(ask.dealerIds)] } });
  if (ask.staff) or.push({ dealer: null });
  if (ask.userIds.length > 0) or.push({ id: { $in: [...new Set(ask.userIds)] } });
  if (or.length === 0) return [];
  const users = await ctx.em.find(User, { active: true, $or: or }, { orderBy: { email: 'asc' } });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    role: u.role,
    dealerId: u.dealer?.id ?? null,
    region: u.region,
  }));
}
