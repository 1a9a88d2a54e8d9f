import { canSeeDealer, containsPattern, forbidden, isStaff, normalizeId, requireClaims, type PageWindow } from '@dealergraph/runtime';
import type { FilterQuery } from '@mikro-orm/core';
import type { DealersContext } from '../context.js';
import { Dealer, type DealerTier } from '../entities/dealer.entity.js';
import { User } from '../entities/user.entity.js';

export interface DealerFilter {
  search?: string | null;
  tier?: DealerTier | null;
  region?: string | null;
}

/** The signed-in user. */
export async function currentUser(ctx: DealersContext): Promise<User | null> {
  const claims = requireClaims(ctx.claims);
  return ctx.em.findOne(User, { id: claims.sub, active: true });
}

/**
 * A dealer the caller may see, or null: other dealers' users get null, never someone else's data.
 * An id that is not a uuid names no dealer and reads as null too (it never reaches PostgreSQL).
 */
export async function findDealer(ctx: DealersContext, id: string): Promise<Dealer | null> {
  const dealerId = normalizeId(id);
  if (!dealerId || !canSeeDealer(ctx.claims, dealerId)) return null;
  return ctx.loaders.dealerById.load(dealerId);
}

/** A page of dealers, for staff. */
export async function listDealers(ctx: DealersContext, filter: DealerFilter, window: PageWindow): Promise<[Dealer[], number]> {
  if (!isStaff(requireClaims(ctx.claims))) throw forbidden('Only the distributor\'s staff can list dealers.');
  const where: FilterQuery<Dealer> = {};
  if (filter.search) where.$or = [{ name: { $ilike: containsPattern(filter.search) } }, { code: { $ilike: containsPattern(filter.search) } }];
  if (filter.tier) where.tier = filter.tier;
  if (filter.region) where.region = filter.region;
  return ctx.em.findAndCount(Dealer, where, { orderBy: { code: 'asc' }, offset: window.offset, limit: window.limit });
}
