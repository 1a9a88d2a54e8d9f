import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';

import { AUTHORIZATION_MATRIX, decide } from '../auth/authorization-matrix.js';
import {
  type Claims,
  forbidden,
  isApiClient,
  isStaff,
  MFA_ENROLMENT_FIELDS,
  mfaEnrolmentRequired,
  unauthenticated,
} from '../auth/claims.js';

/** `@Authorized('STAFF')` admits every staff role; other names are the roles in roles.ts. */
export const STAFF = 'STAFF';

/**
 * `@Authorized()` needs a signed-in caller. Then the authorization matrix decides for the field's
 * coordinate (auth/authorization-matrix.ts): API clients by scope (fields without a row are closed
 * to them), users by role where the row refuses with an error (rows refused as a userError are the
 * service's to answer, from the same row). A field without a row keeps its decorator's roles.
 * Throws the published UNAUTHENTICATED / FORBIDDEN errors rather than type-graphql's own messages.
 */
export const authChecker: AuthChecker<{ claims: Claims | null }> = ({ context, info }, roles) => {
  const claims = context.claims;
  if (!claims) throw unauthenticated();
  // The gateway refuses a restricted session first; this holds even for a call that reaches a subgraph.
  if (claims.mfaEnrolmentOnly && !MFA_ENROLMENT_FIELDS.has(info.fieldName)) throw mfaEnrolmentRequired();
  const coordinate = `${info.parentType.name}.${info.fieldName}`;
  const rule = AUTHORIZATION_MATRIX[coordinate];
  if (isApiClient(claims) || rule?.refusal === 'ERROR') {
    const decision = decide({ role: claims.role, scopes: claims.scopes }, coordinate);
    if (decision.allowed) return true;
    throw new GraphQLError(decision.message, {
      extensions: { code: 'FORBIDDEN', ...(decision.missingScope ? { missingScope: decision.missingScope } : {}) },
    });
  }
  if (rule || roles.length === 0) return true;
  if (roles.includes(claims.role)) return true;
  if (roles.includes(STAFF) && isStaff(claims)) return true;
  throw forbidden();
};
