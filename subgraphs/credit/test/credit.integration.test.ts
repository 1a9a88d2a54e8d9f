import { type DemoData, type DemoDealer, type DemoInvoice, generateDemoData } from '@dealergraph/demo-data';
import { type Claims, migrate, openSubgraphOrm, schemaOf } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { creditSubgraph } from '../src/definition.js';

const anchor = new Date('2026-11-01T00:00:00Z');
const DAY = 86_400_000;
const definition = creditSubgraph({ now: () => anchor });

let db: TestDatabase;
let orm: Awaited<ReturnType<typeof openSubgraphOrm>>;
let schema: GraphQLSchema;
let data: DemoData;
let platinum: DemoDealer;
let bronze: DemoDealer;
let statements = 0;

// --- independent reference figures, straight from the demo rows -------------------------------

const amount = (minor: number) => (minor / 100).toFixed(2);
/** Calendar days (UTC) from the due date to the anchor (the anchor is midnight UTC). */
const daysLate = (dueAt: Date) =>
  Math.round((anchor.getTime() - Date.UTC(dueAt.getUTCFullYear(), dueAt.getUTCMonth(), dueAt.getUTCDate())) / DAY);
const invoicesOf = (dealerId: string) => data.invoices.filter((i) => i.dealerId === dealerId);
const left = (i: DemoInvoice) => i.amount - i.paidAmount;

function expected(dealerId: string) {
  const account = data.creditAccounts.find((a) => a.dealerId === dealerId)!;
  const unpaid = invoicesOf(dealerId).filter((i) => left(i) > 0);
  const openBalance = unpaid.reduce((s, i) => s + left(i), 0);
  const late = unpaid.filter((i) => i.dueAt.getTime() < anchor.getTime());
  const overdue = late.reduce((s, i) => s + left(i), 0);
  const oldestOverdueDays = late.length ? Math.max(...late.map((i) => daysLate(i.dueAt))) : 0;
  const pendingOrders = data.creditHolds.filter((h) => h.dealerId === dealerId).reduce((s, h) => s + h.amount, 0);
  const status = oldestOverdueDays >= 45 ? 'BLOCKED' : oldestOverdueDays >= 30 ? 'RESTRICTED' : oldestOverdueDays >= 15 ? 'WARNING' : 'OK';
  return {
    account,
    openBalance,
    overdue,
    oldestOverdueDays,
    pendingOrders,
    available: account.limit - openBalance - pendingOrders,
    status,
  };
}

function claimsOf(email: string): Claims {
  const user = data.users.find((u) => u.email === email)!;
  return { sub: user.id, email: user.email, role: user.role, dealerId: user.dealerId };
}
const staff = () => claimsOf('finance@demo.staff');

