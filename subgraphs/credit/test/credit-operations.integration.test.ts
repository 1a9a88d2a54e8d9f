import { randomUUID } from 'node:crypto';

import {
  deriveInternalKey,
  InternalCallError,
  type InternalClient,
  internalClient,
  parseAmount,
  type PlaceHoldResultInternal,
} from '@dealergraph/runtime';
import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** credit.assessOrder / placeHold / releaseHold through real signed calls, with credit read back through the gateway. */
let stack: TestStack;
let credit: InternalClient<'credit'>;
let finance: GraphQLClient;
let bronzeId: string;
let platinumId: string;

const CREDIT = 'query($id: ID!) { dealer(id: $id) { credit { available { amount } pendingOrders { amount } exceedancePolicy status } } }';
const creditOf = async (dealerId: string) => (await finance.data(CREDIT, { id: dealerId })).dealer.credit;
const available = async (dealerId: string) => parseAmount((await creditOf(dealerId)).available.amount);
const sql = <T extends object[]>(query: string, params: unknown[] = []) => stack.orms.credit.em.fork().execute<T>(query, params);

beforeAll(async () => {
  stack = await startTestStack();
  credit = internalClient('credit', { baseUrl: stack.subgraphs.credit.url, key: deriveInternalKey(stack.hmacSecret) });
  finance = await stack.loginAs('finance@demo.staff');
  bronzeId = (await (await stack.loginAs('bronze@demo.dealer')).data('{ me { dealer { id } } }')).me.dealer.id;
  platinumId = (await (await stack.loginAs('platinum@demo.dealer')).data('{ me { dealer { id } } }')).me.dealer.id;
});

afterAll(async () => {
  await stack?.stop();
});

