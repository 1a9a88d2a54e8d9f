import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { COST_MODEL, operationCost } from '../src/security/operation-cost.js';

const schema = buildSchema(`
  type Query { me: User products(first: Int, after: String): ProductConnection! categories: [Category!]! }
  type Mutation { addToCart(sku: String!): Cart }
  type Cart { total: Money }
  type User { email: String! dealer: Dealer }
  type Dealer { name: String! credit: Credit }
  type Credit { limit: Money }
  type Money { amount: String! }
  type Category { id: ID! children: [Category!]! }
  type ProductConnection { nodes: [Product!]! totalCount: Int! pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! }
  type Product { sku: String! price: Price stock: Stock }
  type Price { unitPrice: Money }
  type Stock { available: Int! }
`);
const cost = (query: string, variables?: Record<string, unknown>) => operationCost({ schema, document: parse(query), variables });

describe('operationCost', () => {
  it('charges object fields once each, scalars nothing, and computed fields their extra', () => {
    expect(cost('{ me { email } }')).toBe(1);
    // me 1 + dealer 1 + credit (1 + 2) + limit 1
    expect(cost('{ me { dealer { name credit { limit { amount } } } } }')).toBe(COST_MODEL.fieldCosts['Dealer.credit'] === 2 ? 6 : NaN);
  });

  it('multiplies what a page holds by its size, from a literal, a variable or the default', () => {
    // connection 1 + 10 × (node 1 + stock 1)
    expect(cost('{ products(first: 10) { totalCount nodes { sku stock { available } } } }')).toBe(1 + 10 * 2);
    expect(cost('query($n: Int) { products(first: $n) { nodes { sku } } }', { n: 50 })).toBe(1 + 50);
    expect(cost('{ products { nodes { sku } } }')).toBe(1 + COST_MODEL.defaultPageSize);
    // A page larger than the API serves is priced at the largest it serves (the API refuses it).
    expect(cost('{ products(first: 100000) { nodes { sku } } }')).toBe(1 + COST_MODEL.maxPageSize);
  });

  it('prices 14 aliased priced pages of 100 far above one page', () => {
    const page = 'products(first: 100) { nodes { sku stock { available } price { unitPrice { amount } } } }';
    const one = cost(`{ ${page} }`);
    const fourteen = cost(`{ ${Array.from({ length: 14 }, (_, i) => `p${i}: ${page}`).join(' ')} }`);
    expect(one).toBe(1 + 100 * (1 + 1 + (1 + 2) + 1));
    expect(fourteen).toBe(14 * one);
  });

  it('multiplies nested lists without pages by their assumed lengths', () => {
    expect(cost('{ categories { id children { id } } }')).toBe(50 + 50 * 10);
  });

  it('follows fragments and adds the flat mutation cost', () => {
    expect(cost('{ ...Q } fragment Q on Query { me { ...U } } fragment U on User { dealer { name } }')).toBe(2);
    expect(cost('mutation { addToCart(sku: "a") { total { amount } } }')).toBe(COST_MODEL.mutationCost + 2);
  });
});