async function run(source: string, claims: Claims | null, variables: Record<string, unknown> = {}) {
  return graphql({ schema, source, variableValues: variables, contextValue: definition.context({ em: orm.em.fork(), claims }) });
}
async function ok<T = any>(source: string, claims: Claims | null, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await run(source, claims, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const CREDIT_FIELDS = `
  dealerId
  limit { amount currency } openBalance { amount } pendingOrders { amount } available { amount } overdue { amount }
  status exceedancePolicy currency paymentTermsDays oldestOverdueDays
`;

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await openSubgraphOrm(definition, { databaseUrl: db.url, poolSize: 4 });
  await migrate(orm);
  data = generateDemoData({ anchor });
  [platinum, bronze] = data.dealers;
  expect(
    await definition.seed!(
      orm.em.fork(),
      () => data,
      () => {},
    ),
  ).toBe(true);
  schema = (await schemaOf(definition)).schema;
  orm.config.set('onQuery', (sql: string) => {
    statements++;
    return sql;
  });
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe('seeding', () => {
  it('wrote every row once and does not write again', async () => {
    expect(
      await definition.seed!(
        orm.em.fork(),
        () => data,
        () => {},
      ),
    ).toBe(false);
    const [counts] = await orm.em.fork().execute<{ a: string; i: string; p: string; h: string }[]>(
      `select (select count(*) from credit.credit_account) as a, (select count(*) from credit.invoice) as i,
              (select count(*) from credit.payment) as p, (select count(*) from credit.credit_hold where status = 'ACTIVE') as h`,
    );
    expect(counts).toEqual({
      a: String(data.creditAccounts.length),
      i: String(data.invoices.length),
      p: String(data.payments.length),
      h: String(data.creditHolds.length),
    });
  });
});

describe('creditAccount', () => {
  it("gives Demo Platinum Dealer's admin its figures as of the anchor, computed from the demo rows", async () => {
    expect(platinum.name).toBe('Demo Platinum Dealer');
    const e = expected(platinum.id);
    expect(e.openBalance).toBeGreaterThan(0);
    const { creditAccount } = await ok(`{ creditAccount { ${CREDIT_FIELDS} } }`, claimsOf('platinum@demo.dealer'));
    expect(creditAccount).toEqual({
      dealerId: platinum.id,
      limit: { amount: amount(e.account.limit), currency: 'USD' },
      openBalance: { amount: amount(e.openBalance) },
      pendingOrders: { amount: amount(e.pendingOrders) },
      available: { amount: amount(e.available) },
      overdue: { amount: amount(e.overdue) },
      status: e.status,
      exceedancePolicy: 'ROUTE_TO_APPROVAL',
      currency: 'USD',
      paymentTermsDays: e.account.paymentTermsDays,
      oldestOverdueDays: e.oldestOverdueDays,
    });
    expect(creditAccount.limit.amount).toBe('250000.00');
  });

  it('counts the active holds of Demo Bronze Dealer as pending orders', async () => {
    const e = expected(bronze.id);
    expect(e.pendingOrders).toBeGreaterThan(0);
    const { creditAccount } = await ok(`{ creditAccount { ${CREDIT_FIELDS} } }`, claimsOf('bronze@demo.dealer'));
    expect(creditAccount.pendingOrders.amount).toBe(amount(e.pendingOrders));
    expect(creditAccount.available.amount).toBe(amount(2_500_000 - e.openBalance - e.pendingOrders));
    expect(creditAccount.exceedancePolicy).toBe('HARD_BLOCK');
  });

  it('gives each overdue dealer the status of its oldest overdue invoice', async () => {
    const late = data.dealers.map((d) => ({ dealer: d, e: expected(d.id) })).filter((x) => x.e.overdue > 0);
    const statuses = new Set(late.map((x) => x.e.status));
    // The demo data must hold every graduated action, or this test proves less than it claims.
    expect(statuses.has('WARNING') && statuses.has('RESTRICTED') && statuses.has('BLOCKED')).toBe(true);
    for (const { dealer, e } of late) {
      const { creditAccount } = await ok(`query($id: ID) { creditAccount(dealerId: $id) { ${CREDIT_FIELDS} } }`, staff(), {
        id: dealer.id,
      });
      expect({
        id: dealer.id,
        status: creditAccount.status,
        days: creditAccount.oldestOverdueDays,
        overdue: creditAccount.overdue.amount,
      }).toEqual({
        id: dealer.id,
        status: e.status,
        days: e.oldestOverdueDays,
        overdue: amount(e.overdue),
      });
      expect(creditAccount.available.amount).toBe(amount(e.available));
    }
  });

  it("reads as null for another dealer's id, for a dealer user", async () => {
    const result = await ok(`query($id: ID) { creditAccount(dealerId: $id) { dealerId } }`, claimsOf('bronze@demo.dealer'), {
      id: platinum.id,
    });
    expect(result.creditAccount).toBeNull();
    const own = await ok(`query($id: ID) { creditAccount(dealerId: $id) { dealerId } }`, claimsOf('viewer@demo.dealer'), {
      id: platinum.id,
    });
    expect(own.creditAccount).toEqual({ dealerId: platinum.id });
  });

  it('reads a malformed dealerId as null, without an error', async () => {
    const query = `query($id: ID) { creditAccount(dealerId: $id) { dealerId } }`;
    for (const id of ['x', 'not-a-uuid', `${platinum.id}0`]) {
      expect((await ok(query, staff(), { id })).creditAccount, id).toBeNull();
      expect((await ok(query, claimsOf('platinum@demo.dealer'), { id })).creditAccount, id).toBeNull();
    }
  });

  it('finds the account of a dealer named by its id in upper case', async () => {
    const query = `query($id: ID) { creditAccount(dealerId: $id) { dealerId available { amount } } }`;
    const upper = platinum.id.toUpperCase();
    expect((await ok(query, staff(), { id: upper })).creditAccount).toEqual({
      dealerId: platinum.id,
      available: { amount: amount(expected(platinum.id).available) },
    });
    expect((await ok(query, claimsOf('platinum@demo.dealer'), { id: upper })).creditAccount.dealerId).toBe(platinum.id);
  });

  it('needs a dealerId from staff and a signed-in caller', async () => {
    const staffWithout = await run(`{ creditAccount { dealerId } }`, staff());
    expect(staffWithout.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await run(`{ creditAccount { dealerId } }`, null);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('splits the open balance by days past due', async () => {
    const dealer = data.dealers.find((d) => expected(d.id).status === 'BLOCKED')!;
    const buckets = { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
    for (const i of invoicesOf(dealer.id).filter((x) => left(x) > 0)) {
      const d = i.dueAt.getTime() < anchor.getTime() ? daysLate(i.dueAt) : 0;
      const key = d === 0 ? 'current' : d <= 30 ? 'days1to30' : d <= 60 ? 'days31to60' : d <= 90 ? 'days61to90' : 'over90';
      buckets[key] += left(i);
    }
    expect(buckets.days31to60 + buckets.days61to90 + buckets.over90).toBeGreaterThan(0);
    const { creditAccount } = await ok(
      `query($id: ID) { creditAccount(dealerId: $id) { ageing { current { amount } days1to30 { amount } days31to60 { amount } days61to90 { amount } over90 { amount } } } }`,
      staff(),
      { id: dealer.id },
    );
    expect(creditAccount.ageing).toEqual(Object.fromEntries(Object.entries(buckets).map(([k, v]) => [k, { amount: amount(v) }])));
  });
});

describe('invoices and payments', () => {
  const INVOICES = `query($first: Int, $after: String, $status: InvoiceStatus) {
    creditAccount { invoices(first: $first, after: $after, filter: { status: $status }) {
      nodes { id number orderId amount { amount } paidAmount { amount } outstanding { amount } currency issuedAt dueAt status daysOverdue }
      pageInfo { hasNextPage endCursor } totalCount } } }`;

  it('lists the invoices newest first, page after page', async () => {
    const all = invoicesOf(platinum.id).sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime() || (a.id < b.id ? 1 : -1));
    const claims = claimsOf('platinum@demo.dealer');
    const first = (await ok(INVOICES, claims, { first: 5 })).creditAccount.invoices;
    expect(first.totalCount).toBe(all.length);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.nodes.map((n: { number: string }) => n.number)).toEqual(all.slice(0, 5).map((i) => i.number));
    const top = all[0];
    expect(first.nodes[0]).toEqual({
      id: top.id,
      number: top.number,
      orderId: top.orderId,
      amount: { amount: amount(top.amount) },
      paidAmount: { amount: amount(top.paidAmount) },
      outstanding: { amount: amount(left(top)) },
      currency: 'USD',
      issuedAt: top.issuedAt.toISOString(),
      dueAt: top.dueAt.toISOString(),
      status: left(top) === 0 ? 'PAID' : top.dueAt < anchor ? 'OVERDUE' : 'OPEN',
      daysOverdue: left(top) > 0 && top.dueAt < anchor ? daysLate(top.dueAt) : 0,
    });
    const second = (await ok(INVOICES, claims, { first: 5, after: first.pageInfo.endCursor })).creditAccount.invoices;
    expect(second.nodes.map((n: { number: string }) => n.number)).toEqual(all.slice(5, 10).map((i) => i.number));
  });

  it('filters by status as of the anchor', async () => {
    const claims = claimsOf('platinum@demo.dealer');
    const mine = invoicesOf(platinum.id);
    const open = mine.filter((i) => left(i) > 0 && i.dueAt >= anchor).length;
    const paid = mine.filter((i) => left(i) === 0).length;
    expect(open).toBeGreaterThan(0);
    for (const [status, count] of [
      ['OPEN', open],
      ['PAID', paid],
      ['OVERDUE', mine.length - open - paid],
    ] as const) {
      const page = (await ok(INVOICES, claims, { first: 100, status })).creditAccount.invoices;
      expect(page.totalCount).toBe(count);
      expect(page.nodes.every((n: { status: string }) => n.status === status)).toBe(true);
    }
  });

  it('lists the payments newest first', async () => {
    const all = data.payments.filter((p) => p.dealerId === bronze.id).sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
    const { creditAccount } = await ok(
      `{ creditAccount { payments(first: 3) { nodes { id amount { amount } receivedAt reference invoiceId } totalCount pageInfo { hasNextPage } } } }`,
      claimsOf('bronze@demo.dealer'),
    );
    expect(creditAccount.payments.totalCount).toBe(all.length);
    expect(creditAccount.payments.nodes).toEqual(
      all.slice(0, 3).map((p) => ({
        id: p.id,
        amount: { amount: amount(p.amount) },
        receivedAt: p.receivedAt.toISOString(),
        reference: p.reference,
        invoiceId: p.invoiceId,
      })),
    );
  });
});

describe('Dealer.credit through federation', () => {
  const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Dealer { id credit {
    dealerId available { amount } status ageing { over90 { amount } }
    invoices(first: 2) { totalCount nodes { number } } payments(first: 1) { totalCount } } } } }`;

  it('resolves 5 dealers and every dealer for staff in the same number of statements', async () => {
    const reps = data.dealers.map((d) => ({ __typename: 'Dealer', id: d.id }));
    statements = 0;
    const few = await ok(ENTITIES, staff(), { reps: reps.slice(0, 5) });
    const forFive = statements;
    expect(few._entities).toHaveLength(5);
    statements = 0;
    const { _entities } = await ok(ENTITIES, staff(), { reps });
    // accounts, invoice totals, active holds, open invoices (ageing), invoice page, payment page
    expect(forFive).toBe(6);
    expect(statements).toBe(forFive);
    expect(_entities).toHaveLength(data.dealers.length);
    for (const [i, dealer] of data.dealers.entries()) {
      const e = expected(dealer.id);
      expect(_entities[i].credit.dealerId).toBe(dealer.id);
      expect(_entities[i].credit.available.amount).toBe(amount(e.available));
      expect(_entities[i].credit.status).toBe(e.status);
      expect(_entities[i].credit.invoices.totalCount).toBe(invoicesOf(dealer.id).length);
    }
  });

  it('resolves a Dealer reference with a malformed id as null, without an error', async () => {
    const reps = [
      { __typename: 'Dealer', id: 'x' },
      { __typename: 'Dealer', id: bronze.id },
    ];
    const { _entities } = await ok(ENTITIES, staff(), { reps });
    expect(_entities[0]).toBeNull();
    expect(_entities[1].credit.dealerId).toBe(bronze.id);
  });

  it("refuses another dealer's reference and credit to a dealer user", async () => {
    const reps = [platinum, bronze].map((d) => ({ __typename: 'Dealer', id: d.id }));
    const { _entities } = await ok(ENTITIES, claimsOf('orders@demo.dealer'), { reps });
    expect(_entities[0].credit.dealerId).toBe(platinum.id);
    expect(_entities[1]).toBeNull();
  });
});
