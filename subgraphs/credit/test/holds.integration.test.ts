import { randomUUID } from 'node:crypto';

import { type DemoData, type DemoDealer, generateDemoData } from '@dealergraph/demo-data';
import { type Claims, migrate, openSubgraphOrm } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { creditSubgraph } from '../src/definition.js';
import { placeHold, type PlaceHoldResult, readCreditSnapshot, releaseHold } from '../src/index.js';

const POOL_SIZE = 4;
const anchor = new Date('2026-11-01T00:00:00Z');
const definition = creditSubgraph({ now: () => anchor });

let db: TestDatabase;
let orm: Awaited<ReturnType<typeof openSubgraphOrm>>;
let data: DemoData;
let platinum: DemoDealer;
let bronze: DemoDealer;

const staff: Claims = { sub: randomUUID(), email: 'finance@demo.staff', role: 'FINANCE', dealerId: null };
/** A fresh request context on its own EntityManager fork, as each concurrent order approval would have. */
const ctx = () => definition.context({ em: orm.em.fork(), claims: staff });

/** Independent reference: limit - (unpaid invoices + active holds) at seeding time, from the demo rows. */
function seededAvailable(dealerId: string): number {
  const limit = data.creditAccounts.find((a) => a.dealerId === dealerId)!.limit;
  const open = data.invoices.filter((i) => i.dealerId === dealerId).reduce((s, i) => s + i.amount - i.paidAmount, 0);
  const held = data.creditHolds.filter((h) => h.dealerId === dealerId).reduce((s, h) => s + h.amount, 0);
  return limit - open - held;
}

/** Straight from the table: the sum of a dealer's ACTIVE holds. */
async function activeHeld(dealerId: string): Promise<number> {
  const [row] = await orm.em
    .fork()
    .execute<{ s: string | null }[]>(`select sum(amount) as s from credit.credit_hold where dealer_id = ? and status = 'ACTIVE'`, [
      dealerId,
    ]);
  return Number(row.s ?? 0);
}

/** Opens every pooled connection first, so that the concurrent calls really run side by side. */
async function warmPool() {
  await Promise.all(Array.from({ length: POOL_SIZE }, () => orm.em.fork().execute('select pg_sleep(0.05)')));
}

