import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Kind, type ObjectTypeDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { CLIENT_FIELD_GRANTS, CLIENT_TYPE_GRANTS, decideClientField } from '../src/index.js';

/** Every object type of the composed supergraph but the roots, with its fields. */
function objectTypes(): Map<string, string[]> {
  const document = parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'schema', 'supergraph.graphql'), 'utf8'));
  const types = new Map<string, string[]>();
  for (const d of document.definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const name = (d as ObjectTypeDefinitionNode).name.value;
    if (['Query', 'Mutation', 'Subscription'].includes(name) || name.startsWith('join__') || name.startsWith('link__')) continue;
    types.set(name, [...(types.get(name) ?? []), ...((d as ObjectTypeDefinitionNode).fields ?? []).map((f) => f.name.value)]);
  }
  return types;
}

describe('the client field grants cover the schema', () => {
  it('name every object type of the supergraph (a new type is closed to clients until it is granted here)', () => {
    const types = objectTypes();
    expect(types.size).toBeGreaterThan(80);
    expect([...types.keys()].filter((t) => !CLIENT_TYPE_GRANTS[t])).toEqual([]);
  });

  it('name only types and fields the supergraph has', () => {
    const types = objectTypes();
    expect(Object.keys(CLIENT_TYPE_GRANTS).filter((t) => !types.has(t))).toEqual([]);
    expect(
      Object.keys(CLIENT_FIELD_GRANTS).filter((c) => {
        const [type, field] = c.split('.');
        return !types.get(type)?.includes(field);
      }),
    ).toEqual([]);
  });

  it('deny nested fields no scope grants: credit through an order, prices through a cart', () => {
    expect(decideClientField(['ORDERS_WRITE'], 'Order.total').allowed).toBe(true);
    expect(decideClientField(['ORDERS_WRITE'], 'Dealer.name').allowed).toBe(true);
    expect(decideClientField(['ORDERS_WRITE'], 'Dealer.credit')).toMatchObject({ allowed: false, missingScope: 'ERP_IMPORT' });
    expect(decideClientField(['ORDERS_WRITE'], 'CreditAccount.invoices').allowed).toBe(false);
    expect(decideClientField(['ORDERS_WRITE'], 'CartLine.unitPrice')).toMatchObject({ allowed: false, missingScope: 'PRICES_READ' });
    expect(decideClientField(['ORDERS_WRITE', 'PRICES_READ'], 'Cart.total').allowed).toBe(true);
    expect(decideClientField(['ERP_IMPORT'], 'Invoice.pdfUrl').allowed).toBe(false);
    expect(decideClientField(['CATALOG_READ', 'PRICES_READ', 'ORDERS_WRITE', 'ERP_IMPORT'], 'User.email').allowed).toBe(false);
  });
});
