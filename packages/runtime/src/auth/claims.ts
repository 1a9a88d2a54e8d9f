import { GraphQLError } from 'graphql';

import { API_CLIENT_ROLE, API_SCOPES, type ApiScope } from './authorization-matrix.js';
import { isDealerRole, isStaffRole, type Role } from './roles.js';

/**
 * What the gateway verified about the caller, forwarded to subgraphs inside the signed request body.
 * Subgraphs read claims from nowhere else.
 */
export interface Claims {
  /** The user's id. */
  sub: string;
  email: string;
  /** A user's role, or `API_CLIENT` for an integration partner's client (see `scopes`). */
  role: Role | typeof API_CLIENT_ROLE;
  /** The dealer the user (or API client) acts for; absent for staff. */
  dealerId?: string | null;
  /** Session id, so that a later logout or session limit can revoke the token. */
  sid?: string;
  /**
   * True for the restricted session of a user who must enrol in MFA first: it may only enrol
   * (`MFA_ENROLMENT_FIELDS`); everything else answers MFA_ENROLMENT_REQUIRED.
   */
  mfaEnrolmentOnly?: boolean;
  /** API clients only: the client's id (also `sub`) and its granted scopes. */
  clientId?: string;
  scopes?: ApiScope[];
}

/** The only fields a restricted (MFA enrolment only) session may call. */
export const MFA_ENROLMENT_FIELDS: ReadonlySet<string> = new Set(['beginMfaEnrolment', 'confirmMfaEnrolment']);

/** The error for a restricted session that tries anything but enrolment. */
export function mfaEnrolmentRequired(): GraphQLError {
  return new GraphQLError('Two-factor sign-in is required for this account: enrol first (beginMfaEnrolment, then confirmMfaEnrolment).', {
    extensions: { code: 'MFA_ENROLMENT_REQUIRED', http: { status: 403 } },
  });
}

/** Reads claims from an untrusted object; anything malformed reads as anonymous. */
export function parseClaims(payload: unknown): Claims | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.sub !== 'string' || typeof p.role !== 'string' || typeof p.email !== 'string') return null;
  if (p.role === API_CLIENT_ROLE) return parseClientClaims(p);
  if (!isDealerRole(p.role) && !isStaffRole(p.role)) return null;
  if (isDealerRole(p.role) && typeof p.dealerId !== 'string') return null;
  return {
    sub: p.sub,
    email: p.email,
    role: p.role,
    dealerId: isDealerRole(p.role) ? (p.dealerId as string) : null,
    sid: typeof p.sid === 'string' ? p.sid : undefined,
    ...(p.mfaEnrolmentOnly === true ? { mfaEnrolmentOnly: true } : {}),
  };
}

function parseClientClaims(p: Record<string, unknown>): Claims | null {
  if (typeof p.cid !== 'string' || !Array.isArray(p.scopes)) return null;
  return {
    sub: p.sub as string,
    email: p.email as string,
    role: API_CLIENT_ROLE,
    dealerId: typeof p.dealerId === 'string' ? p.dealerId : null,
    clientId: p.cid,
    scopes: p.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly unknown[]).includes(s)),
  };
}

/** True for an integration partner's API client (not a person). */
export function isApiClient(claims: Claims | null): boolean {
  return claims?.role === API_CLIENT_ROLE;
}

/**
 * True for the distributor's ERP: an API client with ERP_IMPORT bound to no dealer. It acts on every
 * dealer's orders and ledger (acknowledgements, fulfilment, invoices), where its scope allows.
 */
export function isErpClient(claims: Claims | null): boolean {
  return isApiClient(claims) && !claims!.dealerId && (claims!.scopes ?? []).includes('ERP_IMPORT');
}

export function isStaff(claims: Claims | null): boolean {
  return !!claims && isStaffRole(claims.role);
}

/** True when the caller may see this dealer's data: the dealer's own users, or staff. */
export function canSeeDealer(claims: Claims | null, dealerId: string): boolean {
  if (!claims) return false;
  if (isStaffRole(claims.role)) return true;
  return claims.dealerId === dealerId;
}

/** The error for a caller who must sign in first. */
export function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in first: call the login mutation and send its accessToken as a Bearer token.', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/** The error for a signed-in caller without the right to do this. */
export function forbidden(message = 'Your role may not do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** The caller's claims, or an UNAUTHENTICATED error. */
export function requireClaims(claims: Claims | null): Claims {
  if (!claims) throw unauthenticated();
  return claims;
}