const accepted = (results: PlaceHoldResult[]) => results.filter((r) => r.status === 'HELD');
const refused = (results: PlaceHoldResult[]) =>
  results.filter((r): r is Extract<PlaceHoldResult, { status: 'REFUSED' }> => r.status === 'REFUSED');

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await openSubgraphOrm(definition, { databaseUrl: db.url, poolSize: POOL_SIZE });
  await migrate(orm);
  data = generateDemoData({ anchor });
  [platinum, bronze] = data.dealers;
  await definition.seed!(
    orm.em.fork(),
    () => data,
    () => {},
  );
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe('placeHold under concurrency', () => {
  it('never lets ten simultaneous holds overrun the available credit (HARD_BLOCK dealer)', async () => {
    const available = seededAvailable(bronze.id);
    const heldBefore = await activeHeld(bronze.id);
    expect(available).toBeGreaterThan(0);
    // Ten orders of 30 % each: exactly three fit. Without the row lock, the first transactions (one per
    // pooled connection) would all read the same available credit and all accept.
    const amount = Math.ceil(available * 0.3);
    const fit = Math.floor(available / amount);
    expect(fit).toBe(3);
    await warmPool();

    const results = await Promise.all(
      Array.from({ length: 10 }, () => placeHold(ctx(), { dealerId: bronze.id, orderId: randomUUID(), amount })),
    );

    const acceptedSum = accepted(results).length * amount;
    expect(acceptedSum).toBeLessThanOrEqual(available);
    expect(accepted(results)).toHaveLength(fit);
    expect(refused(results).map((r) => r.decision.code)).toEqual(Array(10 - fit).fill('CREDIT_LIMIT_EXCEEDED'));
    expect(
      refused(results).every((r) => r.decision.outcome === 'REFUSE' && r.decision.policy === 'HARD_BLOCK' && r.decision.available < amount),
    ).toBe(true);
    expect(await activeHeld(bronze.id)).toBe(heldBefore + acceptedSum);
    const after = await readCreditSnapshot(ctx(), bronze.id);
    expect(after.available).toBe(available - acceptedSum);
  });

  it('keeps the invariant with uneven amounts and a policy other than HARD_BLOCK', async () => {
    const available = seededAvailable(platinum.id);
    const heldBefore = await activeHeld(platinum.id);
    // Uneven orders adding up to 1.5x the available credit.
    const weights = [5, 9, 13, 7, 11, 3, 8, 15, 6, 10];
    const total = weights.reduce((a, b) => a + b, 0);
    const amounts = weights.map((w) => Math.floor((available * 1.5 * w) / total));
    await warmPool();

    const results = await Promise.all(amounts.map((amount) => placeHold(ctx(), { dealerId: platinum.id, orderId: randomUUID(), amount })));

    const acceptedSum = results.reduce((s, r, i) => s + (r.status === 'HELD' ? amounts[i] : 0), 0);
    expect(acceptedSum).toBeLessThanOrEqual(available);
    expect(acceptedSum).toBeGreaterThan(0);
    const refusedAmounts = amounts.filter((_, i) => results[i].status !== 'HELD');
    expect(refusedAmounts.length).toBeGreaterThan(0);
    // Each refusal saw less credit than it asked for, and holds only ever shrink what is left.
    expect(available - acceptedSum).toBeLessThan(Math.min(...refusedAmounts));
    expect(
      refused(results).every(
        (r) =>
          r.decision.outcome === 'APPROVAL' && r.decision.code === 'CREDIT_LIMIT_EXCEEDED' && r.decision.policy === 'ROUTE_TO_APPROVAL',
      ),
    ).toBe(true);
    expect(await activeHeld(platinum.id)).toBe(heldBefore + acceptedSum);

    // Leave Demo Platinum as it was for the tests below.
    await Promise.all(results.map((r) => (r.status === 'HELD' ? releaseHold(ctx(), { orderId: r.hold.orderId }) : null)));
    expect(await activeHeld(platinum.id)).toBe(heldBefore);
  });

  it('holds an order once, however often and however concurrently it is asked', async () => {
    const orderId = randomUUID();
    const heldBefore = await activeHeld(platinum.id);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => placeHold(ctx(), { dealerId: platinum.id, orderId, amount: 123_456 })),
    );
    expect(results.every((r) => r.status === 'HELD')).toBe(true);
    expect(new Set(results.map((r) => (r.status === 'HELD' ? r.hold.id : null))).size).toBe(1);
    const again = await placeHold(ctx(), { dealerId: platinum.id, orderId, amount: 123_456 });
    expect(again.status === 'HELD' && again.hold.id).toBe(results[0].status === 'HELD' && results[0].hold.id);
    expect(await activeHeld(platinum.id)).toBe(heldBefore + 123_456);
    await releaseHold(ctx(), { orderId });
  });
});

