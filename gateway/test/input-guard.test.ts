import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The input guard through the real gateway: a NUL byte or another control character, an invisible
 * character or an oversized text gets a coded answer (a userError where the mutation has them,
 * BAD_USER_INPUT elsewhere), never INTERNAL_SERVER_ERROR, and nothing is written.
 */
let stack: TestStack;
let db: pg.Client;
let dealer: GraphQLClient;

beforeAll(async () => {
  stack = await startTestStack();
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  dealer = await stack.loginAs('platinum@demo.dealer');
});
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);

describe('control characters', () => {
  it('anonymous login with a NUL in the email answers INVALID_CHARACTERS', async () => {
    const result = await stack
      .client()
      .request('mutation($e: String!) { login(email: $e, password: "whatever-2026") { accessToken userErrors { code field } } }', {
        e: 'platinum\u0000@demo.dealer',
      });
    expect(result.errors).toBeUndefined();
    expect(result.data.login).toEqual({ accessToken: null, userErrors: [{ code: 'INVALID_CHARACTERS', field: ['email'] }] });
  });

  it('addToCart with a NUL in a SKU answers a userError, not a catalog timeout, and the cart is unchanged', async () => {
    const before = await count('select count(*) n from orders.cart_line');
    const result = await dealer.request(
      'mutation($s: String!) { addToCart(lines: [{ sku: $s, quantity: 1 }]) { userErrors { code field } } }',
      { s: 'BRK\u0000' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.addToCart.userErrors).toEqual([{ code: 'INVALID_CHARACTERS', field: ['lines', '0', 'sku'] }]);
    expect(await count('select count(*) n from orders.cart_line')).toBe(before);
  });

  it.each([
    ['a bell', 'PO\u0007-1'],
    ['a line break', 'PO\n1'],
    ['a direction override', 'PO-\u202E1'],
    ['a zero-width space', 'PO\u200B1'],
    ['a lone surrogate', 'PO\uD800'],
  ])('placeOrder refuses %s in poNumber and places nothing', async (_label, poNumber) => {
    const before = await count('select count(*) n from orders."order"');
    const result = await dealer.request(
      'mutation($p: String) { placeOrder(input: { idempotencyKey: "guard-po", poNumber: $p }) { order { id } userErrors { code field } } }',
      { p: poNumber },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.placeOrder).toEqual({ order: null, userErrors: [{ code: 'INVALID_CHARACTERS', field: ['input', 'poNumber'] }] });
    expect(await count('select count(*) n from orders."order"')).toBe(before);
  });

  it('a NUL in a cursor and in a search is BAD_USER_INPUT', async () => {
    const cursor = await dealer.request('query($a: String) { orders(first: 1, after: $a) { totalCount } }', { a: 'bzox\u0000' });
    expect(cursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const search = await dealer.request('query($s: String) { products(filter: { search: $s }, first: 1) { totalCount } }', {
      s: 'brake\u0000',
    });
    expect(search.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(search.errors?.[0].extensions?.reason).toBe('INVALID_CHARACTERS');
  });

  it('staff mutations (approvals, ledger, admin) answer NUL with a userError', async () => {
    const finance = await stack.loginAs('finance@demo.staff');
    const payment = await finance.request(
      `mutation($r: String!) { recordPayment(input: { externalReference: $r, dealerId: "00000000-0000-0000-0000-000000000000",
        amount: "1.00", receivedAt: "2026-01-01T00:00:00Z" }) { userErrors { code field } } }`,
      { r: 'PAY\u0000' },
    );
    expect(payment.data.recordPayment.userErrors).toEqual([{ code: 'INVALID_CHARACTERS', field: ['input', 'externalReference'] }]);
    const admin = await stack.loginAs('admin@demo.staff');
    const rule = await admin.request(
      `mutation($n: String!) { createApprovalRule(input: { name: $n, kind: ORDER_TOTAL_ABOVE, threshold: "100.00", group: "g", level: 1, reason: "because" }) { userErrors { code field } } }`,
      { n: 'rule\u0000' },
    );
    expect(rule.errors).toBeUndefined();
    expect(rule.data.createApprovalRule.userErrors).toEqual([{ code: 'INVALID_CHARACTERS', field: ['input', 'name'] }]);
    const manager = await stack.loginAs('gm@demo.staff');
    const approve = await manager.request(
      'mutation($c: String) { approveOrder(orderId: "00000000-0000-0000-0000-000000000000", comment: $c) { userErrors { code field } } }',
      { c: 'ok\u0000' },
    );
    expect(approve.data.approveOrder.userErrors).toEqual([{ code: 'INVALID_CHARACTERS', field: ['comment'] }]);
  });

  it('keeps line breaks in a multiline text (a rejection reason) but not a NUL', async () => {
    const manager = await stack.loginAs('gm@demo.staff');
    const withBreak = await manager.request(
      'mutation($r: String!) { rejectOrder(orderId: "00000000-0000-0000-0000-000000000000", reason: $r) { userErrors { code } } }',
      { r: 'Line one.\nLine two.' },
    );
    expect(withBreak.data.rejectOrder.userErrors.map((e: { code: string }) => e.code)).not.toContain('INVALID_CHARACTERS');
  });
});

describe('text and list bounds', () => {
  it('refuses a 100 KB poNumber with TOO_LONG and places nothing', async () => {
    const before = await count('select count(*) n from orders."order"');
    const result = await dealer.request(
      'mutation($p: String) { placeOrder(input: { idempotencyKey: "guard-long", poNumber: $p }) { order { id } userErrors { code field } } }',
      { p: 'x'.repeat(100_000) },
    );
    expect(result.data.placeOrder.userErrors).toEqual([{ code: 'TOO_LONG', field: ['input', 'poNumber'] }]);
    expect(await count('select count(*) n from orders."order"')).toBe(before);
  });

  it('counts characters, not UTF-16 units: 50 emoji are a valid poNumber length', async () => {
    const result = await dealer.request(
      'mutation($p: String) { placeOrder(input: { idempotencyKey: "guard-emoji", poNumber: $p }) { userErrors { code } } }',
      { p: '📦'.repeat(50) },
    );
    expect(result.data.placeOrder.userErrors.map((e: { code: string }) => e.code)).not.toContain('TOO_LONG');
  });

  it('refuses a list past its bound before any work (markNotificationsRead with 5,000 ids)', async () => {
    const result = await dealer.request(
      'mutation($ids: [ID!]) { markNotificationsRead(eventIds: $ids) { unreadCount userErrors { code field } } }',
      {
        ids: Array.from({ length: 5000 }, () => '00000000-0000-4000-8000-000000000000'),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.markNotificationsRead.userErrors).toEqual([{ code: 'TOO_MANY_ITEMS', field: ['eventIds'] }]);
  });
});

describe('the gateway codes what it refuses itself', () => {
  it('a variable of the wrong type is BAD_USER_INPUT', async () => {
    for (const first of ['abc', 2 ** 40, 1.5]) {
      const result = await dealer.request('query($f: Int) { orders(first: $f) { totalCount } }', { f: first });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('a missing required variable is BAD_USER_INPUT', async () => {
    const result = await dealer.request('mutation($s: String!) { updateCartLine(sku: $s, quantity: 1) { userErrors { code } } }', {});
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
