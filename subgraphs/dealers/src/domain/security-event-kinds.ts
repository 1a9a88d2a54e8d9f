/**
 * The kinds of security event the audit log records. Add new kinds at the end; the GraphQL enum
 * SecurityEventKind is built from this list.
 */
export const SECURITY_EVENT_KINDS = [
  'SIGN_IN_SUCCEEDED',
  'SIGN_IN_FAILED',
  'SIGN_IN_LOCKED',
  'MFA_ENROLMENT_REQUIRED',
  'MFA_ENROLMENT_STARTED',
  'MFA_ENABLED',
  'MFA_DISABLED',
  'RECOVERY_CODE_USED',
  'REFRESH_TOKEN_REUSED',
  'SESSION_REVOKED',
  'ROLE_CHANGED',
  'IP_REFUSED',
  'DEALER_POLICY_CHANGED',
  'USER_INVITED',
  'INVITATION_ACCEPTED',
  'USER_DISABLED',
  'USER_ENABLED',
  'API_CLIENT_CREATED',
  'API_CLIENT_REVOKED',
  'API_CLIENT_TOKEN_ISSUED',
  'API_CLIENT_TOKEN_REFUSED',
  'INVITATION_CANCELLED',
  'API_CLIENT_SECRET_ROTATED',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];
