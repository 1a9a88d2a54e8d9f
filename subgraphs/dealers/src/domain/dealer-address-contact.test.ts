import { describe, expect, it } from 'vitest';

import { checkDealerAddress, checkDealerContact, duplicateDefaults } from './dealer-address-contact.js';

const codes = (checked: { ok: boolean; problems?: { code: string; field: string }[] }) =>
  checked.ok ? [] : checked.problems!.map((p) => [p.code, p.field]);

describe('checkDealerAddress', () => {
  const good = {
    code: 'SHIP-01',
    kind: 'ship-to',
    name: 'Great Lakes Hydraulics',
    street: '100 Harbor Dr',
    postalCode: '53202',
    city: 'Milwaukee',
    country: 'us',
  };

  it('reads a ship-to address with its defaults (not the default address, active)', () => {
    expect(checkDealerAddress(good)).toEqual({
      ok: true,
      value: { ...good, kind: 'SHIP_TO', country: 'US', region: null, isDefault: false, active: true },
    });
    expect(checkDealerAddress({ ...good, kind: 'BILLING', isDefault: 'yes', active: 'false' })).toMatchObject({
      ok: true,
      value: { kind: 'BILLING', isDefault: true, active: false },
    });
  });

  it('gives each bad value its code', () => {
    expect(codes(checkDealerAddress({ ...good, code: 'ship 01' }))).toEqual([['INVALID_CODE', 'code']]);
    expect(codes(checkDealerAddress({ ...good, kind: 'HOME' }))).toEqual([['INVALID_KIND', 'kind']]);
    expect(codes(checkDealerAddress({ ...good, country: 'USA' }))).toEqual([['INVALID_COUNTRY', 'country']]);
    expect(codes(checkDealerAddress({ ...good, isDefault: 'maybe' }))).toEqual([['INVALID_FLAG', 'isDefault']]);
    expect(codes(checkDealerAddress({ ...good, street: '', city: 'x'.repeat(201) }))).toEqual([
      ['REQUIRED', 'street'],
      ['TOO_LONG', 'city'],
    ]);
  });
});

describe('checkDealerContact', () => {
  it('reads a contact, the email in lower case', () => {
    expect(checkDealerContact({ email: ' Buyer@Example.com ', name: 'Pat Buyer', role: 'Purchasing' })).toEqual({
      ok: true,
      value: { email: 'buyer@example.com', name: 'Pat Buyer', role: 'Purchasing', phone: null, active: true },
    });
    expect(codes(checkDealerContact({ email: 'not-an-email', name: '' }))).toEqual([
      ['INVALID_EMAIL', 'email'],
      ['REQUIRED', 'name'],
    ]);
  });
});

describe('duplicateDefaults', () => {
  it('fails every active default of one dealer and kind past the first, and only those', () => {
    const row = (dealerId: string, kind: 'BILLING' | 'SHIP_TO', isDefault: boolean, active = true) => ({
      dealerId,
      kind,
      isDefault,
      active,
    });
    expect(
      duplicateDefaults([
        row('a', 'SHIP_TO', true),
        row('a', 'SHIP_TO', true),
        row('a', 'BILLING', true),
        row('b', 'SHIP_TO', true),
        row('a', 'SHIP_TO', true, false),
        null,
      ]),
    ).toEqual(new Set([0, 1]));
  });
});
