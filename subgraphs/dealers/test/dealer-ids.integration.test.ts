import { type Claims, openSubgraphOrm, schemaOf } from '@dealergraph/runtime';
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
  schema = (await schemaOf(definition)).schema;
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
    expect((await ok(ENTITIES, staff, { reps }))._entities).toEqual([
      null,
      { id: own.id, code: own.code },
      { id: other.id, code: other.code },
    ]);
    expect((await ok(ENTITIES, dealerUser, { reps }))._entities).toEqual([null, { id: own.id, code: own.code }, null]);
  });
});

describe('statements per request', () => {
  /** The SQL statements one GraphQL request sends. */
  async function statementsOf(
    source: string,
    claims: Claims,
    variables: Record<string, unknown> = {},
  ): Promise<{ count: number; data: Record<string, any> }> {
    const sql: string[] = [];
    const knex = orm.em.getConnection().getKnex();
    const listener = (query: { sql: string }) => sql.push(query.sql);
    knex.on('query', listener);
    try {
      const data = await ok(source, claims, variables);
      return { count: sql.length, data };
    } finally {
      knex.off('query', listener);
    }
  }

  const PAGE = 'query($first: Int) { dealers(first: $first) { totalCount nodes { id code name tier region city email phone } } }';

  it('lists 5 and 50 dealers with the same statements: the page and its count', async () => {
    const five = await statementsOf(PAGE, staff, { first: 5 });
    const fifty = await statementsOf(PAGE, staff, { first: 50 });
    expect(five.data.dealers.nodes).toHaveLength(5);
    expect(fifty.data.dealers.nodes).toHaveLength(50);
    expect(five.count).toBe(2);
    expect(fifty.count).toBe(five.count);
  });

  it('answers me with its dealer in two statements, and a batch of dealer references in one', async () => {
    const users = await orm.em
      .getConnection()
      .execute<{ id: string; email: string; role: string; dealer_id: string }[]>(
        'select id, email, role, dealer_id from dealers.user_account where dealer_id is not null and active order by email limit 1',
      );
    const user = users[0];
    const claims: Claims = { sub: user.id, email: user.email, role: user.role as Claims['role'], dealerId: user.dealer_id };
    const me = await statementsOf('{ me { id email dealer { id name tier } } }', claims);
    expect(me.data.me).toMatchObject({ id: user.id, dealer: { id: user.dealer_id } });
    expect(me.count).toBe(2);

    const all = await orm.em.getConnection().execute<{ id: string }[]>('select id from dealers.dealer order by code limit 50');
    const reps = (n: number) => all.slice(0, n).map((d) => ({ __typename: 'Dealer', id: d.id }));
    const few = await statementsOf(ENTITIES, staff, { reps: reps(5) });
    const many = await statementsOf(ENTITIES, staff, { reps: reps(50) });
    expect(many.data._entities).toHaveLength(50);
    expect(few.count).toBe(1);
    expect(many.count).toBe(few.count);
  });
});
