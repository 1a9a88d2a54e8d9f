import type { Claims } from '@dealergraph/runtime';
import { describe, expect, it } from 'vitest';

import { mayAdministerDealer } from './dealer-administration.js';

const dealerId = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const as = (role: Claims['role'], dealer: string | null = null, extra: Partial<Claims> = {}): Claims => ({
  sub: 'u',
  email: 'e',
  role,
  dealerId: dealer,
  ...extra,
});

describe('mayAdministerDealer', () => {
  it('lets an ADMIN administer any dealer and a DEALER_ADMIN its own only', () => {
    expect(mayAdministerDealer({ claims: as('ADMIN'), dealerId })).toBe(true);
    expect(mayAdministerDealer({ claims: as('DEALER_ADMIN', dealerId), dealerId })).toBe(true);
    expect(mayAdministerDealer({ claims: as('DEALER_ADMIN', other), dealerId })).toBe(false);
  });

  it('refuses other roles, anonymous callers and restricted sessions', () => {
    for (const role of ['ORDER_ENTRY', 'VIEW_ONLY'] as const)
      expect(mayAdministerDealer({ claims: as(role, dealerId), dealerId })).toBe(false);
    for (const role of ['SALES_REP', 'GENERAL_MANAGER', 'FINANCE'] as const)
      expect(mayAdministerDealer({ claims: as(role), dealerId })).toBe(false);
    expect(mayAdministerDealer({ claims: null, dealerId })).toBe(false);
    expect(mayAdministerDealer({ claims: as('ADMIN', null, { mfaEnrolmentOnly: true }), dealerId })).toBe(false);
  });
});
