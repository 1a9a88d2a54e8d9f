import type { Claims } from '@dealergraph/runtime';

/**
 * Who may administer a dealer's security settings and read its audit log: an ADMIN for any dealer,
 * a DEALER_ADMIN for its own. (Kept small on purpose; the full role x operation matrix lives with
 * dealer user administration.)
 */
export function mayAdministerDealer(input: { claims: Claims | null; dealerId: string }): boolean {
  const { claims, dealerId } = input;
  if (!claims || claims.mfaEnrolmentOnly) return false;
  return claims.role === 'ADMIN' || (claims.role === 'DEALER_ADMIN' && claims.dealerId === dealerId);
}
