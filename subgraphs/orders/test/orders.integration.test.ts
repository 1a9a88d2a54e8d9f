import { type DemoData, type DemoOrder, type DemoUser, generateDemoData } from '@dealergraph/demo-data';
import { type Claims, migrate, openSubgraphOrm, schemaOf } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { OrdersContext } from '../src/context.js';
import { ordersSubgraph } from '../src/index.js';
import { Order } from '../src/orders/order.entity.js';
import * as orders from '../src/orders/order.service.js';
import { OrderLine } from '../src/orders/order-line.entity.js';
import { OrderStatusChange } from '../src/orders/order-status-change.entity.js';

const definition = ordersSubgraph();
const ANCHOR = new Date('2026-11-01T00:00:00Z');

let db: TestDatabase;
let orm: MikroORM;
let data: DemoData;
let seeded: boolean;
let seedMs: number;
const progressLines: string[] = [];
const seedStatements: string[] = [];

// ---- expectations computed from the demo rows alone, never from this subgraph's code ----

/** Newest first; equal instants by id descending (uuids compare like their lower-case text). */
const newestFirst = (a: DemoOrder, b: DemoOrder) => b.placedAt.getTime() - a.placedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const cents = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
const user = (email: string): DemoUser => {
  const found = data.users.find((u) => u.email === email);
  if (!found) throw new Error(`demo user ${email} is missing`);
  return found;
};
const claimsOf = (u: DemoUser): Claims => ({ sub: u.id, email: u.email, role: u.role, dealerId: u.dealerId });
const ordersOf = (dealerId: string) => data.orders.filter((o) => o.dealerId === dealerId).sort(newestFirst);

let platinum: Claims;
let platinumViewer: Claims;
let bronze: Claims;
let staff: Claims;
let platinumOrders: DemoOrder[];
let bronzeOrders: DemoOrder[];

function context(claims: Claims | null): OrdersContext {
  return definition.context({ em: orm.em.fork(), claims });
}

