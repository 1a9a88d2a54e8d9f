import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import { type GraphQLClient, startTestStack, type TestStack, until } from '@dealergraph/testing';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sweepApprovalDeadlines } from '../src/approvals/approval-escalation.service.js';
import { DEFAULT_WORKFLOW_SETTINGS } from '../src/config.js';
import { MailLinks } from '../src/notifications/mail-links.service.js';

/**
 * Mail notifications through the real gateway and a real SMTP receiver (smtp-server): who gets
 * which mail, the dev mailbox, the one-click approval link (GET changes nothing, POST decides once,
 * a replay or an expired or altered link is refused) and the RFC 8058 one-click unsubscribe.
 * Every order over 1.00 waits for a REGIONAL_MANAGER here (the demo rule's threshold lowered):
 * Demo Platinum is in the Northeast (manager@demo.staff's region, rep@demo.staff's dealer), Demo
 * Bronze in the Southeast.
 */
interface Received {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  /** The raw header lines, by lower-case name. */
  headers: Map<string, string>;
}

const LINK_SECRET = 'mail-links-test-secret';
const received: Received[] = [];
/** Addresses whose next delivery the receiver refuses once (a transient 451), to see a retry. */
const refuseOnce = new Set<string>();
/** Addresses the receiver refuses for good (550) while listed. */
const refuseAlways = new Set<string>();
let smtp: SMTPServer;
let stack: TestStack;
let origin: string;
let platinum: GraphQLClient;
let bronze: GraphQLClient;
let director: GraphQLClient;
/** Steps waiting before the tests (demo data) are left to their own deadlines. */
let startedAt: Date;

const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status } userErrors { code message } } }';
const FULFIL = `mutation($input: OrderFulfillmentInput!) { updateOrderFulfillment(input: $input) { order { id status } userErrors { code message } } }`;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseOnce.delete(address.address)) return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
      if (refuseAlways.has(address.address)) return callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
          const headers = new Map(mail.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()]));
          received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', messageId: mail.messageId ?? '', headers });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  stack = await startTestStack({
    orders: {
      notifications: {
        smtpUrl: `smtp://127.0.0.1:${port}`,
        linkSecret: LINK_SECRET,
        publicUrl: 'http://portal.example',
        retryDelaySeconds: 1,
        // One retry: a mail the server keeps refusing is FAILED after two tries.
        retryLimit: 1,
        pollSeconds: 1,
      },
    },
  });
  origin = new URL(stack.gatewayUrl).origin;
  startedAt = new Date();
  const admin = await stack.loginAs('admin@demo.staff');
  const rule = await admin.data(
    'mutation($input: UpdateApprovalRuleInput!) { updateApprovalRule(input: $input) { userErrors { code } } }',
    {
      input: { name: 'AMOUNT_OVER_10000', threshold: '1.00', reason: 'mail test' },
    },
  );
  expect(rule.updateApprovalRule.userErrors).toEqual([]);
  [platinum, bronze, director] = await Promise.all(
    ['platinum@demo.dealer', 'bronze@demo.dealer', 'director@demo.staff'].map((e) => stack.loginAs(e)),
  );
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

async function place(client: GraphQLClient): Promise<{ id: string; number: string }> {
  const { products } = await client.data(
    '{ products(first: 50, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } appliedRules } } } }',
  );
  const item = (
    products.nodes as {
      sku: string;
      stock: { available: number };
      price: { unitPrice: { amount: string }; appliedRules: string[] } | null;
    }[]
  ).find(
    (p) => p.price && p.stock.available >= 2 && !p.price.appliedRules.includes('SPECIAL_PRICE') && Number(p.price.unitPrice.amount) < 500,
  );
  if (!item) throw new Error('no product fits');
  const { placeOrder } = await client.data(PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku: item.sku, quantity: 1 }] } });
  expect(placeOrder.userErrors).toEqual([]);
  expect(placeOrder.order.status).toBe('PENDING_APPROVAL');
  return placeOrder.order;
}

