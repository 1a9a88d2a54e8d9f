import type { AuthChecker } from 'type-graphql';
import { forbidden, isStaff, MFA_ENROLMENT_FIELDS, mfaEnrolmentRequired, unauthenticated, type Claims } from '../auth/claims.js';

/** `@Authorized('STAFF')` admits every staff role; other names are roles of the contract. */
export const STAFF = 'STAFF';

/**
 * `@Authorized()` needs a signed-in caller; `@Authorized(roles)` one of those roles. Throws the
 * contract's UNAUTHENTICATED / FORBIDDEN errors rather than type-graphql's own messages.
 */
export const authChecker: AuthChecker<{ claims: Claims | null }> = ({ context, info }, roles) => {
  const claims = context.claims;
  if (!claims) throw unauthenticated();
  // The gateway refuses a restricted session first; this holds even for a call that reaches a subgraph.
  if (claims.mfaEnrolmentOnly && !MFA_ENROLMENT_FIELDS.has(info.fieldName)) throw mfaEnrolmentRequired();
  if (roles.length === 0) return true;
  if (roles.includes(claims.role)) return true;
  if (roles.includes(STAFF) && isStaff(claims)) return true;
  throw forbidden();
};
