import { describe, expect, it } from 'vitest';

import { allows, API_CLIENT_ROLE, AUTHORIZATION_MATRIX, decide, parseClaims, renderAuthorizationMatrix } from '../src/index.js';

describe('the authorization matrix', () => {
  it('decides users by role and leaves root fields without a row to every user', () => {
    expect(allows({ role: 'ORDER_ENTRY' }, 'Mutation.placeOrder')).toBe(true);
    expect(decide({ role: 'VIEW_ONLY' }, 'Mutation.placeOrder')).toEqual({
      allowed: false,
      message: 'Your role (VIEW_ONLY) may not use Mutation.placeOrder.',
    });
    expect(allows({ role: 'GENERAL_MANAGER' }, 'Mutation.createApiClient')).toBe(false);
    expect(allows({ role: 'VIEW_ONLY' }, 'Query.me')).toBe(true);
  });

  it('decides API clients by scope, names the missing one, and closes fields without a row', () => {
    const client = { role: API_CLIENT_ROLE, scopes: ['CATALOG_READ'] };
    expect(allows(client, 'Query.products')).toBe(true);
    expect(decide(client, 'Product.price')).toMatchObject({ allowed: false, missingScope: 'PRICES_READ' });
    expect(decide(client, 'Query.me')).toMatchObject({ allowed: false });
    expect(
      decide({ role: API_CLIENT_ROLE, scopes: ['ERP_IMPORT', 'ORDERS_WRITE', 'PRICES_READ', 'CATALOG_READ'] }, 'Mutation.createApiClient')
        .allowed,
    ).toBe(false);
  });

  it('reads an API client token into claims, dropping unknown scopes; a token without cid is anonymous', () => {
    expect(
      parseClaims({ sub: 'c1', email: 'client:c1', role: 'API_CLIENT', cid: 'c1', dealerId: 'd1', scopes: ['CATALOG_READ', 'ROOT'] }),
    ).toEqual({
      sub: 'c1',
      email: 'client:c1',
      role: 'API_CLIENT',
      dealerId: 'd1',
      clientId: 'c1',
      scopes: ['CATALOG_READ'],
    });
    expect(parseClaims({ sub: 'c1', email: 'client:c1', role: 'API_CLIENT', scopes: ['CATALOG_READ'] })).toBeNull();
  });

  it('renders one table row per operation', () => {
    const table = renderAuthorizationMatrix().split('\n');
    expect(table).toHaveLength(Object.keys(AUTHORIZATION_MATRIX).length + 2);
    expect(table.find((row) => row.startsWith('| `Mutation.placeOrder`'))).toBe(
      '| `Mutation.placeOrder` | ✓ | ✓ | · | ✓ | ✓ | ✓ | ✓ | ✓ | · | ORDERS_WRITE | userError | staff for a dealer in their approval scope, with a channel |',
    );
  });
});
