import { isStaffRole, type Role } from '@dealergraph/runtime';

/** How long a restricted session (MFA enrolment only) lives: long enough to set up an authenticator app. */
export const ENROLMENT_SESSION_MINUTES = 15;

/** The settings that make two-factor sign-in mandatory. */
export interface MfaPolicy {
  /** Every staff role must use MFA (the distributor's people see all dealers). */
  staffMfaRequired: boolean;
}

/**
 * Whether a user must have MFA: staff when the staff rule is on, dealer users when their dealer
 * requires it.
 */
export function isMfaRequired(input: { role: Role; dealerMfaRequired: boolean; policy: MfaPolicy }): boolean {
  return isStaffRole(input.role) ? input.policy.staffMfaRequired : input.dealerMfaRequired;
}
