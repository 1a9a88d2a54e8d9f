import { describe, expect, it } from 'vitest';

import { administers, lastAdminRefusal, roleGrantRefusal } from './user-admin.js';

const D1 = '00000000-0000-4000-8000-000000000001';
const D2 = '00000000-0000-4000-8000-000000000002';
const dealerAdmin = { role: 'DEALER_ADMIN' as const, dealerId: D1 };
const admin = { role: 'ADMIN' as const, dealerId: null };

describe('user administration rules', () => {
  it('lets a DEALER_ADMIN administer their own dealer only, and ADMIN everyone', () => {
    expect(administers({ actor: dealerAdmin, dealerId: D1 })).toBe(true);
    expect(administers({ actor: dealerAdmin, dealerId: D2 })).toBe(false);
    expect(administers({ actor: dealerAdmin, dealerId: null })).toBe(false);
    expect(administers({ actor: { role: 'ORDER_ENTRY', dealerId: D1 }, dealerId: D1 })).toBe(false);
    expect(administers({ actor: { role: 'GENERAL_MANAGER', dealerId: null }, dealerId: null })).toBe(false);
    expect(administers({ actor: admin, dealerId: D2 })).toBe(true);
    expect(administers({ actor: admin, dealerId: null })).toBe(true);
  });

  it('keeps dealer users on dealer roles, staff on staff roles, and nobody above the granter', () => {
    expect(roleGrantRefusal({ actor: dealerAdmin, dealerId: D1, role: 'ORDER_ENTRY' })).toBeNull();
    expect(roleGrantRefusal({ actor: dealerAdmin, dealerId: D1, role: 'DEALER_ADMIN' })).toBeNull();
    expect(roleGrantRefusal({ actor: dealerAdmin, dealerId: D1, role: 'ADMIN' })?.code).toBe('INVALID_ROLE');
    expect(roleGrantRefusal({ actor: admin, dealerId: null, role: 'VIEW_ONLY' })?.code).toBe('INVALID_ROLE');
    expect(roleGrantRefusal({ actor: admin, dealerId: null, role: 'ADMIN' })).toBeNull();
    expect(roleGrantRefusal({ actor: { role: 'ORDER_ENTRY', dealerId: D1 }, dealerId: D1, role: 'DEALER_ADMIN' })?.code).toBe(
      'ROLE_ABOVE_YOURS',
    );
  });

  it('refuses to leave a dealer or the staff without an active administrator', () => {
    expect(lastAdminRefusal({ dealerId: D1, activeAdminsAfter: 0 })?.code).toBe('LAST_ADMIN');
    expect(lastAdminRefusal({ dealerId: null, activeAdminsAfter: 0 })?.message).toContain('ADMIN');
    expect(lastAdminRefusal({ dealerId: D1, activeAdminsAfter: 1 })).toBeNull();
  });
});
