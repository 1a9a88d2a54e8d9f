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

/** A dealer's address as `Dealer.addresses` reads it. */
export interface DealerAddressRow {
  id: string;
  dealerId: string;
  code: string;
  kind: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  region: string | null;
  country: string;
  isDefault: boolean;
  active: boolean;
}

/** A dealer's contact as `Dealer.contacts` reads it. */
export interface DealerContactRow {
  id: string;
  dealerId: string;
  email: string;
  name: string;
  role: string | null;
  phone: string | null;
  active: boolean;
}

const ADDRESS_COLUMNS = `id, dealer_id as "dealerId", code, kind, name, street, postal_code as "postalCode", city, region, country,
  is_default as "isDefault", active`;
const CONTACT_COLUMNS = `id, dealer_id as "dealerId", email, name, role, phone, active`;

/** Addresses by id (any state), or the active addresses of dealers (defaults first, then by kind and code): one statement. */
export async function dealerAddresses(
  em: EntityManager,
  by: { ids?: readonly string[]; dealerIds?: readonly string[] },
): Promise<DealerAddressRow[]> {
  const [where, keys] = by.ids ? ['id = any(?::uuid[])', by.ids] : ['active and dealer_id = any(?::uuid[])', by.dealerIds ?? []];
  return em.execute<DealerAddressRow[]>(
    `select ${ADDRESS_COLUMNS} from "dealers"."dealer_address" where ${where} order by dealer_id, is_default desc, kind, code`,
    [`{${keys.join(',')}}`],
  );
}

/** Contacts by id (any state), or the active contacts of dealers (by name): one statement. */
export async function dealerContacts(
  em: EntityManager,
  by: { ids?: readonly string[]; dealerIds?: readonly string[] },
): Promise<DealerContactRow[]> {
  const [where, keys] = by.ids ? ['id = any(?::uuid[])', by.ids] : ['active and dealer_id = any(?::uuid[])', by.dealerIds ?? []];
  return em.execute<DealerContactRow[]>(
    `select ${CONTACT_COLUMNS} from "dealers"."dealer_contact" where ${where} order by dealer_id, name, email`,
    [`{${keys.join(',')}}`],
  );
}