describe('placeHold rules', () => {
  it('holds up to the last cent of available credit and refuses one cent more', async () => {
    const dealer = data.dealers.find(
      (d) =>
        d.id !== bronze.id &&
        data.creditAccounts.find((a) => a.dealerId === d.id)?.exceedancePolicy === 'HARD_BLOCK' &&
        seededAvailable(d.id) > 0 &&
        data.invoices.every((i) => i.dealerId !== d.id || i.paidAmount === i.amount || i.dueAt >= anchor),
    )!;
    const available = seededAvailable(dealer.id);
    const tooMuch = await placeHold(ctx(), { dealerId: dealer.id, orderId: randomUUID(), amount: available + 1 });
    expect(tooMuch).toMatchObject({ status: 'REFUSED', decision: { outcome: 'REFUSE', code: 'CREDIT_LIMIT_EXCEEDED', available } });
    const exact = await placeHold(ctx(), { dealerId: dealer.id, orderId: randomUUID(), amount: available });
    expect(exact).toMatchObject({ status: 'HELD', available: 0, overLimit: false });
    const oneMore = await placeHold(ctx(), { dealerId: dealer.id, orderId: randomUUID(), amount: 1 });
    expect(oneMore).toMatchObject({ status: 'REFUSED', decision: { code: 'CREDIT_LIMIT_EXCEEDED', available: 0 } });
  });

  it('holds an approved exceedance beyond the limit, except under HARD_BLOCK', async () => {
    const over = seededAvailable(platinum.id) + 500_000;
    const approved = await placeHold(ctx(), { dealerId: platinum.id, orderId: randomUUID(), amount: over, overLimitApproved: true });
    expect(approved).toMatchObject({ status: 'HELD', available: -500_000, overLimit: true });
    if (approved.status === 'HELD') await releaseHold(ctx(), { orderId: approved.hold.orderId });

    const bronzeAvailable = (await readCreditSnapshot(ctx(), bronze.id)).available;
    const hardBlock = await placeHold(ctx(), {
      dealerId: bronze.id,
      orderId: randomUUID(),
      amount: bronzeAvailable + 1,
      overLimitApproved: true,
    });
    expect(hardBlock).toMatchObject({
      status: 'REFUSED',
      decision: { outcome: 'REFUSE', code: 'CREDIT_LIMIT_EXCEEDED', policy: 'HARD_BLOCK' },
    });
  });

  it('refuses any hold for a dealer blocked by an invoice 45 or more days past due', async () => {
    const blocked = data.dealers.find((d) =>
      data.invoices.some((i) => i.dealerId === d.id && i.paidAmount < i.amount && anchor.getTime() - i.dueAt.getTime() >= 45 * 86_400_000),
    )!;
    const snapshot = await readCreditSnapshot(ctx(), blocked.id);
    expect(snapshot.status).toBe('BLOCKED');
    const result = await placeHold(ctx(), { dealerId: blocked.id, orderId: randomUUID(), amount: 100, overLimitApproved: true });
    expect(result).toMatchObject({ status: 'REFUSED', decision: { code: 'CREDIT_BLOCKED_OVERDUE', amountToPay: snapshot.overdue } });
    expect(result.status === 'REFUSED' && result.decision.reason).toMatch(/days past due/);
  });

  it('treats a dealer without a credit account as having no credit', async () => {
    const result = await placeHold(ctx(), { dealerId: randomUUID(), orderId: randomUUID(), amount: 100, overLimitApproved: true });
    expect(result).toMatchObject({
      status: 'REFUSED',
      decision: { code: 'CREDIT_LIMIT_EXCEEDED', available: 0, limit: 0, policy: 'HARD_BLOCK' },
    });
  });

  it('refuses amounts that are not positive whole cents', async () => {
    await expect(placeHold(ctx(), { dealerId: platinum.id, orderId: randomUUID(), amount: 0 })).rejects.toThrow(RangeError);
    await expect(placeHold(ctx(), { dealerId: platinum.id, orderId: randomUUID(), amount: 10.5 })).rejects.toThrow(RangeError);
  });
});

describe('releaseHold', () => {
  it('gives the credit back once and is idempotent', async () => {
    const before = (await readCreditSnapshot(ctx(), platinum.id)).available;
    const orderId = randomUUID();
    const placed = await placeHold(ctx(), { dealerId: platinum.id, orderId, amount: 250_000 });
    expect(placed).toMatchObject({ status: 'HELD', available: before - 250_000 });

    const released = await releaseHold(ctx(), { orderId });
    expect(released).toMatchObject({ orderId, status: 'RELEASED', releasedAt: anchor });
    expect((await readCreditSnapshot(ctx(), platinum.id)).available).toBe(before);

    const again = await releaseHold(ctx(), { orderId });
    expect(again).toMatchObject({ status: 'RELEASED', releasedAt: anchor });
    expect((await readCreditSnapshot(ctx(), platinum.id)).available).toBe(before);

    // A released order is not held again, and asking again says so: never "held" for credit that is not held.
    const replay = await placeHold(ctx(), { dealerId: platinum.id, orderId, amount: 250_000 });
    expect(replay).toMatchObject({ status: 'RELEASED', hold: { status: 'RELEASED' } });
    expect(await placeHold(ctx(), { dealerId: platinum.id, orderId, amount: 250_000, overLimitApproved: true })).toMatchObject({
      status: 'RELEASED',
    });
    expect((await readCreditSnapshot(ctx(), platinum.id)).available).toBe(before);
  });

  it('returns null for an order without a hold', async () => {
    expect(await releaseHold(ctx(), { orderId: randomUUID() })).toBeNull();
  });
});
