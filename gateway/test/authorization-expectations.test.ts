import { API_CLIENT_ROLE, API_SCOPES, AUTHORIZATION_MATRIX, decide } from '@dealergraph/runtime';
import { describe, expect, it } from 'vitest';

import { EXPECTED_ACCESS, EXPECTED_ROLES } from './support/expected-access.js';

// The authorization matrix against a table written by hand (support/expected-access.ts), not derived
// from it: every role and every API client scope, for every operation. The real gateway is walked
// against the same table in authorization-matrix.test.ts.

describe('the authorization matrix, against the expectation table', () => {
  it('has exactly the operations of the table', () => {
    expect(Object.keys(AUTHORIZATION_MATRIX).sort()).toEqual(Object.keys(EXPECTED_ACCESS).sort());
  });

  it.each(Object.entries(EXPECTED_ACCESS))('%s: the roles, the scope and the kind of refusal of the table', (operation, expected) => {
    const seen = Object.fromEntries(EXPECTED_ROLES.map((role) => [role, decide({ role }, operation).allowed]));
    expect(seen).toEqual(Object.fromEntries(EXPECTED_ROLES.map((role) => [role, expected.roles.includes(role)])));
    expect(AUTHORIZATION_MATRIX[operation]?.refusal).toBe(expected.refusal);
    const withEvery = decide({ role: API_CLIENT_ROLE, scopes: API_SCOPES }, operation);
    expect(withEvery.allowed).toBe(expected.scope !== null);
    if (expected.scope) {
      const without = decide({ role: API_CLIENT_ROLE, scopes: API_SCOPES.filter((s) => s !== expected.scope) }, operation);
      expect(without).toMatchObject({ allowed: false, missingScope: expected.scope });
    }
  });
});
