import { describe, expect, it } from 'vitest';

import { approverScope, inScope } from './approver-scope.js';

const rep = 'a0000000-0000-4000-8000-000000000001';
const order = (salesRepUserId: string | null, dealerRegion: string | null) => ({ salesRepUserId, dealerRegion });

describe('approver scope', () => {
  it("a SALES_REP decides their own dealers' orders only", () => {
    const scope = approverScope({ role: 'SALES_REP', userId: rep, region: 'Northeast' });
    expect(inScope(scope, order(rep, 'Northeast'))).toBe(true);
    expect(inScope(scope, order('b0000000-0000-4000-8000-000000000002', 'Northeast'))).toBe(false);
    expect(inScope(scope, order(null, 'Northeast'))).toBe(false);
  });

  it("a REGIONAL_MANAGER decides their region's orders; one without a region none", () => {
    const scope = approverScope({ role: 'REGIONAL_MANAGER', userId: rep, region: 'Northeast' });
    expect(inScope(scope, order(null, 'Northeast'))).toBe(true);
    expect(inScope(scope, order(null, 'Southeast'))).toBe(false);
    expect(inScope(scope, order(null, null))).toBe(false);
    expect(inScope(approverScope({ role: 'REGIONAL_MANAGER', userId: rep, region: null }), order(null, 'Northeast'))).toBe(false);
  });

  it('directors and up see all; others nothing', () => {
    for (const role of ['SALES_DIRECTOR', 'FINANCE', 'GENERAL_MANAGER'])
      expect(inScope(approverScope({ role, userId: rep, region: null }), order(null, null))).toBe(true);
    for (const role of ['ADMIN', 'DEALER_ADMIN'])
      expect(inScope(approverScope({ role, userId: rep, region: 'Northeast' }), order(rep, 'Northeast'))).toBe(false);
  });
});
