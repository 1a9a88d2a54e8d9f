import { type GraphQLClient, startTestStack, type TestStack, until } from '@dealergraph/testing';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { sweepApprovalDeadlines } from '../src/approvals/approval-escalation.service.js';
import { DEFAULT_WORKFLOW_SETTINGS } from '../src/config.js';
import { OrderEventHub, subscribed } from './support/live.js';
import { placePending } from './support/pending-order.js';

/**
 * The fallback without pg-boss (ORDER_APPROVAL_TIMERS=sweep): steps still get their deadline when they
 * start waiting, no job is sent, and the sweep over the deadline columns reminds and escalates.
 * Approval deadlines against a controlled clock: the real escalation sweep runs on the real database
 * with an injected `now`; a step's deadline is moved into the past in SQL. The effects are read
 * through the gateway: the step, the status history, approvalQueueChanged of the new level's
 * approver (a real graphql-ws client) and the dealer's notification feed.
 */
let stack: TestStack;
let platinum: GraphQLClient;
let manager: GraphQLClient;
let director: GraphQLClient;
const sockets: Client[] = [];
const settings = DEFAULT_WORKFLOW_SETTINGS.approvalDeadlines;
const HOUR = 3_600_000;
/** Steps waiting before the tests (demo data) count from here, so none of them is overdue. */
let startedAt: Date;
/** The orders subgraph's hub: the test waits until its subscription is live there. */
const hub = new OrderEventHub();

beforeAll(async () => {
  stack = await startTestStack({ orders: { workflow: { approvalTimers: 'SWEEP' }, events: hub } });
  startedAt = new Date();
  [platinum, manager, director] = await Promise.all(
    ['platinum@demo.dealer', 'manager@demo.staff', 'director@demo.staff'].map((e) => stack.loginAs(e)),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await stack?.stop();
});

const STEPS =
  'query($id: ID!) { order(id: $id) { placedAt approvalSteps { level role status dueAt escalations } statusHistory { status comment } } }';
const sweep = (now: Date) => sweepApprovalDeadlines(stack.orms.orders.em.fork(), { now, settings, notBefore: startedAt });
const expire = (orderId: string) =>
  stack.orms.orders.em
    .fork()
    .getConnection()
    .execute(`update "orders"."order_approval_step" set due_at = now() - interval '1 minute' where order_id = ? and status = 'PENDING'`, [
      orderId,
    ]);

describe('approval deadlines', () => {
  it('schedules the deadline, reminds before it and escalates past it to the next level', async () => {
    const id = await placePending(platinum);
    await sweep(new Date());
    let { order } = await manager.data(STEPS, { id });
    const dueAt = new Date(order.approvalSteps[0].dueAt).getTime();
    // Level 2: 24 hours from placement.
    expect(dueAt - new Date(order.placedAt).getTime()).toBe(settings.hoursLevels1to2 * HOUR);
    // pg-boss does not run here: no job (its schema is installed by the migrations all the same).
    const [{ jobs }] = await stack.orms.orders.em
      .fork()
      .getConnection()
      .execute(`select count(*)::int as jobs from pgboss.job where data->>'orderId' = ?`, [id]);
    expect(jobs).toBe(0);

    const live = hub.size;
    const socket = createClient({
      url: stack.gatewayUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${director.accessToken}` },
      retryAttempts: 0,
    });
    sockets.push(socket);
    const queue: { orderId: string; type: string; level: number | null; reason: string | null }[] = [];
    socket.subscribe<{ approvalQueueChanged: (typeof queue)[number] }>(
      { query: 'subscription { approvalQueueChanged { orderId type level reason } }' },
      { next: (r) => r.data && queue.push(r.data.approvalQueueChanged), error: () => {}, complete: () => {} },
    );
    await subscribed(hub, live + 1);

    // An hour before the deadline: one reminder, not two.
    await sweep(new Date(dueAt - HOUR));
    await sweep(new Date(dueAt - HOUR / 2));
    ({ order } = await manager.data(STEPS, { id }));
    expect(order.approvalSteps).toMatchObject([{ level: 2, status: 'PENDING', escalations: 0 }]);

    await expire(id);
    const now = new Date();
    await sweep(now);
    ({ order } = await manager.data(STEPS, { id }));
    expect(order.approvalSteps).toMatchObject([{ level: 3, role: 'SALES_DIRECTOR', status: 'PENDING', escalations: 1 }]);
    expect(new Date(order.approvalSteps[0].dueAt).getTime()).toBe(now.getTime() + settings.hoursAbove * HOUR);
    expect(order.statusHistory.at(-1).status).toBe('PENDING_APPROVAL');
    expect(order.statusHistory.at(-1).comment).toMatch(/escalated to a SALES_DIRECTOR \(level 3\)/);

    // One reminder and one escalation reached the director's queue (two transactions: either may be published first).
    await until('the escalation in the approval queue', () => queue.some((e) => e.orderId === id && e.type === 'ESCALATED'));
    expect(
      queue
        .filter((e) => e.orderId === id)
        .map((e) => e.type)
        .sort(),
    ).toEqual(['ESCALATED', 'REMINDER']);

    const feed = await platinum.data('{ notifications(first: 20) { nodes { orderId type reason } } }');
    const mine = feed.notifications.nodes.filter((n: { orderId: string }) => n.orderId === id).map((n: { type: string }) => n.type);
    expect(mine).toContain('ESCALATED');
    expect(mine).toContain('REMINDER');

    // The step is the director's now: the manager may no longer decide it, the director may.
    const APPROVE = 'mutation($id: ID!) { approveOrder(orderId: $id) { order { status } userErrors { code } } }';
    expect((await manager.data(APPROVE, { id })).approveOrder.userErrors).toEqual([{ code: 'FORBIDDEN' }]);
    expect((await director.data(APPROVE, { id })).approveOrder).toEqual({ order: { status: 'APPROVED' }, userErrors: [] });
    await expire(id);
    expect(await sweep(new Date())).toMatchObject({ escalated: 0 });
  });

  it('escalates an overdue step exactly once when sweeps race', async () => {
    const id = await placePending(platinum);
    await sweep(new Date());
    await expire(id);
    const now = new Date();
    const results = await Promise.all([sweep(now), sweep(now), sweep(now)]);
    expect(results.reduce((n, r) => n + r.escalated, 0)).toBe(1);
    const { order } = await manager.data(STEPS, { id });
    expect(order.approvalSteps).toMatchObject([{ level: 3, escalations: 1 }]);
    expect(order.statusHistory.filter((h: { comment: string | null }) => h.comment?.includes('escalated'))).toHaveLength(1);
  });
});
