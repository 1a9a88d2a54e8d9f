import { describe, expect, it } from 'vitest';

import { changedDealerFields, checkDealerMasterData } from './dealer-master-data.js';

const valid = { code: 'D9001', name: 'North Supply', tier: 'gold', region: 'NORTH', city: 'Oslo', email: 'Buy@North.example' };

describe('checkDealerMasterData', () => {
  it('normalizes a valid dealer: trimmed, tier and type upper case, email lower case, active by default', () => {
    const result = checkDealerMasterData({ ...valid, name: '  North Supply ', dealerType: 'retailer' });
    expect(result).toEqual({
      ok: true,
      value: {
        code: 'D9001',
        name: 'North Supply',
        tier: 'GOLD',
        dealerType: 'RETAILER',
        region: 'NORTH',
        city: 'Oslo',
        email: 'buy@north.example',
        phone: '',
        contractType: null,
        active: true,
      },
    });
  });

  it('reports every problem with its field and code', () => {
    const result = checkDealerMasterData({ code: 'bad code', tier: 'IRON', dealerType: 'SHOP', region: 'N', city: 'X', email: 'nope' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.field])).toEqual([
      ['INVALID_CODE', 'code'],
      ['REQUIRED', 'name'],
      ['INVALID_TIER', 'tier'],
      ['INVALID_DEALER_TYPE', 'dealerType'],
      ['INVALID_EMAIL', 'email'],
    ]);
  });

  it('reads active from import text', () => {
    const inactive = checkDealerMasterData({ ...valid, active: 'false' });
    expect(inactive.ok && inactive.value.active).toBe(false);
  });
});

describe('changedDealerFields', () => {
  it('lists only the fields that differ', () => {
    const a = checkDealerMasterData(valid);
    const b = checkDealerMasterData({ ...valid, tier: 'PLATINUM' });
    if (!a.ok || !b.ok) throw new Error('valid input');
    expect(changedDealerFields(a.value, a.value)).toEqual([]);
    expect(changedDealerFields(a.value, b.value)).toEqual(['tier']);
  });
});