async function run<T = any>(claims: Claims | null, source: string, variableValues?: Record<string, unknown>): Promise<T> {
  const { schema } = await schemaOf(definition);
  const result = await graphql({ schema, source, variableValues, contextValue: context(claims) });
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const LIST = /* GraphQL */ `
  query List($first: Int, $after: String, $filter: OrderFilter) {
    orders(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        number
        status
        poNumber
        placedAt
        total {
          amount
          currency
        }
        dealer {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`;

interface ListResult {
  orders: {
    nodes: {
      id: string;
      number: string;
      status: string;
      poNumber: string | null;
      placedAt: string;
      total: { amount: string; currency: string };
      dealer: { id: string };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

const list = (claims: Claims, variables: Record<string, unknown>) =>
  run<ListResult>(claims, LIST, { first: 100, ...variables }).then((d) => d.orders);

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await openSubgraphOrm(definition, { databaseUrl: db.url, poolSize: 4 });
  await migrate(orm);
  data = generateDemoData({ anchor: ANCHOR });
  const knex = orm.em.getKnex();
  const listener = (query: { sql: string }) => seedStatements.push(query.sql);
  knex.on('query', listener);
  const started = Date.now();
  seeded = await definition.seed!(
    orm.em.fork(),
    () => data,
    (line) => progressLines.push(line),
  );
  seedMs = Date.now() - started;
  knex.removeListener('query', listener);

  platinum = claimsOf(user('platinum@demo.dealer'));
  platinumViewer = claimsOf(user('viewer@demo.dealer'));
  bronze = claimsOf(user('bronze@demo.dealer'));
  staff = claimsOf(user('manager@demo.staff'));
  platinumOrders = ordersOf(platinum.dealerId!);
  bronzeOrders = ordersOf(bronze.dealerId!);
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe('seed', () => {
  it('writes every demo order, line and status change once, with multi-row inserts', async () => {
    expect(seeded).toBe(true);
    const em = orm.em.fork();
    expect(await em.count(Order, {})).toBe(data.orders.length);
    expect(await em.count(OrderLine, {})).toBe(data.orders.reduce((n, o) => n + o.lines.length, 0));
    expect(await em.count(OrderStatusChange, {})).toBe(data.orders.reduce((n, o) => n + o.history.length, 0));
    expect(progressLines).toEqual([
      `orders: writing ${data.orders.length} orders, ${data.orders.reduce((n, o) => n + o.lines.length, 0)} lines, ${data.orders.reduce((n, o) => n + o.history.length, 0)} status changes…`,
    ]);
    console.log(`[orders seed] ${progressLines[0]} (measured by the test: ${seedMs} ms)`);
    // Bulk, not row by row: at most 1,000 rows a statement (~90 inserts for ~90k rows).
    const rows = data.orders.length + data.orders.reduce((n, o) => n + o.lines.length + o.history.length, 0);
    const inserts = seedStatements.filter((sql) => /^\s*insert/i.test(sql));
    expect(inserts.length).toBeGreaterThanOrEqual(3);
    expect(inserts.length).toBeLessThanOrEqual(Math.ceil(rows / 1000) + 3);
    // Generous: the machines running the suite are shared; a few seconds on an idle one.
    expect(seedMs).toBeLessThan(60_000);
  });

  it('writes nothing the second time', async () => {
    expect(
      await definition.seed!(
        orm.em.fork(),
        () => data,
        () => {},
      ),
    ).toBe(false);
    expect(await orm.em.fork().count(Order, {})).toBe(data.orders.length);
  });
});

describe('orders of a dealer user', () => {
  it('Demo Platinum Dealer is the first dealer and has a year of orders', () => {
    expect(data.dealers[0].name).toBe('Demo Platinum Dealer');
    expect(platinum.dealerId).toBe(data.dealers[0].id);
    expect(platinumOrders.length).toBeGreaterThan(20);
  });

  it('sees exactly its own orders, newest first', async () => {
    const page = await list(platinum, {});
    expect(page.totalCount).toBe(platinumOrders.length);
    expect(page.nodes.map((n) => n.id)).toEqual(platinumOrders.slice(0, 100).map((o) => o.id));
    expect(page.nodes.every((n) => n.dealer.id === platinum.dealerId)).toBe(true);
    const first = platinumOrders[0];
    expect(page.nodes[0]).toEqual({
      id: first.id,
      number: first.number,
      status: first.status,
      poNumber: first.poNumber,
      placedAt: first.placedAt.toISOString(),
      total: { amount: cents(first.total), currency: 'USD' },
      dealer: { id: platinum.dealerId },
    });
  });

  it('pages with first/after without gaps or repeats', async () => {
    const one = await list(platinum, { first: 10 });
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = await list(platinum, { first: 10, after: one.pageInfo.endCursor });
    expect([...one.nodes, ...two.nodes].map((n) => n.id)).toEqual(platinumOrders.slice(0, 20).map((o) => o.id));
    expect(two.totalCount).toBe(platinumOrders.length);
  });

  it("ignores a filter naming another dealer: still its own dealer's orders only", async () => {
    const page = await list(platinumViewer, { filter: { dealerId: bronze.dealerId } });
    expect(page.totalCount).toBe(platinumOrders.length);
    expect(page.nodes.map((n) => n.id)).toEqual(platinumOrders.map((o) => o.id));
  });

  it('filters by status', async () => {
    const statuses = ['CANCELLED', 'REJECTED', 'SHIPPED'];
    const expected = platinumOrders.filter((o) => statuses.includes(o.status));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(platinumOrders.length);
    const page = await list(platinum, { filter: { status: statuses } });
    expect(page.totalCount).toBe(expected.length);
    expect(page.nodes.map((n) => n.id)).toEqual(expected.map((o) => o.id));
  });

  it('filters by a placed-at range, from inclusive, to exclusive', async () => {
    const from = new Date('2026-06-01T00:00:00Z');
    const to = new Date('2026-09-01T00:00:00Z');
    const expected = platinumOrders.filter((o) => o.placedAt >= from && o.placedAt < to);
    expect(expected.length).toBeGreaterThan(0);
    const page = await list(platinum, { filter: { placedFrom: from.toISOString(), placedTo: to.toISOString() } });
    expect(page.totalCount).toBe(expected.length);
    expect(page.nodes.map((n) => n.id)).toEqual(expected.map((o) => o.id));

    // The bounds themselves: an order placed exactly at placedFrom is in, exactly at placedTo is out.
    const pivot = platinumOrders[5];
    const at = await list(platinum, {
      filter: { placedFrom: pivot.placedAt.toISOString(), placedTo: new Date(pivot.placedAt.getTime() + 1).toISOString() },
    });
    expect(at.nodes.map((n) => n.id)).toEqual([pivot.id]);
    const before = await list(platinum, { filter: { placedTo: pivot.placedAt.toISOString() } });
    expect(before.totalCount).toBe(platinumOrders.filter((o) => o.placedAt < pivot.placedAt).length);
  });

  it('searches order numbers and PO numbers, ignoring case', async () => {
    const search = (term: string) => {
      const t = term.toLowerCase();
      return platinumOrders.filter((o) => o.number.toLowerCase().includes(t) || (o.poNumber ?? '').toLowerCase().includes(t));
    };
    const withPo = platinumOrders.find((o) => o.poNumber)!;
    const byNumber = platinumOrders[3].number.toLowerCase(); // "so-2026-..." in lower case
    for (const term of [byNumber, withPo.poNumber!.toLowerCase(), 'po-', 'SO-2026', '%', '  ']) {
      const expected = term.trim() ? search(term.trim()) : platinumOrders;
      const page = await list(platinum, { filter: { search: term } });
      expect({ term, ids: page.nodes.map((n) => n.id) }).toEqual({ term, ids: expected.map((o) => o.id) });
    }
    expect(search(byNumber).map((o) => o.id)).toContain(platinumOrders[3].id);
  });

  it('combines filters with AND', async () => {
    const from = new Date('2026-03-01T00:00:00Z');
    const expected = platinumOrders.filter(
      (o) => o.status === 'DELIVERED' && o.placedAt >= from && (o.poNumber ?? '').toLowerCase().includes('po-'),
    );
    expect(expected.length).toBeGreaterThan(0);
    const page = await list(platinum, { filter: { status: ['DELIVERED'], placedFrom: from.toISOString(), search: 'PO-' } });
    expect(page.nodes.map((n) => n.id)).toEqual(expected.map((o) => o.id));
  });

  it('is the same through the service called directly', async () => {
    const [rows, total] = await orders.listOrders(context(platinum), { status: ['DELIVERED'] }, { offset: 0, limit: 5 });
    const expected = platinumOrders.filter((o) => o.status === 'DELIVERED');
    expect(total).toBe(expected.length);
    expect(rows.map((o) => [o.id, o.number, o.total, o.placedAt.toISOString()])).toEqual(
      expected.slice(0, 5).map((o) => [o.id, o.number, o.total, o.placedAt.toISOString()]),
    );
  });
});

describe('one order by id', () => {
  const ORDER = /* GraphQL */ `
    query One($id: ID!) {
      order(id: $id) {
        id
        number
        status
        currency
        poNumber
        placedAt
        updatedAt
        dealer {
          id
        }
        total {
          amount
          currency
        }
        lineCount
        lines {
          id
          sku
          name
          quantity
          unitPrice {
            amount
            currency
          }
          lineTotal {
            amount
            currency
          }
          product {
            id
          }
        }
        statusHistory {
          status
          at
          comment
        }
      }
    }
  `;

  it("reads another dealer's order as null for a dealer user, and shows it to staff", async () => {
    const foreign = bronzeOrders[0];
    expect((await run(platinum, ORDER, { id: foreign.id })).order).toBeNull();
    expect(await orders.findOrder(context(platinum), foreign.id)).toBeNull();
    const seen = (await run(staff, ORDER, { id: foreign.id })).order;
    expect(seen).toMatchObject({ id: foreign.id, number: foreign.number, dealer: { id: bronze.dealerId } });
    expect((await run(bronze, ORDER, { id: foreign.id })).order.id).toBe(foreign.id);
  });

  it('reads an unknown or malformed id as null, without an error', async () => {
    expect((await run(staff, ORDER, { id: '00000000-0000-4000-8000-000000000000' })).order).toBeNull();
    expect((await run(staff, ORDER, { id: 'not-a-uuid' })).order).toBeNull();
    expect((await run(platinum, ORDER, { id: 'x' })).order).toBeNull();
    expect((await run(staff, ORDER, { id: `${platinumOrders[0].id}x` })).order).toBeNull();
  });

  it('finds an order by its id in upper case or with surrounding spaces', async () => {
    const mine = platinumOrders[0];
    const upper = (await run(platinum, ORDER, { id: mine.id.toUpperCase() })).order;
    expect(upper).toMatchObject({ id: mine.id, number: mine.number, lineCount: mine.lines.length });
    expect((await run(platinum, ORDER, { id: ` ${mine.id} ` })).order).toMatchObject({ id: mine.id, number: mine.number });
  });

  it('refuses anonymous callers', async () => {
    const { schema } = await schemaOf(definition);
    const result = await graphql({ schema, source: ORDER, variableValues: { id: platinumOrders[0].id }, contextValue: context(null) });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('returns lines and status history equal to the demo rows', async () => {
    // The order with the longest history, ties broken by more lines: the richest one to compare.
    const demo = [...platinumOrders].sort((a, b) => b.history.length - a.history.length || b.lines.length - a.lines.length)[0];
    expect(demo.history.length).toBeGreaterThanOrEqual(4);
    expect(demo.lines.length).toBeGreaterThan(1);
    const order = (await run(platinum, ORDER, { id: demo.id })).order;
    expect(order).toEqual({
      id: demo.id,
      number: demo.number,
      status: demo.status,
      currency: demo.currency,
      poNumber: demo.poNumber,
      placedAt: demo.placedAt.toISOString(),
      updatedAt: demo.updatedAt.toISOString(),
      dealer: { id: platinum.dealerId },
      total: { amount: cents(demo.total), currency: demo.currency },
      lineCount: demo.lines.length,
      lines: demo.lines.map((l) => ({
        id: l.id,
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        unitPrice: { amount: cents(l.unitPrice), currency: demo.currency },
        lineTotal: { amount: cents(l.lineTotal), currency: demo.currency },
        product: { id: l.productId },
      })),
      statusHistory: demo.history.map((h) => ({ status: h.status, at: h.at.toISOString(), comment: h.comment })),
    });
    expect(order.statusHistory[order.statusHistory.length - 1].status).toBe(demo.status);
  });
});

describe('staff', () => {
  it("see every dealer's orders and can narrow them to one dealer", async () => {
    const all = await list(staff, { first: 3 });
    expect(all.totalCount).toBe(data.orders.length);
    expect(all.nodes.map((n) => n.id)).toEqual(
      [...data.orders]
        .sort(newestFirst)
        .slice(0, 3)
        .map((o) => o.id),
    );

    const page = await list(staff, { filter: { dealerId: bronze.dealerId } });
    expect(page.totalCount).toBe(bronzeOrders.length);
    expect(page.nodes.map((n) => n.id)).toEqual(bronzeOrders.map((o) => o.id));

    const statuses = ['PENDING_APPROVAL'];
    const waiting = await list(staff, { filter: { status: statuses } });
    expect(waiting.totalCount).toBe(data.orders.filter((o) => o.status === 'PENDING_APPROVAL').length);
  });

  it('get an empty page for a dealer id that is not a uuid', async () => {
    const page = await list(staff, { filter: { dealerId: 'nope' } });
    expect(page).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
  });

  it('narrow to a dealer named by its id in upper case', async () => {
    const page = await list(staff, { filter: { dealerId: bronze.dealerId!.toUpperCase() } });
    expect(page.totalCount).toBe(bronzeOrders.length);
    expect(page.nodes.map((n) => n.id)).toEqual(bronzeOrders.map((o) => o.id));
  });
});

describe('federation references', () => {
  const ENTITIES = /* GraphQL */ `
    query Refs($reps: [_Any!]!) {
      _entities(representations: $reps) {
        ... on Order {
          id
          number
          lineCount
        }
        ... on Dealer {
          id
        }
        ... on Product {
          id
        }
      }
    }
  `;

  it('resolve an Order only for callers who may see its dealer', async () => {
    const mine = platinumOrders[0];
    const foreign = bronzeOrders[0];
    const reps = [
      { __typename: 'Order', id: mine.id },
      { __typename: 'Order', id: foreign.id },
      { __typename: 'Dealer', id: bronze.dealerId },
      { __typename: 'Product', id: mine.lines[0].productId },
    ];
    const forPlatinum = (await run(platinum, ENTITIES, { reps }))._entities;
    expect(forPlatinum).toEqual([
      { id: mine.id, number: mine.number, lineCount: mine.lines.length },
      null,
      null,
      { id: mine.lines[0].productId },
    ]);
    const forStaff = (await run(staff, ENTITIES, { reps }))._entities;
    expect(forStaff).toEqual([
      { id: mine.id, number: mine.number, lineCount: mine.lines.length },
      { id: foreign.id, number: foreign.number, lineCount: foreign.lines.length },
      { id: bronze.dealerId },
      { id: mine.lines[0].productId },
    ]);
  });

  it('resolve an Order reference with a malformed id as null, without an error', async () => {
    const mine = platinumOrders[0];
    const reps = [
      { __typename: 'Order', id: 'not-a-uuid' },
      { __typename: 'Order', id: mine.id.toUpperCase() },
    ];
    expect((await run(staff, ENTITIES, { reps }))._entities).toEqual([
      null,
      { id: mine.id, number: mine.number, lineCount: mine.lines.length },
    ]);
  });
});

describe('batching', () => {
  const PAGE = /* GraphQL */ `
    query Page($first: Int) {
      orders(first: $first) {
        totalCount
        nodes {
          id
          number
          status
          total {
            amount
          }
          dealer {
            id
          }
          lineCount
          lines {
            sku
            quantity
            lineTotal {
              amount
            }
            product {
              id
            }
          }
          statusHistory {
            status
            at
            comment
          }
        }
      }
    }
  `;

  async function statementsFor(first: number): Promise<{ statements: string[]; nodes: number; lines: number }> {
    const statements: string[] = [];
    const knex = orm.em.getKnex();
    const listener = (query: { sql: string }) => statements.push(query.sql);
    knex.on('query', listener);
    try {
      const result = await run(staff, PAGE, { first });
      const nodes = result.orders.nodes as { lineCount: number; lines: unknown[] }[];
      for (const node of nodes) expect(node.lines).toHaveLength(node.lineCount);
      return { statements, nodes: nodes.length, lines: nodes.reduce((n, o) => n + o.lines.length, 0) };
    } finally {
      knex.removeListener('query', listener);
    }
  }

  it('costs the same number of SQL statements for 5 orders as for 50 (and for 100)', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    const full = await statementsFor(100);
    expect(small.nodes).toBe(5);
    expect(large.nodes).toBe(50);
    expect(full.nodes).toBe(100);
    expect(large.lines).toBeGreaterThan(small.lines);
    // page + count, then one statement each for lines, history and line counts
    expect(small.statements).toHaveLength(5);
    expect(large.statements).toHaveLength(small.statements.length);
    expect(full.statements).toHaveLength(small.statements.length);
  });
});

describe('updatedAt', () => {
  // Last in the file: it changes one of Demo Bronze Dealer's orders (and puts the PO number back).
  it('moves forward when an order is changed', async () => {
    const demo = bronzeOrders[0];
    const em = orm.em.fork();
    const order = await em.findOneOrFail(Order, { id: demo.id });
    expect(order.updatedAt.toISOString()).toBe(demo.updatedAt.toISOString());
    const before = Date.now();
    order.poNumber = 'PO-UPDATED-AT-TEST';
    await em.flush();
    const changed = await orm.em.fork().findOneOrFail(Order, { id: demo.id });
    expect(changed.poNumber).toBe('PO-UPDATED-AT-TEST');
    expect(changed.updatedAt.getTime()).toBeGreaterThanOrEqual(before);
    await orm.em.fork().nativeUpdate(Order, { id: demo.id }, { poNumber: demo.poNumber });
  });
});
