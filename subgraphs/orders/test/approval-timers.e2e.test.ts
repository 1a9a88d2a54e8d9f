import { randomUUID } from 'node:crypto';

import { createTestDatabase, type GraphQLClient, startTestStack, type TestDatabase, type TestStack } from '@dealergraph/testing';
import { type Client, createClient } from 'graphql-ws';
import { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { ApprovalTimers } from '../src/approvals/approval-timers.service.js';
import { DEFAULT_WORKFLOW_SETTINGS } from '../src/config.js';
import { OrderEventHub, subscribed } from './support/live.js';
import { placePending } from './support/pending-order.js';

/**
 * Approval reminders and escalations as pg-boss jobs, on a clock the test moves by hand: the orders
 * service runs on a pg-boss TestClock, which pg-boss's own SQL reads too (job_now()), so a job comes
 * due when the test moves the clock past it and the real worker fetches and runs it. Everything is
 * read through the gateway: the order's steps, the dealer's notification feed and orderUpdated on a
 * real graphql-ws client. The second test stops the stack between scheduling and the deadline and
 * starts another on the same database: the job survives and escalates there.
 */
let database: TestDatabase;
let stack: TestStack;
let platinum: GraphQLClient;
let manager: GraphQLClient;
const sockets: Client[] = [];
const clock = new TestClock(new Date());
const settings = DEFAULT_WORKFLOW_SETTINGS.approvalDeadlines;
const HOUR = 3_600_000;

/** The running orders subgraph's hub (a new one per start): a test waits until its subscription is live there. */
let hub: OrderEventHub;

async function start() {
  hub = new OrderEventHub();
  stack = await startTestStack({ database, orders: { clock, events: hub } });
  [platinum, manager] = await Promise.all(['platinum@demo.dealer', 'manager@demo.staff'].map((e) => stack.loginAs(e)));
}

/** Orders placed by these tests are the ones after this moment (approvalStats counts from here). */
let testStart: Date;

beforeAll(async () => {
  testStart = new Date();
  database = await createTestDatabase({ seeded: true });
  await start();
}, 120_000);

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await stack?.stop();
  await database?.drop();
});

const STEPS =
  'query($id: ID!) { order(id: $id) { placedAt approvalSteps { level role status dueAt escalations } statusHistory { status comment } } }';

/** The pg-boss jobs of an order's steps, as the queue holds them. */
async function jobsOf(orderId: string) {
  const rows = await stack.orms.orders.em
    .fork()
    .getConnection()
    .execute<{ key: string; state: string; start_after: Date }[]>(
      `select singleton_key as key, state::text as state, start_after from pgboss.job where name = 'approval-deadline' and data->>'orderId' = ? order by start_after, singleton_key`,
      [orderId],
    );
  return rows.map((r) => ({ key: r.key.replace(/^[^:]+:/, ''), state: r.state, startAfter: new Date(r.start_after).getTime() }));
}

/** A deadline job due at `at` for a step that does not exist (the handler finds nothing to do); its id. */
async function controlJob(at: number): Promise<string> {
  const id = randomUUID();
  const data = { orderId: randomUUID(), stepId: randomUUID(), level: 2, kind: 'REMIND', runAt: new Date(at).toISOString() };
  await stack.orms.orders.em
    .fork()
    .getConnection()
    .execute(`insert into pgboss.job (id, name, data, start_after) values (?, 'approval-deadline', ?::jsonb, ?)`, [
      id,
      JSON.stringify(data),
      new Date(at),
    ]);
  return id;
}

async function jobState(id: string): Promise<string> {
  const [row] = await stack.orms.orders.em
    .fork()
    .getConnection()
    .execute<{ state: string }[]>(`select state::text as state from pgboss.job where id = ?`, [id]);
  return row.state;
}

