import { containsPattern, type EntityManager, type PageWindow, type Role, tableOf } from '@dealergraph/runtime';

import { Dealer, type DealerTier } from '../entities/dealer.entity.js';
import { User } from '../entities/user.entity.js';

/**
 * The read paths of the dealers subgraph as plain SQL returning plain rows (no entity hydration);
 * sign-in, sessions and every write keep the entities and the unit of work.
 */

/** A dealer as lists and lookups read it. */
export interface DealerRow {
  id: string;
  code: string;
  name: string;
  tier: DealerTier;
  region: string;
  city: string;
  email: string;
  phone: string;
  active: boolean;
  firstOrdersReviewed: boolean;
  createdAt: Date;
}

/** A user as `me` reads it: no password hash, no MFA secret. */
export interface UserRow {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  dealerId: string | null;
}

const DEALER_COLUMNS = `d.id, d.code, d.name, d.tier, d.region, d.city, d.email, d.phone, d.active,
  d.first_orders_reviewed as "firstOrdersReviewed", d.created_at as "createdAt"`;

/** Dealers by id: one statement for any number. */
export function dealersByIds(em: EntityManager, ids: readonly string[]): Promise<DealerRow[]> {
  return em.execute<DealerRow[]>(`select ${DEALER_COLUMNS} from ${tableOf(em, Dealer)} d where d.id in (?)`, [[...ids]]);
}

export interface DealerListFilter {
  search?: string | null;
  tier?: DealerTier | null;
  region?: string | null;
}

/** A page of dealers by code and the number that match: two statements, whatever the page size. */
export async function dealerPage(em: EntityManager, filter: DealerListFilter, window: PageWindow): Promise<[DealerRow[], number]> {
  const clauses: string[] = ['true'];
  const params: unknown[] = [];
  if (filter.search) {
    clauses.push('(d.name ilike ? or d.code ilike ?)');
    params.push(containsPattern(filter.search), containsPattern(filter.search));
  }
  if (filter.tier) {
    clauses.push('d.tier = ?');
    params.push(filter.tier);
  }
  if (filter.region) {
    clauses.push('d.region = ?');
    params.push(filter.region);
  }
  const where = clauses.join(' and ');
  const [rows, count] = await Promise.all([
    em.execute<DealerRow[]>(`select ${DEALER_COLUMNS} from ${tableOf(em, Dealer)} d where ${where} order by d.code limit ? offset ?`, [
      ...params,
      window.limit,
      window.offset,
    ]),
    em.execute<{ count: string }[]>(`select count(*) from ${tableOf(em, Dealer)} d where ${where}`, params),
  ]);
  return [rows, Number(count[0].count)];
}

/** An active user by id, or null. */
export async function activeUserById(em: EntityManager, id: string): Promise<UserRow | null> {
  const [row] = await em.execute<UserRow[]>(
    `select u.id, u.email, u.full_name as "fullName", u.role, u.dealer_id as "dealerId" from ${tableOf(em, User)} u where u.id = ? and u.active`,
    [id],
  );
  return row ?? null;
}
