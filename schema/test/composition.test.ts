import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, type GraphQLObjectType, Kind, type ObjectTypeDefinitionNode, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';

import { compose, type Composition, SCHEMA_DIR } from '../src/compose.js';

const committed = (file: string) => readFileSync(join(SCHEMA_DIR, file), 'utf8');

/** The subgraphs that resolve a field, read from its @join__field directives in the supergraph. */
function ownersOf(typeName: string, fieldName: string): string[] {
  const type = parse(committed('supergraph.graphql')).definitions.find(
    (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === typeName,
  );
  const field = type?.fields?.find((f) => f.name.value === fieldName);
  return (field?.directives ?? [])
    .filter((d) => d.name.value === 'join__field')
    .map((d) => d.arguments?.find((a) => a.name.value === 'graph')?.value)
    .map((v) => (v?.kind === Kind.ENUM ? v.value : '?'));
}

describe('composition', () => {
  let composition: Composition;
  beforeAll(async () => {
    composition = await compose();
  });

  it('composes without errors or unaccepted hints, and the committed files are current', () => {
    for (const { name, sdl } of composition.subgraphs) {
      expect(committed(`${name}.graphql`), `schema/${name}.graphql is stale: run npm run schema:compose`).toBe(`${sdl.trimEnd()}\n`);
    }
    expect(committed('supergraph.graphql'), 'schema/supergraph.graphql is stale: run npm run schema:compose').toBe(
      `${composition.supergraph.trimEnd()}\n`,
    );
  });

  it('exposes the public API fields from the subgraphs that own them', () => {
    const api = buildSchema(committed('supergraph.graphql'), { assumeValidSDL: true });
    const fields = (type: string) => Object.keys((api.getType(type) as GraphQLObjectType).getFields());
    expect(fields('Query')).toEqual(expect.arrayContaining(['me', 'products', 'product', 'orders', 'order']));
    expect(fields('Mutation')).toEqual(expect.arrayContaining(['login']));
    expect(fields('Dealer')).toEqual(expect.arrayContaining(['id', 'name', 'tier', 'credit']));
    expect(fields('Product')).toEqual(expect.arrayContaining(['id', 'sku', 'name', 'brand', 'stock', 'price']));
    expect(fields('CreditAccount')).toEqual(
      expect.arrayContaining(['limit', 'openBalance', 'pendingOrders', 'available', 'overdue', 'status', 'exceedancePolicy']),
    );
    expect(fields('Order')).toEqual(expect.arrayContaining(['id', 'number', 'status', 'total', 'dealer', 'statusHistory', 'lines']));
    expect(ownersOf('Product', 'price')).toEqual(['PRICES']);
    expect(ownersOf('Product', 'stock')).toEqual(['PRODUCTS']);
    expect(ownersOf('Dealer', 'credit')).toEqual(['CREDIT']);
    expect(ownersOf('Dealer', 'tier')).toEqual(['DEALERS']);
  });
});
