import { describe, expect, it } from 'vitest';

import { clientGrantRefusal, isBudgetFigure } from './api-client.js';

describe('API client grants', () => {
  it('needs a scope, and a dealer for scopes that act for one', () => {
    expect(clientGrantRefusal({ scopes: [], dealerId: null })?.code).toBe('INVALID_SCOPES');
    expect(clientGrantRefusal({ scopes: ['ORDERS_WRITE'], dealerId: null })?.code).toBe('DEALER_REQUIRED');
    expect(clientGrantRefusal({ scopes: ['CATALOG_READ', 'PRICES_READ'], dealerId: 'd' })).toBeNull();
    expect(clientGrantRefusal({ scopes: ['ERP_IMPORT'], dealerId: null })).toBeNull();
  });

  it('takes positive whole budget figures', () => {
    expect(isBudgetFigure(1000)).toBe(true);
    expect(isBudgetFigure(0)).toBe(false);
    expect(isBudgetFigure(1.5)).toBe(false);
  });
});
