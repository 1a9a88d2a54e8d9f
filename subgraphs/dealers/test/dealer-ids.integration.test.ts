import { openSubgraphOrm, type Claims } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolingDefinition as definition } from '../src/definition.js';
import { Dealer } from '../src/entities/dealer.entity.js';

// Dealer lookups by id: a malformed id reads as null (it never reaches PostgreSQL), an id in upper
// case finds the dealer. Runs on a copy of the seeded template; the token service is not needed.

let db: TestDatabase;
let orm: Awaited<ReturnType<typeof openSubgraphOrm>>;
let schema: GraphQLSchema;
let dealers: Dealer[];
let staff: Claims;
let dealerUser: Claims;

beforeAll(async () => {
  db = await createTestDatabase({ seeded: true });
  orm = await openSubgraphOrm(definition, { databaseUrl: db.url, poolSize: 2 });
  schema = (await definition.buildSchema()).schema;
  dealers = await orm.em.fork().find(Dealer, {}, { orderBy: { code: 'asc' }, limit: 2 });
  staff = { sub: '00000000-0000-4000-8000-0000000000aa', email: 'admin@staff.test', role: 'ADMIN', dealerId: null };
  dealerUser = { sub: '00000000-0000-4000-8000-0000000000bb', email: 'user@dealer.test', role: 'VIEW_ONLY', dealerId: dealers[0].id };
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

async function ok(source: string, claims: Claims | null, variableValues: Record<string, unknown>) {
  const result = await graphql({ schema, source, variableValues, contextValue: definition.context({ em: orm.em.fork(), claims }) });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

const DEALER = 'query($id: ID!) { dealer(id: $id) { id code } }';
const ENTITIES = 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Dealer { id code } } }';

describe('dealer(id)', () => {
  it('has two seeded dealers to look up', () => {
    expect(dealers).toHaveLength(2);
  });

  it('reads a malformed id as null for staff and dealer users, without an error', async () => {
    for (const id of ['x', 'not-a-uuid', `${dealers[0].id}0`, '']) {
      expect((await ok(DEALER, staff, { id })).dealer, id).toBeNull();
      expect((await ok(DEALER, dealerUser, { id })).dealer, id).toBeNull();
    }
  });

  it('finds a dealer by its id in upper case or with surrounding spaces', async () => {
    const [own, other] = dealers;
    expect((await ok(DEALER, staff, { id: other.id.toUpperCase() })).dealer).toEqual({ id: other.id, code: other.code });
    expect((await ok(DEALER, dealerUser, { id: ` ${own.id.toUpperCase()} ` })).dealer).toEqual({ id: own.id, code: own.code });
    expect((await ok(DEALER, dealerUser, { id: other.id.toUpperCase() })).dealer).toBeNull();
  });
});

describe('Dealer references', () => {
  it('resolve a malformed id as null and the others as usual', async () => {
    const [own, other] = dealers;
    const reps = [
      { __typename: 'Dealer', id: 'x' },
      { __typename: 'Dealer', id: own.id },
      { __typename: 'Dealer', id: other.id },
    ];
    expect((await ok(ENTITIES, staff, { reps }))._entities).toEqual([null, { id: own.id, code: own.code }, { id: other.id, code: other.code }]);
    expect((await ok(ENTITIES, dealerUser, { reps }))._entities).toEqual([null, { id: own.id, code: own.code }, null]);
  });
});
