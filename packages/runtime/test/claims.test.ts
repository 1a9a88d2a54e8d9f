import { describe, expect, it } from 'vitest';

import { canSeeDealer, type Claims, isStaff, parseClaims } from '../src/auth/claims.js';

const DEALER_ID = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
const OTHER_DEALER_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

describe('parseClaims', () => {
  it('reads a dealer user, keeping only the known fields', () => {
    expect(parseClaims({ sub: 'u1', email: 'a@dealer.test', role: 'ORDER_ENTRY', dealerId: DEALER_ID, sid: 's1', admin: true })).toEqual({
      sub: 'u1',
      email: 'a@dealer.test',
      role: 'ORDER_ENTRY',
      dealerId: DEALER_ID,
      sid: 's1',
    });
  });

  it('reads staff without a dealer, whatever dealerId the payload carries', () => {
    expect(parseClaims({ sub: 'u2', email: 'f@staff.test', role: 'FINANCE', dealerId: DEALER_ID })).toEqual({
      sub: 'u2',
      email: 'f@staff.test',
      role: 'FINANCE',
      dealerId: null,
      sid: undefined,
    });
  });

  it('reads anything that is not an object as anonymous', () => {
    for (const payload of [null, undefined, '', 'claims', 42, true]) expect(parseClaims(payload), String(payload)).toBeNull();
  });

  it('reads malformed claims as anonymous', () => {
    expect(parseClaims({})).toBeNull();
    expect(parseClaims({ email: 'a@b.test', role: 'ADMIN' })).toBeNull();
    expect(parseClaims({ sub: 1, email: 'a@b.test', role: 'ADMIN' })).toBeNull();
    expect(parseClaims({ sub: 'u1', role: 'ADMIN' })).toBeNull();
    expect(parseClaims({ sub: 'u1', email: 'a@b.test' })).toBeNull();
    expect(parseClaims({ sub: 'u1', email: 'a@b.test', role: ['ADMIN'] })).toBeNull();
  });

  it('reads an unknown role as anonymous', () => {
    expect(parseClaims({ sub: 'u1', email: 'a@b.test', role: 'ROOT' })).toBeNull();
    expect(parseClaims({ sub: 'u1', email: 'a@b.test', role: 'admin' })).toBeNull();
    expect(parseClaims({ sub: 'u1', email: 'a@b.test', role: '' })).toBeNull();
  });

  it('reads a dealer role without a string dealerId as anonymous', () => {
    for (const role of ['DEALER_ADMIN', 'ORDER_ENTRY', 'VIEW_ONLY']) {
      expect(parseClaims({ sub: 'u1', email: 'a@b.test', role }), role).toBeNull();
      expect(parseClaims({ sub: 'u1', email: 'a@b.test', role, dealerId: null }), role).toBeNull();
      expect(parseClaims({ sub: 'u1', email: 'a@b.test', role, dealerId: 7 }), role).toBeNull();
    }
  });
});

describe('canSeeDealer', () => {
  const dealerUser: Claims = { sub: 'u1', email: 'a@dealer.test', role: 'VIEW_ONLY', dealerId: DEALER_ID };
  const staff: Claims = { sub: 'u2', email: 'r@staff.test', role: 'SALES_REP', dealerId: null };

  it('lets a dealer user see its own dealer only', () => {
    expect(canSeeDealer(dealerUser, DEALER_ID)).toBe(true);
    expect(canSeeDealer(dealerUser, OTHER_DEALER_ID)).toBe(false);
  });

  it('lets staff see every dealer', () => {
    expect(canSeeDealer(staff, DEALER_ID)).toBe(true);
    expect(canSeeDealer(staff, OTHER_DEALER_ID)).toBe(true);
    expect(isStaff(staff)).toBe(true);
    expect(isStaff(dealerUser)).toBe(false);
  });

  it('lets anonymous callers see no dealer', () => {
    expect(canSeeDealer(null, DEALER_ID)).toBe(false);
    expect(isStaff(null)).toBe(false);
  });

  it('lets a dealer user without a dealer see none', () => {
    expect(canSeeDealer({ ...dealerUser, dealerId: null }, DEALER_ID)).toBe(false);
  });
});
