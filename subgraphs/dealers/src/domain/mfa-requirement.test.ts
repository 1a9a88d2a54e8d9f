import { describe, expect, it } from 'vitest';

import { isMfaRequired } from './mfa-requirement.js';

describe('isMfaRequired', () => {
  it('follows the staff rule for staff, whatever a dealer says', () => {
    expect(isMfaRequired({ role: 'ADMIN', dealerMfaRequired: false, policy: { staffMfaRequired: true } })).toBe(true);
    expect(isMfaRequired({ role: 'SALES_REP', dealerMfaRequired: true, policy: { staffMfaRequired: false } })).toBe(false);
  });

  it("follows the dealer's policy for dealer users", () => {
    expect(isMfaRequired({ role: 'VIEW_ONLY', dealerMfaRequired: true, policy: { staffMfaRequired: false } })).toBe(true);
    expect(isMfaRequired({ role: 'DEALER_ADMIN', dealerMfaRequired: false, policy: { staffMfaRequired: true } })).toBe(false);
  });
});
