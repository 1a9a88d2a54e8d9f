import { describe, expect, it } from 'vitest';

import { isAddressAllowed, parseAllowList } from './ip-allow-list.js';

describe('parseAllowList', () => {
  it('normalizes IPv4 and IPv6 ranges and single addresses, without duplicates', () => {
    expect(parseAllowList({ entries: ['10.1.2.3/24', ' 2001:DB8:0:0::1/32 ', '192.0.2.7', '::1', '10.1.2.0/24'] })).toEqual({
      ok: true,
      ranges: ['10.1.2.0/24', '2001:db8::/32', '192.0.2.7/32', '::1/128'],
    });
  });

  it('names every entry that is not a range', () => {
    const result = parseAllowList({
      entries: ['10.0.0.0/8', '10.0.0.0/33', '10.1', '010.0.0.1', 'fe80::1%eth0', '2001:db8::/129', 'x', '1.2.3.4/8/9', '1.2.3.4/ab'],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses more than 100 ranges', () => {
    expect(parseAllowList({ entries: Array.from({ length: 101 }, (_, i) => `10.0.${i}.0/24`) }).ok).toBe(false);
  });
});

describe('isAddressAllowed', () => {
  const allowList = ['203.0.113.0/24', '2001:db8:42::/48'];

  it('allows every address under an empty list', () => {
    expect(isAddressAllowed({ ip: '198.51.100.1', allowList: [] })).toBe(true);
    expect(isAddressAllowed({ ip: null, allowList: [] })).toBe(true);
  });

  it('allows addresses inside a range and refuses those just outside', () => {
    expect(isAddressAllowed({ ip: '203.0.113.255', allowList })).toBe(true);
    expect(isAddressAllowed({ ip: '203.0.114.0', allowList })).toBe(false);
    expect(isAddressAllowed({ ip: '2001:db8:42:ffff::1', allowList })).toBe(true);
    expect(isAddressAllowed({ ip: '2001:db8:43::1', allowList })).toBe(false);
  });

  it('reads an IPv4-mapped IPv6 address as IPv4, and refuses an unknown or malformed address', () => {
    expect(isAddressAllowed({ ip: '::ffff:203.0.113.9', allowList })).toBe(true);
    expect(isAddressAllowed({ ip: null, allowList })).toBe(false);
    expect(isAddressAllowed({ ip: 'not-an-ip', allowList })).toBe(false);
  });
});
