import { type GraphQLClient, openSocket, startTestStack, type TestStack } from '@dealergraph/testing';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { OrderEventHub, subscribed, until as waitUntil } from './support/live.js';
import { placePending } from './support/pending-order.js';

/**
 * The dealer watches approvers decide, live: real placeOrder, approveOrder and rejectOrder through the
 * gateway, and a real graphql-ws client on orderUpdated receiving each decision with the dealer's name
 * (from the dealers subgraph) and the rejection reason (from the status history).
 */
let stack: TestStack;
let platinum: GraphQLClient;
let bronze: GraphQLClient;
let manager: GraphQLClient;
let rep: GraphQLClient;
const sockets: Client[] = [];
/** The orders subgraph's hub: each test waits until its subscriptions are live there before deciding. */
const hub = new OrderEventHub();

beforeAll(async () => {
  stack = await startTestStack({ orders: { events: hub } });
  [platinum, bronze, manager, rep] = await Promise.all(
    ['platinum@demo.dealer', 'bronze@demo.dealer', 'manager@demo.staff', 'rep@demo.staff'].map((e) => stack.loginAs(e)),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await stack?.stop();
});

function watch(client: GraphQLClient, orderId: string) {
  const socket = openSocket(stack.gatewayUrl, client.accessToken);
  sockets.push(socket);
  const received: { at: number; order: any }[] = [];
  socket.subscribe<{ orderUpdated: unknown }>(
    {
      query: 'subscription($id: ID) { orderUpdated(orderId: $id) { id status dealer { name } statusHistory { status comment } } }',
      variables: { id: orderId },
    },
    { next: (r) => received.push({ at: Date.now(), order: r.data?.orderUpdated ?? r.errors }), error: () => {}, complete: () => {} },
  );
  return received;
}

/** Waits until an item satisfies `found` (an earlier event, such as the placement's own, may come first). */
async function until<T>(received: T[], found: (item: T) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!received.some(found) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('approval decisions arrive live', () => {
  it('delivers APPROVED to the dealer, with fields from other subgraphs, and refuses another dealer (NOT_FOUND)', async () => {
    const id = await placePending(platinum);
    const live = hub.size;
    const dealerView = watch(platinum, id);
    const otherDealer = watch(bronze, id);
    // The other dealer's subscription is refused when it starts: only the dealer's goes live.
    await waitUntil("the other dealer's subscription to be refused", () => otherDealer.length >= 1);
    await subscribed(hub, live + 1);
    const decided = await manager.data(
      'mutation($id: ID!) { approveOrder(orderId: $id, comment: "fine") { order { status } userErrors { code } } }',
      { id },
    );
    expect(decided.approveOrder).toEqual({ order: { status: 'APPROVED' }, userErrors: [] });
    // How fast it arrives is measured in bench/subscriptions (commit to client, p50/p99), not timed
    // here: a loaded CI machine would make such an assertion flaky.
    await until(dealerView, (r) => r.order?.status === 'APPROVED', 15_000);
    const approved = dealerView.find((r) => r.order?.status === 'APPROVED');
    expect(approved?.order).toMatchObject({ id, status: 'APPROVED', dealer: { name: 'Demo Platinum Dealer' } });
    // One event per change: the last step and the status change commit together and arrive as one update.
    // A later change (the dealer cancels) arrives after them, so by then every APPROVED update is in.
    const cancelled = await platinum.data('mutation($id: ID!) { cancelOrder(orderId: $id, reason: "count") { userErrors { code } } }', {
      id,
    });
    expect(cancelled.cancelOrder.userErrors).toEqual([]);
    await until(dealerView, (r) => r.order?.status === 'CANCELLED', 15_000);
    expect(dealerView.filter((r) => r.order?.status === 'APPROVED')).toHaveLength(1);
    // Another dealer's subscription to this order is refused when it starts, as if there were no such order; no event follows.
    expect(otherDealer.map((r) => r.order)).toEqual([
      [expect.objectContaining({ message: 'There is no such order.', extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })],
    ]);
  });

  it('delivers REJECTED with the reason', async () => {
    const id = await placePending(platinum);
    const live = hub.size;
    const dealerView = watch(platinum, id);
    await subscribed(hub, live + 1);
    const decided = await manager.data(
      'mutation($id: ID!) { rejectOrder(orderId: $id, reason: "Split it into two orders") { order { status } userErrors { code } } }',
      { id },
    );
    expect(decided.rejectOrder).toEqual({ order: { status: 'REJECTED' }, userErrors: [] });
    await until(dealerView, (r) => r.order?.status === 'REJECTED', 15_000);
    const rejected = dealerView.find((r) => r.order?.status === 'REJECTED');
    expect(rejected!.order.dealer).toEqual({ name: 'Demo Platinum Dealer' });
    expect(rejected!.order.statusHistory.at(-1)).toEqual({ status: 'REJECTED', comment: 'Split it into two orders' });
  });

  it("rejects with a reason code and alternatives: on the order, on the live event and in the dealer's notifications", async () => {
    const id = await placePending(platinum);
    const socket = createClient({
      url: stack.gatewayUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${platinum.accessToken}` },
      retryAttempts: 0,
    });
    sockets.push(socket);
    const live = hub.size;
    const events: any[] = [];
    socket.subscribe<{ orderUpdated: unknown }>(
      {
        query:
          'subscription($id: ID) { orderUpdated(orderId: $id) { id status dealer { name } rejection { code reason alternatives { kind amount { amount currency } note } } } }',
        variables: { id },
      },
      { next: (r) => events.push(r.data?.orderUpdated ?? r.errors), error: () => {}, complete: () => {} },
    );
    await subscribed(hub, live + 1);
    const REJECT = `mutation($id: ID!, $code: RejectionCode, $alts: [RejectionAlternativeInput!]) {
      rejectOrder(orderId: $id, reason: "Over your credit", reasonCode: $code, alternatives: $alts) { order { status rejection { code } } userErrors { code field } } }`;
    // A PAY_DOWN without its amount is refused and changes nothing.
    const refused = await manager.data(REJECT, { id, code: 'CREDIT_RISK', alts: [{ kind: 'PAY_DOWN' }] });
    expect(refused.rejectOrder).toEqual({ order: null, userErrors: [{ code: 'INVALID_INPUT', field: ['alternatives', '0', 'amount'] }] });
    const badAmount = await manager.data(REJECT, { id, code: 'CREDIT_RISK', alts: [{ kind: 'PAY_DOWN', amount: 'lots' }] });
    expect(badAmount.rejectOrder.userErrors).toEqual([{ code: 'INVALID_AMOUNT', field: ['alternatives', '0', 'amount'] }]);
    expect((await platinum.data('query($id: ID!) { order(id: $id) { status rejection { code } } }', { id })).order).toEqual({
      status: 'PENDING_APPROVAL',
      rejection: null,
    });

    const alts = [
      { kind: 'PAY_DOWN', amount: '1500.5' },
      { kind: 'SPLIT_ORDER', note: 'two deliveries' },
    ];
    const decided = await manager.data(REJECT, { id, code: 'CREDIT_RISK', alts });
    expect(decided.rejectOrder).toEqual({ order: { status: 'REJECTED', rejection: { code: 'CREDIT_RISK' } }, userErrors: [] });
    const expected = {
      code: 'CREDIT_RISK',
      reason: 'Over your credit',
      alternatives: [
        { kind: 'PAY_DOWN', amount: { amount: '1500.50', currency: 'USD' }, note: null },
        { kind: 'SPLIT_ORDER', amount: null, note: 'two deliveries' },
      ],
    };
    const { order } = await platinum.data(
      'query($id: ID!) { order(id: $id) { status rejection { code reason alternatives { kind amount { amount currency } note } } } }',
      { id },
    );
    expect(order).toEqual({ status: 'REJECTED', rejection: expected });
    await until(events, (e) => e?.status === 'REJECTED', 15_000);
    expect(events.find((e) => e.status === 'REJECTED')).toEqual({
      id,
      status: 'REJECTED',
      dealer: { name: 'Demo Platinum Dealer' },
      rejection: expected,
    });
    const feed = await platinum.data(
      '{ notifications(first: 20) { nodes { orderId status rejection { code reason alternatives { kind amount { amount currency } note } } } } }',
    );
    expect(
      feed.notifications.nodes.find((n: { orderId: string; status: string }) => n.orderId === id && n.status === 'REJECTED')?.rejection,
    ).toEqual(expected);
  });

  it('keeps the original two-argument rejectOrder, kept for clients (code OTHER) and rejects in bulk with one code', async () => {
    const single = await placePending(platinum);
    const plain = await manager.data(
      'mutation($id: ID!) { rejectOrder(orderId: $id, reason: "No") { order { rejection { code reason alternatives { kind } } } userErrors { code } } }',
      { id: single },
    );
    expect(plain.rejectOrder).toEqual({ order: { rejection: { code: 'OTHER', reason: 'No', alternatives: [] } }, userErrors: [] });
    const blank = await manager.data(
      'mutation($id: ID!) { rejectOrder(orderId: $id, reason: "  ") { order { id } userErrors { code field } } }',
      { id: await placePending(platinum) },
    );
    expect(blank.rejectOrder).toEqual({ order: null, userErrors: [{ code: 'INVALID_INPUT', field: ['reason'] }] });

    const [first, second] = [await placePending(platinum), await placePending(platinum)];
    const BULK = `mutation($ids: [ID!]!) { rejectOrders(orderIds: $ids, reason: "Pick the successor model", reasonCode: STOCK, alternatives: [{ kind: CHOOSE_SUBSTITUTE, note: "X-200" }]) {
      results { orderId order { status rejection { code reason alternatives { kind note } } } userErrors { code } } userErrors { code } } }`;
    const bulk = await manager.data(BULK, { ids: [first, second, single] });
    const rejection = { code: 'STOCK', reason: 'Pick the successor model', alternatives: [{ kind: 'CHOOSE_SUBSTITUTE', note: 'X-200' }] };
    expect(bulk.rejectOrders).toEqual({
      results: [
        { orderId: first, order: { status: 'REJECTED', rejection }, userErrors: [] },
        { orderId: second, order: { status: 'REJECTED', rejection }, userErrors: [] },
        { orderId: single, order: null, userErrors: [{ code: 'INVALID_TRANSITION' }] },
      ],
      userErrors: [],
    });
  });

  it('bulk approval reports each order: decided, not found, above the level of the caller', async () => {
    const [first, second] = [await placePending(platinum), await placePending(platinum)];
    const missing = '00000000-0000-4000-8000-000000000000';
    const BULK =
      'mutation($ids: [ID!]!) { approveOrders(orderIds: $ids, comment: "batch") { results { orderId order { id status } userErrors { code } } userErrors { code } } }';
    const byRep = await rep.data(BULK, { ids: [first, second] });
    expect(byRep.approveOrders.results.map((r: { userErrors: { code: string }[] }) => r.userErrors.map((e) => e.code))).toEqual([
      ['FORBIDDEN'],
      ['FORBIDDEN'],
    ]);
    const byManager = await manager.data(BULK, { ids: [first, missing, second] });
    expect(byManager.approveOrders).toEqual({
      results: [
        { orderId: first, order: { id: first, status: 'APPROVED' }, userErrors: [] },
        { orderId: missing, order: null, userErrors: [{ code: 'NOT_FOUND' }] },
        { orderId: second, order: { id: second, status: 'APPROVED' }, userErrors: [] },
      ],
      userErrors: [],
    });
    const empty = await manager.data(BULK, { ids: [] });
    expect(empty.approveOrders).toEqual({ results: [], userErrors: [{ code: 'INVALID_INPUT' }] });
    const dealer = await platinum.request(BULK, { ids: [first] });
    expect(dealer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows staff the over-approval view and the dealer an estimated decision time', async () => {
    // The tests above had a REGIONAL_MANAGER decide high-value orders: there is history at level 2.
    const { approvalStats } = await manager.data(
      '{ approvalStats { totalOrders ordersNeedingApproval approvalShare byRule { rule level orders share decided medianSecondsToDecision } } }',
    );
    expect(approvalStats.ordersNeedingApproval).toBeGreaterThanOrEqual(4);
    expect(approvalStats.approvalShare).toBeCloseTo(approvalStats.ordersNeedingApproval / approvalStats.totalOrders, 6);
    const level2 = approvalStats.byRule.find((r: { level: number }) => r.level === 2);
    expect(level2.decided).toBeGreaterThanOrEqual(4);
    expect(level2.medianSecondsToDecision).toBeGreaterThanOrEqual(0);
    const denied = await platinum.request('{ approvalStats { totalOrders } }');
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const id = await placePending(platinum);
    const { order } = await platinum.data('query($id: ID!) { order(id: $id) { status estimatedDecisionAt placedAt } }', { id });
    expect(order.status).toBe('PENDING_APPROVAL');
    const estimate = new Date(order.estimatedDecisionAt).getTime();
    // Placement plus the level's median (seconds, rounded in the stats): within a second of it.
    expect(Math.abs(estimate - new Date(order.placedAt).getTime() - level2.medianSecondsToDecision * 1000)).toBeLessThanOrEqual(1000);
    const approved = await manager.data('mutation($id: ID!) { approveOrder(orderId: $id) { order { estimatedDecisionAt } } }', { id });
    expect(approved.approveOrder.order.estimatedDecisionAt).toBeNull();
  });
});
