import { canSeeDealer, forbidden, isStaff, normalizeId, type PageWindow, requireClaims } from '@dealergraph/runtime';

import type { DealersContext } from '../context.js';
import type { DealerTier } from '../entities/dealer.entity.js';
import { activeUserById, dealerPage, type DealerRow, type UserRow } from '../loaders/dealer.queries.js';

export type { DealerRow, UserRow } from '../loaders/dealer.queries.js';

export interface DealerFilter {
  search?: string | null;
  tier?: DealerTier | null;
  region?: string | null;
}

/** The signed-in user, or null once the account was disabled. */
export async function currentUser(ctx: DealersContext): Promise<UserRow | null> {
  const claims = requireClaims(ctx.claims);
  return activeUserById(ctx.em, claims.sub);
}

/**
 * A dealer the caller may see, or null: other dealers' users get null, never someone else's data.
 * An id that is not a uuid names no dealer and reads as null too (it never reaches PostgreSQL).
 */
export async function findDealer(ctx: DealersContext, id: string): Promise<DealerRow | null> {
  const dealerId = normalizeId(id);
  if (!dealerId || !canSeeDealer(ctx.claims, dealerId)) return null;
  return ctx.loaders.dealerById.load(dealerId);
}

/** A page of dealers by code and how many match, for staff. */
export async function listDealers(ctx: DealersContext, filter: DealerFilter, window: PageWindow): Promise<[DealerRow[], number]> {
  if (!isStaff(requireClaims(ctx.claims))) throw forbidden("Only the distributor's staff can list dealers.");
  return dealerPage(ctx.em, filter, window);
}