describe('credit.placeHold', () => {
  it('never lets 16 simultaneous holds of a HARD_BLOCK dealer overrun its available credit', async () => {
    expect((await creditOf(bronzeId)).exceedancePolicy).toBe('HARD_BLOCK');
    const before = await available(bronzeId);
    expect(before).toBeGreaterThan(0);
    const amount = Math.ceil(before / 5); // four fit, the fifth would not
    const fit = Math.floor(before / amount);
    const results = await Promise.all(
      Array.from({ length: 16 }, () => credit.call('placeHold', { dealerId: bronzeId, orderId: randomUUID(), amount })),
    );
    const held = results.filter((r) => r.status === 'HELD');
    expect(held).toHaveLength(fit);
    expect(held.every((r) => r.status === 'HELD' && r.available >= 0 && !r.overLimit)).toBe(true);
    for (const r of results.filter((r): r is Extract<PlaceHoldResultInternal, { status: 'REFUSED' }> => r.status === 'REFUSED')) {
      expect(r.decision).toMatchObject({ outcome: 'REFUSE', code: 'CREDIT_LIMIT_EXCEEDED', policy: 'HARD_BLOCK' });
      expect(r.decision.available).toBeLessThan(amount);
      expect(r.decision.reason).toMatch(/exceeds your available credit/);
    }
    expect(await available(bronzeId)).toBe(before - fit * amount);
    expect(await available(bronzeId)).toBeGreaterThanOrEqual(0);
    await Promise.all(
      held.map((r) => (r.status === 'HELD' ? sql('update credit.credit_hold set status = ? where id = ?', ['RELEASED', r.holdId]) : null)),
    );
  });

  it('holds once per order, and a released order is released, never held again', async () => {
    const orderId = randomUUID();
    const before = await available(platinumId);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => credit.call('placeHold', { dealerId: platinumId, orderId, amount: 12_345 })),
    );
    expect(results.every((r) => r.status === 'HELD')).toBe(true);
    expect(new Set(results.map((r) => (r.status === 'HELD' ? r.holdId : null))).size).toBe(1);
    expect(await available(platinumId)).toBe(before - 12_345);

    expect(await credit.call('releaseHold', { orderId })).toEqual({ status: 'RELEASED' });
    expect(await credit.call('releaseHold', { orderId })).toEqual({ status: 'RELEASED' });
    expect(await available(platinumId)).toBe(before);
    expect(await credit.call('placeHold', { dealerId: platinumId, orderId, amount: 12_345 })).toEqual({ status: 'RELEASED' });
    expect(await credit.call('placeHold', { dealerId: platinumId, orderId, amount: 12_345, overLimitApproved: true })).toEqual({
      status: 'RELEASED',
    });
    expect(await available(platinumId)).toBe(before);
  });

  it('routes an exceedance of a ROUTE_TO_APPROVAL dealer to finance, and holds it once approved', async () => {
    const before = await available(platinumId);
    const amount = before + 50_000;
    const assessed = await credit.call('assessOrder', { dealerId: platinumId, amount });
    expect(assessed).toMatchObject({
      outcome: 'APPROVAL',
      approvalLevel: 4,
      code: 'CREDIT_LIMIT_EXCEEDED',
      policy: 'ROUTE_TO_APPROVAL',
      shortfall: 50_000,
    });
    expect(await available(platinumId)).toBe(before); // assessing holds nothing
    const orderId = randomUUID();
    const refused = await credit.call('placeHold', { dealerId: platinumId, orderId, amount });
    expect(refused).toMatchObject({ status: 'REFUSED', decision: { outcome: 'APPROVAL' } });
    const held = await credit.call('placeHold', { dealerId: platinumId, orderId, amount, overLimitApproved: true });
    expect(held).toMatchObject({ status: 'HELD', amount, available: -50_000, overLimit: true });
    expect(await credit.call('releaseHold', { orderId })).toEqual({ status: 'RELEASED' });
  });

  it('refuses a BLOCKED dealer with the overdue amount to pay, approved or not', async () => {
    const [row] = await sql<{ dealer_id: string }[]>(
      "select dealer_id from credit.invoice where amount > paid_amount and due_at < now() - interval '50 days' limit 1",
    );
    expect(row, 'the demo data has a dealer 45+ days overdue').toBeDefined();
    const assessed = await credit.call('assessOrder', { dealerId: row.dealer_id, amount: 100 });
    expect(assessed).toMatchObject({ outcome: 'REFUSE', code: 'CREDIT_BLOCKED_OVERDUE', status: 'BLOCKED' });
    expect(assessed.amountToPay).toBeGreaterThan(0);
    const held = await credit.call('placeHold', { dealerId: row.dealer_id, orderId: randomUUID(), amount: 100, overLimitApproved: true });
    expect(held).toMatchObject({ status: 'REFUSED', decision: { code: 'CREDIT_BLOCKED_OVERDUE', amountToPay: assessed.amountToPay } });
  });

  it('answers NONE for an order without a hold, and a hold asked for after that release holds nothing', async () => {
    // The workflow's compensation after a placeHold that timed out can overtake that placeHold.
    const late = randomUUID();
    const before = await available(platinumId);
    expect(await credit.call('releaseHold', { orderId: late })).toEqual({ status: 'NONE' });
    expect(await credit.call('releaseHold', { orderId: late })).toEqual({ status: 'NONE' });
    expect(await credit.call('placeHold', { dealerId: platinumId, orderId: late, amount: 5_000 })).toEqual({ status: 'RELEASED' });
    expect(await available(platinumId)).toBe(before);
  });

  it('races a release against the hold of the same order: either way nothing stays held', async () => {
    const before = await available(platinumId);
    const orders = Array.from({ length: 8 }, () => randomUUID());
    await Promise.all(
      orders.flatMap((orderId) => [
        credit.call('placeHold', { dealerId: platinumId, orderId, amount: 1_000 }),
        credit.call('releaseHold', { orderId }),
      ]),
    );
    expect(await available(platinumId)).toBe(before);
  });

  it('answers INVOICED for an invoiced hold', async () => {
    const orderId = randomUUID();
    await credit.call('placeHold', { dealerId: platinumId, orderId, amount: 100 });
    await sql("update credit.credit_hold set status = 'INVOICED' where order_id = ?", [orderId]);
    expect(await credit.call('releaseHold', { orderId })).toEqual({ status: 'INVOICED' });
  });

  it('refuses malformed input with 400 before it reaches PostgreSQL', async () => {
    const bad: [string, unknown][] = [
      ['assessOrder', { dealerId: 'x', amount: 1 }],
      ['assessOrder', { dealerId: platinumId, amount: 0 }],
      ['assessOrder', { dealerId: platinumId, amount: 2 ** 53 }],
      ['placeHold', { dealerId: platinumId, orderId: 'o', amount: 1 }],
      ['placeHold', { dealerId: platinumId, orderId: randomUUID(), amount: 1.5 }],
      ['placeHold', { dealerId: platinumId, orderId: randomUUID(), amount: 1, overLimitApproved: 'yes' }],
      ['releaseHold', { orderId: null }],
    ];
    for (const [operation, input] of bad) {
      const error = await credit.call(operation as 'releaseHold', input as never).catch((e: unknown) => e);
      expect(error, `${operation} ${JSON.stringify(input)}`).toBeInstanceOf(InternalCallError);
      expect((error as InternalCallError).code).toBe('REJECTED');
    }
    // The same order id for another dealer is the caller's bug: refused, and the first hold stays.
    const orderId = randomUUID();
    await credit.call('placeHold', { dealerId: platinumId, orderId, amount: 100 });
    await expect(credit.call('placeHold', { dealerId: bronzeId, orderId, amount: 100 })).rejects.toMatchObject({ code: 'REJECTED' });
  });
});