/** The dealer's live view of one order: every orderUpdated payload. */
function watch(client: GraphQLClient, orderId: string) {
  const socket = createClient({
    url: stack.gatewayUrl.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${client.accessToken}` },
    retryAttempts: 0,
  });
  sockets.push(socket);
  const received: { status: string; dealer: { name: string }; approvalSteps: { level: number; role: string; escalations: number }[] }[] =
    [];
  socket.subscribe<{ orderUpdated: (typeof received)[number] }>(
    {
      query: 'subscription($id: ID) { orderUpdated(orderId: $id) { status dealer { name } approvalSteps { level role escalations } } }',
      variables: { id: orderId },
    },
    { next: (r) => r.data && received.push(r.data.orderUpdated), error: () => {}, complete: () => {} },
  );
  return received;
}

/**
 * Waits (up to 15 s of real time: the jobs run on the worker, not in the test) until `done` says so.
 * Each round moves the clock by one polling interval, so the worker polls again: the demo data's
 * waiting orders have jobs due at the same time, more than one batch.
 */
async function eventually(done: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 15_000;
  while (!(await done()) && Date.now() < deadline) {
    await clock.tick(DEFAULT_WORKFLOW_SETTINGS.approvalPollSeconds * 1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Moves the approval clock to `at` and lets the worker's poll that the jump passed fire. */
async function moveClockTo(at: number) {
  await clock.setTime(at);
  await clock.tick(1);
}

const feedTypes = async (orderId: string) => {
  const feed = await platinum.data('{ notifications(first: 50) { nodes { orderId type } } }');
  return feed.notifications.nodes
    .filter((n: { orderId: string }) => n.orderId === orderId)
    .map((n: { type: string }) => n.type) as string[];
};

describe('approval timers on pg-boss', () => {
  it('reminds before the deadline and escalates at it, through the queue, and the dealer sees it live', async () => {
    await clock.setTime(Date.now());
    const id = await placePending(platinum);
    let { order } = await manager.data(STEPS, { id });
    const dueAt = new Date(order.approvalSteps[0].dueAt).getTime();
    expect(dueAt - new Date(order.placedAt).getTime()).toBe(settings.hoursLevels1to2 * HOUR);
    // Two jobs, sent with the step: the reminder before the deadline and the escalation at it.
    expect(await jobsOf(id)).toEqual([
      { key: '2:REMIND', state: 'created', startAfter: dueAt - settings.reminderBeforeMs },
      { key: '2:DUE', state: 'created', startAfter: dueAt },
    ]);
    const before = hub.size;
    const live = watch(platinum, id);
    await subscribed(hub, before + 1);

    // Before the reminder: nothing of the order runs. The positive control: a job already due (for no
    // step: a no-op) is taken by the worker's polls meanwhile, so the worker did look at the queue.
    const early = dueAt - settings.reminderBeforeMs - 30 * 60_000;
    await moveClockTo(early);
    const control = await controlJob(early - 1000);
    while ((await jobState(control)) === 'created' && clock.now() < dueAt - settings.reminderBeforeMs - 60_000) {
      await clock.tick(DEFAULT_WORKFLOW_SETTINGS.approvalPollSeconds * 1000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await jobState(control)).not.toBe('created');
    expect((await jobsOf(id)).map((j) => j.state)).toEqual(['created', 'created']);

    await moveClockTo(dueAt - settings.reminderBeforeMs + 1000);
    await eventually(async () => (await feedTypes(id)).includes('REMINDER'));
    expect(await feedTypes(id)).toContain('REMINDER');
    ({ order } = await manager.data(STEPS, { id }));
    expect(order.approvalSteps).toMatchObject([{ level: 2, status: 'PENDING', escalations: 0 }]);

    await moveClockTo(dueAt + 60_000);
    await eventually(() => live.some((o) => o.approvalSteps[0]?.level === 3));
    const escalated = live.find((o) => o.approvalSteps[0]?.level === 3);
    expect(escalated).toEqual({
      status: 'PENDING_APPROVAL',
      dealer: { name: 'Demo Platinum Dealer' },
      approvalSteps: [{ level: 3, role: 'SALES_DIRECTOR', escalations: 1 }],
    });
    ({ order } = await manager.data(STEPS, { id }));
    const newDue = new Date(order.approvalSteps[0].dueAt).getTime();
    expect(newDue).toBeGreaterThanOrEqual(dueAt + 60_000 + settings.hoursAbove * HOUR);
    expect(order.statusHistory.at(-1).comment).toMatch(/escalated to a SALES_DIRECTOR \(level 3\)/);
    expect(await feedTypes(id)).toContain('ESCALATED');
    // The level-2 jobs are done; the escalation sent the level-3 ones in its transaction.
    await eventually(async () => (await jobsOf(id)).filter((j) => j.state === 'completed').length === 2);
    expect(await jobsOf(id)).toEqual([
      { key: '2:REMIND', state: 'completed', startAfter: dueAt - settings.reminderBeforeMs },
      { key: '2:DUE', state: 'completed', startAfter: dueAt },
      { key: '3:REMIND', state: 'created', startAfter: newDue - settings.reminderBeforeMs },
      { key: '3:DUE', state: 'created', startAfter: newDue },
    ]);
  });

  it('does nothing when the step was decided before its deadline', async () => {
    await clock.setTime(Date.now());
    const id = await placePending(platinum);
    const { order } = await manager.data(STEPS, { id });
    const dueAt = new Date(order.approvalSteps[0].dueAt).getTime();
    const approved = await manager.data('mutation($id: ID!) { approveOrder(orderId: $id) { order { status } userErrors { code } } }', {
      id,
    });
    expect(approved.approveOrder).toEqual({ order: { status: 'APPROVED' }, userErrors: [] });
    await moveClockTo(dueAt + 60_000);
    await eventually(async () => (await jobsOf(id)).every((j) => j.state === 'completed'));
    expect((await jobsOf(id)).map((j) => j.state)).toEqual(['completed', 'completed']);
    const after = await manager.data(STEPS, { id });
    expect(after.order.approvalSteps).toMatchObject([{ level: 2, status: 'APPROVED', escalations: 0 }]);
    expect(await feedTypes(id)).not.toContain('ESCALATED');
    expect(await feedTypes(id)).not.toContain('REMINDER');
  });

  it('still escalates after the orders service restarts between scheduling and the deadline', async () => {
    await clock.setTime(Date.now());
    const id = await placePending(platinum);
    const { order } = await manager.data(STEPS, { id });
    const dueAt = new Date(order.approvalSteps[0].dueAt).getTime();
    const scheduled = await jobsOf(id);
    expect(scheduled.map((j) => j.key)).toEqual(['2:REMIND', '2:DUE']);

    // Everything stops (pg-boss with it); a new stack starts on the same database. Its start-up
    // re-sends the jobs of every waiting step: the job ids make that a no-op, nothing doubles.
    await Promise.all(sockets.splice(0).map((s) => s.dispose()));
    await stack.stop();
    await start();
    expect(await jobsOf(id)).toEqual(scheduled);

    const before = hub.size;
    const live = watch(platinum, id);
    await subscribed(hub, before + 1);
    await moveClockTo(dueAt + 60_000);
    await eventually(() => live.some((o) => o.approvalSteps[0]?.level === 3));
    expect(live.find((o) => o.approvalSteps[0]?.level === 3)?.approvalSteps).toEqual([
      { level: 3, role: 'SALES_DIRECTOR', escalations: 1 },
    ]);
    const after = await manager.data(STEPS, { id });
    expect(after.order.statusHistory.filter((h: { comment: string | null }) => h.comment?.includes('escalated'))).toHaveLength(1);
  });

  it('shows the dealer the approval state, the current step and an estimated decision time; staff the over-approval view', async () => {
    await clock.setTime(Date.now());
    const STATE =
      'query($id: ID!) { order(id: $id) { status placedAt approvalState estimatedDecisionAt currentApprovalStep { level role status dueAt } } }';
    const id = await placePending(platinum);
    const { order } = await platinum.data(STATE, { id });
    expect(order).toMatchObject({
      status: 'PENDING_APPROVAL',
      approvalState: 'PENDING',
      currentApprovalStep: { level: 2, role: 'REGIONAL_MANAGER', status: 'PENDING' },
    });
    expect(new Date(order.currentApprovalStep.dueAt).getTime() - new Date(order.placedAt).getTime()).toBe(settings.hoursLevels1to2 * HOUR);

    // The over-approval view of what these tests placed: four level-2 orders, two escalated to level 3
    // (still waiting), one approved at level 2 (a decision: a median), and this one.
    const { approvalStats } = await manager.data(
      'query($from: DateTimeISO) { approvalStats(from: $from) { totalOrders ordersNeedingApproval approvalShare byRule { rule level orders share decided medianSecondsToDecision } } }',
      { from: testStart.toISOString() },
    );
    expect(approvalStats).toMatchObject({ totalOrders: 4, ordersNeedingApproval: 4, approvalShare: 1 });
    const byLevel = (level: number) => approvalStats.byRule.filter((r: { level: number }) => r.level === level);
    expect(byLevel(2)).toHaveLength(1);
    expect(byLevel(2)[0]).toMatchObject({ orders: 2, share: 0.5, decided: 1 });
    expect(byLevel(3)[0]).toMatchObject({ orders: 2, share: 0.5, decided: 0, medianSecondsToDecision: null });
    const median = byLevel(2)[0].medianSecondsToDecision;
    expect(median).toBeGreaterThanOrEqual(0);
    const denied = await platinum.request('{ approvalStats { totalOrders } }');
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The estimate is placement plus the median time to decision at level 2 (seconds, rounded in the stats).
    expect(
      Math.abs(new Date(order.estimatedDecisionAt).getTime() - new Date(order.placedAt).getTime() - median * 1000),
    ).toBeLessThanOrEqual(1000);

    const { rejectOrder } = await manager.data(
      'mutation($id: ID!) { rejectOrder(orderId: $id, reason: "Split it") { order { approvalState currentApprovalStep { level } estimatedDecisionAt } userErrors { code } } }',
      { id },
    );
    expect(rejectOrder).toEqual({
      order: { approvalState: 'REJECTED', currentApprovalStep: null, estimatedDecisionAt: null },
      userErrors: [],
    });
    const auto = await platinum.data(
      '{ orders(first: 50, filter: { status: DELIVERED }) { nodes { approvalState approvalSteps { status } currentApprovalStep { level } } } }',
    );
    expect(auto.orders.nodes.length).toBeGreaterThan(0);
    for (const o of auto.orders.nodes) expect(o.approvalState).toBe(o.approvalSteps.length === 0 ? 'NOT_REQUIRED' : 'APPROVED');
  });

  it('escalates once when the same job runs several times at once (a redelivery racing the first run)', async () => {
    await clock.setTime(Date.now());
    const id = await placePending(platinum);
    const { order } = await manager.data(STEPS, { id });
    const dueAt = order.approvalSteps[0].dueAt;
    const [{ step_id: stepId }] = await stack.orms.orders.em
      .fork()
      .getConnection()
      .execute(`select id as step_id from orders.order_approval_step where order_id = ?`, [id]);
    // The handler the worker calls, on its own (no queue): three deliveries of the level-2 deadline job.
    const handler = new ApprovalTimers(settings, clock);
    const job = { orderId: id, stepId, level: 2, kind: 'ESCALATE' as const, runAt: dueAt };
    const results = await Promise.all([1, 2, 3].map(() => handler.run(stack.orms.orders.em.fork(), job)));
    expect(results.filter((r) => r === 'ESCALATE')).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(2);
    // A late delivery of a job of the level the step has left does nothing either.
    expect(await handler.run(stack.orms.orders.em.fork(), job)).toBeNull();
    const after = await manager.data(STEPS, { id });
    expect(after.order.approvalSteps).toMatchObject([{ level: 3, escalations: 1 }]);
    expect(after.order.statusHistory.filter((h: { comment: string | null }) => h.comment?.includes('escalated'))).toHaveLength(1);
  });
});