const about = (number: string) => received.filter((m) => m.subject.includes(number));
const mailTo = (email: string, subject: string) =>
  until(`a mail "${subject}" to ${email}`, () => received.find((m) => m.to.includes(email) && m.subject.includes(subject)));
/** The link in a mail, on the test gateway's origin (mails name the configured public URL). */
const linkIn = (mail: Received, kind: 'approval' | 'unsubscribe') => {
  const found = mail.text.match(new RegExp(`http://portal\\.example(/mail/${kind}/[A-Za-z0-9._-]+)`));
  if (!found) throw new Error(`no ${kind} link in "${mail.subject}"`);
  return `${origin}${found[1]}`;
};
const statusOf = async (id: string) =>
  (await director.data('query($id: ID!) { order(id: $id) { status } }', { id })).order.status as string;
const post = async (url: string, form: Record<string, string>) => {
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
  return { status: response.status, body: await response.text() };
};
const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
};

describe('mail notifications', () => {
  it('an order waiting at level 2: a mail to its regional manager, whose link approves it after a confirmation; the dealer is told', async () => {
    const order = await place(platinum);
    const approverMail = await mailTo('manager@demo.staff', `Approval needed: order ${order.number}`);
    // The dealer's three users hear of the placement; the manager of the region is the only approver.
    await mailTo('viewer@demo.dealer', `Order ${order.number} placed`);
    await until('the placement mails of all three dealer users', () => about(order.number).length >= 4);
    expect(
      about(order.number)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual(['manager@demo.staff', 'orders@demo.dealer', 'platinum@demo.dealer', 'viewer@demo.dealer']);
    expect(approverMail.messageId).toMatch(/@dealergraph\.mail>?$/);
    expect(approverMail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(approverMail.headers.get('list-unsubscribe')).toMatch(/^<http:\/\/portal\.example\/mail\/unsubscribe\/[^>]+>$/);

    // The dev mailbox has the same mails, newest first, through the gateway.
    type Kept = { id: string; to: string[]; subject: string; html: string; sentAt: string };
    const readMailbox = async () => (await (await fetch(`${origin}/dev/mailbox.json`)).json()) as Kept[];
    // Kept once the SMTP server took it: wait for the last of the four.
    await until(
      'four mails in the dev mailbox',
      async () => (await readMailbox()).filter((m) => m.subject.includes(order.number)).length === 4,
    );
    const mailbox = await readMailbox();
    const mine = mailbox.filter((m) => m.subject.includes(order.number));
    expect(
      mine
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual(['manager@demo.staff', 'orders@demo.dealer', 'platinum@demo.dealer', 'viewer@demo.dealer']);
    const times = mailbox.map((m) => m.sentAt);
    expect([...times].sort().reverse()).toEqual(times);
    const page = await get(`${origin}/dev/mailbox`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`Approval needed: order ${order.number}`);

    // GET shows the order and changes nothing (twice: a mail scanner, then the person).
    const link = linkIn(approverMail, 'approval');
    for (let i = 0; i < 2; i++) {
      const shown = await get(link);
      expect(shown.status).toBe(200);
      expect(shown.body).toContain(`Approve order ${order.number}`);
    }
    expect(await statusOf(order.id)).toBe('PENDING_APPROVAL');

    const decided = await post(link, { decision: 'APPROVE' });
    expect(decided.status).toBe(200);
    expect(decided.body).toContain(`order ${order.number} is now APPROVED`);
    expect(await statusOf(order.id)).toBe('APPROVED');
    // A replay is refused and says why.
    const replay = await post(link, { decision: 'APPROVE' });
    expect(replay.status).toBe(410);
    expect(replay.body).toContain('already used');
    expect((await get(link)).body).toContain('already used');

    await mailTo('platinum@demo.dealer', `Order ${order.number} approved`);
    await until('the approval mails of all three dealer users', () => about(`Order ${order.number} approved`).length >= 3);
    // One mail per person and event: nobody got anything twice.
    const keys = about(order.number).map((m) => `${m.to.join()}|${m.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('nobody else hears: not another dealer, not an approver out of scope, not the levels above', async () => {
    const order = await place(bronze);
    // Demo Bronze (Southeast) has no regional manager among the demo staff: the director, the lowest level above in scope, is asked.
    await mailTo('director@demo.staff', `Approval needed: order ${order.number}`);
    await mailTo('bronze@demo.dealer', `Order ${order.number} placed`);
    const platinumOrder = await place(platinum);
    // Positive control, committed after the bronze order: once it arrived, the bronze order's mails are all in.
    await mailTo('manager@demo.staff', `Approval needed: order ${platinumOrder.number}`);
    const recipients = about(order.number).flatMap((m) => m.to);
    for (const outsider of [
      'manager@demo.staff',
      'rep@demo.staff',
      'platinum@demo.dealer',
      'orders@demo.dealer',
      'finance@demo.staff',
      'gm@demo.staff',
    ])
      expect(recipients).not.toContain(outsider);
  });

  it('a rejection from the link needs a reason, decides once under a burst of clicks, and the dealer reads the reason', async () => {
    const order = await place(platinum);
    const link = linkIn(await mailTo('manager@demo.staff', `Approval needed: order ${order.number}`), 'approval');
    const noReason = await post(link, { decision: 'REJECT', reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(await statusOf(order.id)).toBe('PENDING_APPROVAL');
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(link, { decision: 'REJECT', reason: 'Split <it> in two' })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 200).every((a) => a.status === 410 || a.status === 409)).toBe(true);
    expect(await statusOf(order.id)).toBe('REJECTED');
    const uses = await stack.orms.orders.em
      .getConnection()
      .execute(`select count(*)::int as n from "orders"."mail_link_use" where order_id = ?`, [order.id]);
    expect(uses[0].n).toBe(1);
    const rejected = await mailTo('orders@demo.dealer', `Order ${order.number} rejected`);
    expect(rejected.text).toContain('Reason: Split <it> in two');
  });

  it('a reminder before the deadline goes to the waiting level, an escalation past it to the next level', async () => {
    const order = await place(platinum);
    await mailTo('manager@demo.staff', `Approval needed: order ${order.number}`);
    const settings = DEFAULT_WORKFLOW_SETTINGS.approvalDeadlines;
    const sweep = () => sweepApprovalDeadlines(stack.orms.orders.em.fork(), { now: new Date(), settings, notBefore: startedAt });
    const dueIn = (interval: string) =>
      stack.orms.orders.em
        .fork()
        .getConnection()
        .execute(
          `update "orders"."order_approval_step" set due_at = now() + interval '${interval}' where order_id = ? and status = 'PENDING'`,
          [order.id],
        );
    await dueIn('1 hour');
    await sweep();
    const reminder = await mailTo('manager@demo.staff', `Reminder: order ${order.number}`);
    expect(reminder.text).toContain('/mail/approval/');
    await dueIn('-1 minute');
    await sweep();
    const escalated = await mailTo('director@demo.staff', `Escalated to you: order ${order.number}`);
    expect(escalated.text).toContain('(level 3)');
    // The director's link decides: level 3 now waits, and the director is in scope.
    expect((await post(linkIn(escalated, 'approval'), { decision: 'APPROVE' })).status).toBe(200);
    await mailTo('platinum@demo.dealer', `Order ${order.number} approved`);
    // Positive control passed (the approval mail came after): nobody else was told of the reminder or the escalation.
    const approverMails = about(order.number).filter((m) => /^(Reminder|Escalated)/.test(m.subject));
    expect(approverMails.map((m) => `${m.to.join()}|${m.subject.split(':')[0]}`).sort()).toEqual([
      'director@demo.staff|Escalated to you',
      'manager@demo.staff|Reminder',
    ]);
  });

  it('an event planned again (a crash before it was marked) makes no second mail', async () => {
    const order = await place(platinum);
    await until('the placement mails', () => about(`Order ${order.number} placed`).length >= 3);
    const connection = stack.orms.orders.em.getConnection();
    const count = async () =>
      (await connection.execute(`select count(*)::int as n from "orders"."mail_notification" where order_id = ?`, [order.id]))[0]
        .n as number;
    const before = await count();
    // As if the planner died after inserting the mails and before marking the events planned.
    await connection.execute(`update "orders"."order_event" set notified_at = null where order_id = ?`, [order.id]);
    await until('the events planned again', async () => {
      const [row] = await connection.execute(
        `select count(*)::int as n from "orders"."order_event" where order_id = ? and notified_at is null`,
        [order.id],
      );
      return row.n === 0;
    });
    // Positive control: a later order's mails arrive, so anything the replanning sent would have too.
    const later = await place(platinum);
    await until('the later placement mails', () => about(`Order ${later.number} placed`).length >= 3);
    expect(await count()).toBe(before);
    const keys = about(order.number).map((m) => `${m.to.join()}|${m.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a mail the server keeps refusing fails after its retries, is logged, and staff admins see why', async () => {
    refuseAlways.add('orders@demo.dealer');
    try {
      const order = await place(platinum);
      await mailTo('platinum@demo.dealer', `Order ${order.number} placed`);
      const failed = await until('the refused mail marked FAILED', async () => {
        const [row] = await stack.orms.orders.em
          .getConnection()
          .execute(`select id, status, attempts from "orders"."mail_notification" where order_id = ? and email = 'orders@demo.dealer'`, [
            order.id,
          ]);
        return row?.status === 'FAILED' && row;
      });
      expect(failed.attempts).toBe(2);
      const admin = await stack.loginAs('admin@demo.staff');
      const { mailDeliveries } = await admin.data(
        '{ mailDeliveries(first: 100, status: FAILED) { nodes { id to subject attempts lastError } } }',
      );
      expect(mailDeliveries.nodes.find((m: { id: string }) => m.id === failed.id)).toMatchObject({
        to: 'orders@demo.dealer',
        subject: `Order ${order.number} placed`,
        attempts: 2,
        lastError: expect.stringContaining('550'),
      });
      // Operations see it too (docs/OPERATIONS.md).
      const metrics = await stack.subgraphs.orders.metrics.registry.metrics();
      expect(metrics).toMatch(/dealergraph_mail_failed\{service="orders"\} [1-9]/);
      expect(metrics).toMatch(/dealergraph_mail_lag_seconds\{service="orders"\} \d/);
    } finally {
      refuseAlways.delete('orders@demo.dealer');
    }
  });

  it('an expired, altered or foreign link is refused and explains itself; nothing changes', async () => {
    const order = await place(platinum);
    const mail = await mailTo('manager@demo.staff', `Approval needed: order ${order.number}`);
    const link = linkIn(mail, 'approval');
    const managerId = (await (await stack.loginAs('manager@demo.staff')).data('{ me { id } }')).me.id as string;
    const expired = await new MailLinks(LINK_SECRET, origin, -1).approvalUrl({ userId: managerId, orderId: order.id, now: new Date() });
    const foreign = await new MailLinks('another-secret', origin, 72).approvalUrl({
      userId: managerId,
      orderId: order.id,
      now: new Date(),
    });
    for (const [url, status, words] of [
      [expired, 410, 'expired'],
      [foreign, 400, 'not valid'],
      [`${link.slice(0, -3)}AAA`, 400, 'not valid'],
    ] as const) {
      expect(await get(url)).toMatchObject({ status });
      const answer = await post(url, { decision: 'APPROVE' });
      expect(answer.status).toBe(status);
      expect(answer.body).toContain(words);
    }
    expect(await statusOf(order.id)).toBe('PENDING_APPROVAL');
  });

  it('one-click unsubscribe (RFC 8058) stops that kind for that user only; a shipment names carrier and tracking', async () => {
    const first = await place(platinum);
    const placed = await mailTo('viewer@demo.dealer', `Order ${first.number} placed`);
    const unsubscribe = await post(linkIn(placed, 'unsubscribe'), { 'List-Unsubscribe': 'One-Click' });
    expect(unsubscribe.status).toBe(200);
    expect(unsubscribe.body).toContain('ORDER_PLACED');

    const second = await place(platinum);
    const approve = linkIn(await mailTo('manager@demo.staff', `Approval needed: order ${second.number}`), 'approval');
    // Positive control: the approval (a later event) reaches the viewer, so the placement mail would have come before it.
    expect((await post(approve, { decision: 'APPROVE' })).status).toBe(200);
    await mailTo('viewer@demo.dealer', `Order ${second.number} approved`);
    await mailTo('platinum@demo.dealer', `Order ${second.number} placed`);
    expect(received.filter((m) => m.to.includes('viewer@demo.dealer') && m.subject === `Order ${second.number} placed`)).toEqual([]);

    // The same choice in the graph; the viewer turns it back on, and cannot choose an approver's kind.
    const viewer = await stack.loginAs('viewer@demo.dealer');
    const { notificationPreferences } = await viewer.data('{ notificationPreferences { kind email } }');
    expect(notificationPreferences).toEqual([
      { kind: 'ORDER_PLACED', email: 'OFF' },
      { kind: 'ORDER_APPROVED', email: 'IMMEDIATE' },
      { kind: 'ORDER_REJECTED', email: 'IMMEDIATE' },
      { kind: 'ORDER_SHIPPED', email: 'IMMEDIATE' },
      { kind: 'ORDER_DELIVERED', email: 'IMMEDIATE' },
    ]);
    const SET =
      'mutation($k: NotificationKind!, $e: EmailDelivery!) { setNotificationPreference(kind: $k, email: $e) { preferences { kind email } userErrors { code field } } }';
    const on = (await viewer.data(SET, { k: 'ORDER_PLACED', e: 'IMMEDIATE' })).setNotificationPreference;
    expect(on.userErrors).toEqual([]);
    expect(on.preferences[0]).toEqual({ kind: 'ORDER_PLACED', email: 'IMMEDIATE' });
    const foreign = (await viewer.data(SET, { k: 'APPROVAL_WAITING', e: 'OFF' })).setNotificationPreference;
    expect(foreign.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['kind'] }]);

    // A transient refusal from the server is retried (pg-boss, backoff) and delivers once.
    refuseOnce.add('platinum@demo.dealer');
    const gm = await stack.loginAs('gm@demo.staff');
    expect((await gm.data(FULFIL, { input: { orderId: second.id, status: 'PROCESSING' } })).updateOrderFulfillment.userErrors).toEqual([]);
    const shipped = await gm.data(FULFIL, {
      input: { orderId: second.id, status: 'SHIPPED', carrier: 'UPS', trackingNumber: '1Z-TEST-42' },
    });
    expect(shipped.updateOrderFulfillment.userErrors).toEqual([]);
    const mail = await mailTo('platinum@demo.dealer', `Order ${second.number} shipped`);
    expect(mail.text).toContain('Carrier: UPS');
    expect(mail.text).toContain('Tracking number: 1Z-TEST-42');
    const row = await until('the shipment mail recorded as sent', async () => {
      const [found] = await stack.orms.orders.em
        .getConnection()
        .execute(
          `select status, attempts, last_error from "orders"."mail_notification" where order_id = ? and kind = 'ORDER_SHIPPED' and email = ?`,
          [second.id, 'platinum@demo.dealer'],
        );
      return found?.status === 'SENT' && found;
    });
    // The first try was refused (451), the second delivered; the refusal stays on record until then.
    expect(row).toEqual({ status: 'SENT', attempts: 2, last_error: null });
    expect(received.filter((m) => m.to.includes('platinum@demo.dealer') && m.subject === `Order ${second.number} shipped`)).toHaveLength(1);
    expect((await gm.data(FULFIL, { input: { orderId: second.id, status: 'DELIVERED' } })).updateOrderFulfillment.userErrors).toEqual([]);
    await mailTo('viewer@demo.dealer', `Order ${second.number} delivered`);
  });
});
