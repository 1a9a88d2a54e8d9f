import { randomUUID } from 'node:crypto';

import { type Claims, formatAmount, migrate, openSubgraphOrm, parseAmount, schemaOf } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import fc from 'fast-check';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { creditSubgraph } from '../src/definition.js';
import { placeHold, releaseHold } from '../src/index.js';

/**
 * Property: whatever sequence of ledger movements happens (invoices, invoices that bill a held order,
 * payments to one invoice or on account, adjustments either way, limit changes, holds placed and
 * released, retries of earlier rows), the account reads
 *   available = limit - (openBalance + pendingOrders)
 * and openBalance / pendingOrders equal an independent model kept by the test
 * (balance = invoices + adjustments - payments; pending = active holds).
 */

const definition = creditSubgraph();
const finance: Claims = { sub: randomUUID(), email: 'finance@demo.staff', role: 'FINANCE', dealerId: null };

let db: TestDatabase;
let orm: Awaited<ReturnType<typeof openSubgraphOrm>>;
let schema: GraphQLSchema;
let dealerId: string;

const ctx = () => definition.context({ em: orm.em.fork(), claims: finance });
async function run(source: string, variables: Record<string, unknown> = {}): Promise<any> {
  const result = await graphql({ schema, source, variableValues: variables, contextValue: ctx() });
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function readAccount() {
  const { creditAccount: a } = await run(
    'query($d: ID) { creditAccount(dealerId: $d) { limit { amount } openBalance { amount } pendingOrders { amount } available { amount } invoices(first: 100, filter: { status: OPEN }) { nodes { number outstanding { amount } } } } }',
    { d: dealerId },
  );
  return {
    limit: parseAmount(a.limit.amount),
    open: parseAmount(a.openBalance.amount),
    pending: parseAmount(a.pendingOrders.amount),
    available: parseAmount(a.available.amount),
    openInvoices: a.invoices.nodes.map((n: any) => ({ number: n.number as string, outstanding: parseAmount(n.outstanding.amount) })),
  };
}

type Command =
  | { kind: 'invoice'; amount: number; billHold: boolean }
  | { kind: 'payment'; amount: number; toInvoice: boolean }
  | { kind: 'adjustment'; amount: number }
  | { kind: 'limit'; amount: number }
  | { kind: 'hold'; amount: number }
  | { kind: 'release' }
  | { kind: 'retry' };

const amount = fc.integer({ min: 1, max: 500_000 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('invoice' as const), amount, billHold: fc.boolean() }),
  fc.record({ kind: fc.constant('payment' as const), amount, toInvoice: fc.boolean() }),
  fc.record({ kind: fc.constant('adjustment' as const), amount: fc.integer({ min: -200_000, max: 200_000 }).filter((n) => n !== 0) }),
  fc.record({ kind: fc.constant('limit' as const), amount: fc.integer({ min: 0, max: 50_000_000 }) }),
  fc.record({ kind: fc.constant('hold' as const), amount }),
  fc.constant({ kind: 'release' as const }),
  fc.constant({ kind: 'retry' as const }),
);

beforeAll(async () => {
  db = await createTestDatabase({ seeded: true });
  orm = await openSubgraphOrm(definition, { databaseUrl: db.url, poolSize: 4 });
  await migrate(orm);
  schema = (await schemaOf(definition)).schema;
  // A dealer with nothing overdue, so holds are decided by the limit alone.
  let after: string | null = null;
  for (;;) {
    const { creditRiskView } = await run(
      'query($a: String) { creditRiskView(first: 100, after: $a, sortBy: OVERDUE) { nodes { dealerId overdue { amount } } pageInfo { hasNextPage endCursor } } }',
      { a: after },
    );
    dealerId = creditRiskView.nodes.at(-1).dealerId;
    if (!creditRiskView.pageInfo.hasNextPage) break;
    after = creditRiskView.pageInfo.endCursor;
  }
}, 120_000);

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe('the ledger invariant', () => {
  it('available = limit - (open + pending) after every kind of movement, and both match the model', async () => {
    let seq = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
        const start = await readAccount();
        const model = { limit: start.limit, open: start.open, pending: start.pending };
        const holds: { orderId: string; amount: number }[] = [];
        const done: { mutation: string; input: Record<string, unknown> }[] = [];
        const record = async (mutation: string, input: Record<string, unknown>) => {
          done.push({ mutation, input });
          const data = await run(
            `mutation($i: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $i) { duplicate userErrors { code } } }`,
            { i: input },
          );
          return data[mutation] as { duplicate: boolean; userErrors: { code: string }[] };
        };
        for (const c of commands) {
          const ref = `PROP-${Date.now()}-${seq++}`;
          const now = new Date().toISOString();
          if (c.kind === 'invoice') {
            const hold = c.billHold ? holds.shift() : undefined;
            const r = await record('recordInvoice', {
              externalReference: ref,
              dealerId,
              number: ref,
              amount: formatAmount(c.amount),
              issuedAt: now,
              orderId: hold?.orderId ?? null,
            });
            expect(r.userErrors).toEqual([]);
            model.open += c.amount;
            if (hold) model.pending -= hold.amount;
          } else if (c.kind === 'payment') {
            const target = c.toInvoice
              ? (await readAccount()).openInvoices.find((i: { outstanding: number }) => i.outstanding >= c.amount)
              : undefined;
            const r = await record('recordPayment', {
              externalReference: ref,
              dealerId,
              amount: formatAmount(c.amount),
              receivedAt: now,
              invoiceNumber: target?.number ?? null,
            });
            expect(r.userErrors).toEqual([]);
            model.open -= c.amount;
          } else if (c.kind === 'adjustment') {
            const r = await record('recordBalanceAdjustment', {
              externalReference: ref,
              dealerId,
              amount: formatAmount(c.amount),
              reason: 'property test',
            });
            expect(r.userErrors).toEqual([]);
            model.open += c.amount;
          } else if (c.kind === 'limit') {
            const { setCreditLimit } = await run(
              'mutation($i: SetCreditLimitInput!) { setCreditLimit(input: $i) { userErrors { code } } }',
              {
                i: { dealerId, limit: formatAmount(c.amount), reason: 'property test' },
              },
            );
            expect(setCreditLimit.userErrors).toEqual([]);
            model.limit = c.amount;
          } else if (c.kind === 'hold') {
            const orderId = randomUUID();
            const result = await placeHold(ctx(), { dealerId, orderId, amount: c.amount });
            if (result.status === 'HELD') {
              holds.push({ orderId, amount: c.amount });
              model.pending += c.amount;
            }
          } else if (c.kind === 'release') {
            const hold = holds.pop();
            if (hold) {
              await releaseHold(ctx(), { orderId: hold.orderId });
              model.pending -= hold.amount;
            }
          } else if (done.length > 0) {
            const previous = done[seq % done.length];
            const r = await record(previous.mutation, previous.input);
            expect(r).toEqual({ duplicate: true, userErrors: [] });
          }
          const account = await readAccount();
          expect(account.available).toBe(account.limit - (account.open + account.pending));
          expect({ limit: account.limit, open: account.open, pending: account.pending }).toEqual(model);
        }
        for (const hold of holds) await releaseHold(ctx(), { orderId: hold.orderId });
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
