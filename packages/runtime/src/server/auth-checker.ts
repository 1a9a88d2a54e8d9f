import type { AuthChecker } from 'type-graphql';
import { forbidden, isStaff, unauthenticated, type Claims } from '../auth/claims.js';

/** `@Authorized('STAFF')` admits every staff role; other names are roles of the contract. */
export const STAFF = 'STAFF';

/**
 * `@Authorized()` needs a signed-in caller; `@Authorized(roles)` one of those roles. Throws the
 * contract's UNAUTHENTICATED / FORBIDDEN errors rather than type-graphql's own messages.
 */
export const authChecker: AuthChecker<{ claims: Claims | null }> = ({ context }, roles) => {
  const claims = context.claims;
  if (!claims) throw unauthenticated();
  if (roles.length === 0) return true;
  if (roles.includes(claims.role)) return true;
  if (roles.includes(STAFF) && isStaff(claims)) return true;
  throw forbidden();
};
