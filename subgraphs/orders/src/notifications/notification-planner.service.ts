import { randomUUID } from 'node:crypto';

import type { InternalClient, Logger } from '@dealergraph/runtime';
import type { MikroORM } from '@mikro-orm/postgresql';
import { fromKnex, type PgBoss } from 'pg-boss';

import { type Contact, DEALER_KINDS, notificationsOf, type PlannedNotification, recipientsOf } from './domain/notification-audience.js';
import { type QuietHours, releaseTime } from './domain/quiet-hours.js';
import { rateLimitedAt } from './domain/recipient-rate-limit.js';
import type { MailLinks } from './mail-links.service.js';
import { PUSH_QUEUE, type PushJobData } from './push-delivery.service.js';
import { type MailModel, type RenderedPush, renderMail, renderPush } from './templates/mail-templates.js';

/** The pg-boss queue of mails to send (schema `pgboss`, like the approval timers). */
export const MAIL_QUEUE = 'mail-notification';

/** What a mail job carries: the notification row to send. */
export interface MailJobData {
  notificationId: string;
}

interface EventRow {
  id: string;
  order_id: string;
  dealer_id: string;
  type: string;
  status: string | null;
  data: Record<string, unknown> | null;
  at: Date;
}

interface OrderRow {
  id: string;
  number: string;
  status: string;
  dealer_id: string;
  currency: string;
  total: string;
  po_number: string | null;
  carrier: string | null;
  tracking_number: string | null;
  rejection: { reason: string; alternatives: { kind: string; amount: number | null; note: string | null }[] } | null;
  sales_rep_user_id: string | null;
  dealer_region: string | null;
}

/** One mail planned for one recipient, as inserted into mail_notification. */
interface PlannedMail {
  id: string;
  event_id: string;
  order_id: string;
  user_id: string;
  kind: string;
  email: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** When it may go out: now, or when the recipient's quiet hours end (the job waits until then). */
  release_at: string;
}

/** One web push message for one device of one recipient, as inserted into push_notification. */
interface PlannedPush {
  id: string;
  event_id: string;
  user_id: string;
  subscription_id: string;
  kind: string;
  payload: RenderedPush & { kind: string };
  release_at: string;
}

const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * Turns committed order events into mails: the planner of the notifications outbox. For a batch of
 * events not yet planned (`order_event.notified_at` null) and already published by the relay (so the
 * planner's row locks never make the relay's `for update skip locked` pass over an event and publish
 * a later one first: live subscribers get events in commit order) it reads the orders as they stand, asks
 * dealers once for the people (notificationContacts) and the dealers' names, decides who hears of
 * what (domain/notification-audience.ts, preferences included) and renders each mail; then, in one
 * transaction, inserts the mails (unique per event, recipient and kind: a second planning of the same
 * event inserts nothing), sends one pg-boss job per new mail (job id = mail id) and marks the events
 * planned. No transaction waits on the call to dealers; a failed call leaves the events for the next round.
 * Web push rides along: each recipient who did not turn the kind's push off gets one message per
 * subscribed device (push_notification, unique per event, device and kind; queue `push-notification`).
 */
export class NotificationPlanner {
  constructor(
    private readonly deps: {
      orm: MikroORM;
      boss: PgBoss;
      dealers: InternalClient<'dealers'>;
      links: MailLinks;
      logger: Logger;
      locale: string;
      batchSize: number;
      /** Which channels deliver: no mail rows are planned where nothing would send them (production without SMTP_URL). */
      channels: { mail: boolean; push: boolean };
      /** Non-urgent notifications per person and channel in any hour before the next ones wait (0: no limit). */
      ratePerHour?: number;
    },
  ) {}

  /** Plans one batch; returns how many events it took. */
  async planBatch(): Promise<number> {
    const { orm } = this.deps;
    const schema = orm.config.get('schema') ?? 'orders';
    const connection = orm.em.getConnection();
    const events = await connection.execute<EventRow[]>(
      `select id, order_id, dealer_id, type, status, data, at from "${schema}"."order_event"
        where notified_at is null and published_at is not null order by at, id limit ?`,
      [this.deps.batchSize],
    );
    if (events.length === 0) return 0;
    const { mails, pushes } = await this.deliveriesFor(schema, events);
    await this.limitRates(schema, mails, pushes);
    await orm.em.fork().transactional(async (em) => {
      let created: { id: string }[] = [];
      if (mails.length > 0) {
        created = await em.execute<{ id: string }[]>(
          `insert into "${schema}"."mail_notification" (id, event_id, order_id, user_id, kind, email, subject, text, html, headers)
           select id, event_id, order_id, user_id, kind, email, subject, text, html, headers
             from jsonb_to_recordset(?::jsonb) as r(id uuid, event_id uuid, order_id uuid, user_id uuid, kind text, email text,
                                                    subject text, text text, html text, headers jsonb)
           on conflict (event_id, user_id, kind) do nothing
           returning id`,
          [JSON.stringify(mails)],
        );
      }
      const mailRelease = new Map(mails.map((m) => [m.id, m.release_at]));
      for (let i = 0; i < created.length; i += 500) {
        await this.deps.boss.insert(
          MAIL_QUEUE,
          created
            .slice(i, i + 500)
            .map((row) => ({ id: row.id, data: { notificationId: row.id } satisfies MailJobData, startAfter: mailRelease.get(row.id) })),
          { db: fromKnex(em.getTransactionContext()!) },
        );
      }
      if (pushes.length > 0) {
        const queued = await em.execute<{ id: string }[]>(
          `insert into "${schema}"."push_notification" (id, event_id, user_id, subscription_id, kind, payload)
           select id, event_id, user_id, subscription_id, kind, payload
             from jsonb_to_recordset(?::jsonb) as r(id uuid, event_id uuid, user_id uuid, subscription_id uuid, kind text, payload jsonb)
           on conflict (event_id, subscription_id, kind) do nothing
           returning id`,
          [JSON.stringify(pushes)],
        );
        const pushRelease = new Map(pushes.map((p) => [p.id, p.release_at]));
        for (let i = 0; i < queued.length; i += 500) {
          await this.deps.boss.insert(
            PUSH_QUEUE,
            queued
              .slice(i, i + 500)
              .map((row) => ({ id: row.id, data: { notificationId: row.id } satisfies PushJobData, startAfter: pushRelease.get(row.id) })),
            { db: fromKnex(em.getTransactionContext()!) },
          );
        }
      }
      await em.execute(`update "${schema}"."order_event" set notified_at = now() where id = any(?::uuid[]) and notified_at is null`, [
        uuidArray(events.map((e) => e.id)),
      ]);
    });
    return events.length;
  }

  /** The mails and push messages a batch of events makes, rendered. */
  private async deliveriesFor(schema: string, events: EventRow[]): Promise<{ mails: PlannedMail[]; pushes: PlannedPush[] }> {
    const connection = this.deps.orm.em.getConnection();
    const orderIds = [...new Set(events.map((e) => e.order_id))];
    const orders = await connection.execute<OrderRow[]>(
      `select id, number, status, dealer_id, currency, total::text as total, po_number, carrier, tracking_number, rejection,
              sales_rep_user_id, dealer_region
         from "${schema}"."order" where id = any(?::uuid[]) and workflow = 'DONE'`,
      [uuidArray(orderIds)],
    );
    const byOrder = new Map(orders.map((o) => [o.id, o]));
    const steps = await connection.execute<{ order_id: string; position: number; level: number; area: string; status: string }[]>(
      `select order_id, position, level, area, status from "${schema}"."order_approval_step" where order_id = any(?::uuid[])`,
      [uuidArray(orderIds)],
    );
    const planned: { event: EventRow; order: OrderRow; notification: PlannedNotification }[] = [];
    for (const event of events) {
      const order = byOrder.get(event.order_id);
      if (!order) continue;
      const orderSteps = steps.filter((s) => s.order_id === order.id);
      for (const notification of notificationsOf({ event, orderStatus: order.status, steps: orderSteps }))
        planned.push({ event, order, notification });
    }
    if (planned.length === 0) return { mails: [], pushes: [] };
    // A dealer's own step (area DEALER) is decided by the dealer's DEALER_ADMINs: their dealer's users are asked for too.
    const forDealer = (p: (typeof planned)[number]) => DEALER_KINDS.includes(p.notification.kind) || p.notification.area === 'DEALER';
    const dealerIds = [...new Set(planned.filter(forDealer).map((p) => p.order.dealer_id))];
    const staff = planned.some((p) => !DEALER_KINDS.includes(p.notification.kind) && p.notification.area !== 'DEALER');
    const allDealerIds = [...new Set(planned.map((p) => p.order.dealer_id))];
    const [{ users }, { dealers }] = await Promise.all([
      this.deps.dealers.call('notificationContacts', { dealerIds, staff }),
      this.deps.dealers.call('dealerProfiles', { dealerIds: allDealerIds }),
    ]);
    const dealerById = new Map(dealers.map((d) => [d.id, d]));
    const userIds = users.map((u) => u.id);
    const { email: mailOff, push: pushOff } = await this.optedOut(schema, userIds);
    const devices = this.deps.channels.push ? await this.devicesOf(schema, userIds) : new Map<string, string[]>();
    const quiet = await this.quietHoursOf(schema, userIds);
    const lines = await connection.execute<
      { order_id: string; sku: string; name: string; quantity: number; unit_price: string; line_total: string }[]
    >(
      `select order_id, sku, name, quantity, unit_price::text as unit_price, line_total::text as line_total
         from "${schema}"."order_line" where order_id = any(?::uuid[]) order by order_id, position`,
      [uuidArray([...new Set(planned.map((p) => p.order.id))])],
    );
    const now = new Date();
    const mails: PlannedMail[] = [];
    const pushes: PlannedPush[] = [];
    for (const { event, order, notification } of planned) {
      // Who the event concerns, before anyone's choices: each channel then leaves out those who turned it off.
      const concerned: Contact[] = recipientsOf({
        notification,
        order: { dealerId: order.dealer_id, salesRepUserId: order.sales_rep_user_id, dealerRegion: order.dealer_region },
        contacts: users,
        optedOut: new Set(),
      });
      const wants = (off: Set<string>) => (c: Contact) => !off.has(`${c.id}|${notification.kind}`);
      const dealer = dealerById.get(order.dealer_id);
      const orderLines = lines
        .filter((l) => l.order_id === order.id)
        .map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: Number(l.unit_price), lineTotal: Number(l.line_total) }));
      if (this.deps.channels.mail)
        for (const recipient of concerned.filter(wants(mailOff)))
          mails.push({
            ...(await this.mailFor({ event, order, notification, recipient, dealer, lines: orderLines, now })),
            release_at: releaseTime({ now, kind: notification.kind, quiet: quiet.get(recipient.id) ?? null }).toISOString(),
          });
      for (const recipient of concerned.filter(wants(pushOff)))
        pushes.push(
          ...this.pushesFor({
            event,
            order,
            notification,
            recipient,
            dealer,
            lines: orderLines,
            now,
            quiet,
            devices: devices.get(recipient.id) ?? [],
          }),
        );
    }
    return { mails, pushes };
  }

  /** One recipient's push messages about an event: one per subscribed device, released when their quiet hours allow. */
  private pushesFor(input: {
    event: EventRow;
    order: OrderRow;
    notification: PlannedNotification;
    recipient: Contact;
    dealer: { name?: string; code?: string } | undefined;
    lines: MailModel['order']['lines'];
    now: Date;
    quiet: Map<string, QuietHours>;
    devices: string[];
  }): PlannedPush[] {
    const { event, order, notification, recipient, dealer, lines, now, quiet, devices } = input;
    if (devices.length === 0) return [];
    const payload = {
      ...renderPush(this.modelOf({ order, notification, recipient, dealer, lines, decide: null, unsubscribe: '' })),
      kind: notification.kind,
    };
    const release_at = releaseTime({ now, kind: notification.kind, quiet: quiet.get(recipient.id) ?? null }).toISOString();
    return devices.map((subscriptionId) => ({
      id: randomUUID(),
      event_id: event.id,
      user_id: recipient.id,
      subscription_id: subscriptionId,
      kind: notification.kind,
      payload,
      release_at,
    }));
  }

  /**
   * The rate limit per recipient (domain/recipient-rate-limit.ts): what each person was sent in the last
   * hour, per channel (a push counts once per event, whatever the devices), and this batch in release
   * order; one past the limit gets a later release time. Never earlier than quiet hours allow.
   */
  private async limitRates(schema: string, mails: PlannedMail[], pushes: PlannedPush[]): Promise<void> {
    const perHour = this.deps.ratePerHour ?? 0;
    if (perHour <= 0 || (mails.length === 0 && pushes.length === 0)) return;
    const userIds = uuidArray([...new Set([...mails, ...pushes].map((d) => d.user_id))]);
    const connection = this.deps.orm.em.getConnection();
    const recent = async (table: string) => {
      const rows = await connection.execute<{ user_id: string; at: Date }[]>(
        `select user_id, min(created_at) as at from "${schema}"."${table}"
          where user_id = any(?::uuid[]) and created_at > now() - interval '1 hour' group by user_id, event_id`,
        [userIds],
      );
      const byUser = new Map<string, Date[]>();
      for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), new Date(r.at)]);
      return byUser;
    };
    const limit = (planned: (PlannedMail | PlannedPush)[], sends: Map<string, Date[]>) => {
      const released = new Map<string, string>();
      for (const item of [...planned].sort((a, b) => a.release_at.localeCompare(b.release_at))) {
        const key = `${item.user_id}|${item.event_id}|${item.kind}`;
        const known = released.get(key);
        if (known) {
          // Another device of the same person for the same event: released with the first.
          item.release_at = known;
          continue;
        }
        const at = rateLimitedAt({ now: new Date(item.release_at), kind: item.kind, recentSends: sends.get(item.user_id) ?? [], perHour });
        sends.set(item.user_id, [...(sends.get(item.user_id) ?? []), at]);
        item.release_at = at.toISOString();
        released.set(key, item.release_at);
      }
    };
    if (mails.length > 0) limit(mails, await recent('mail_notification'));
    if (pushes.length > 0) limit(pushes, await recent('push_notification'));
  }

  /** The quiet hours of these users who have them, by user. */
  private async quietHoursOf(schema: string, userIds: string[]): Promise<Map<string, QuietHours>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.deps.orm.em
      .getConnection()
      .execute<{ user_id: string; start: string; end: string; time_zone: string }[]>(
        `select user_id, start, "end", time_zone from "${schema}"."notification_quiet_hours" where user_id = any(?::uuid[])`,
        [uuidArray(userIds)],
      );
    return new Map(rows.map((r) => [r.user_id, { start: r.start, end: r.end, timeZone: r.time_zone }]));
  }

  /** The subscribed devices of these users, by user. */
  private async devicesOf(schema: string, userIds: string[]): Promise<Map<string, string[]>> {
    const byUser = new Map<string, string[]>();
    if (userIds.length === 0) return byUser;
    const rows = await this.deps.orm.em
      .getConnection()
      .execute<{ id: string; user_id: string }[]>(
        `select id, user_id from "${schema}"."push_subscription" where user_id = any(?::uuid[])`,
        [uuidArray(userIds)],
      );
    for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row.id]);
    return byUser;
  }

  /** One recipient's mail: rendered, with its signed links and the RFC 8058 headers. */
  private async mailFor(input: {
    event: EventRow;
    order: OrderRow;
    notification: PlannedNotification;
    recipient: Contact;
    dealer: { name?: string; code?: string } | undefined;
    lines: { sku: string; name: string; quantity: number; unitPrice: number; lineTotal: number }[];
    now: Date;
  }): Promise<Omit<PlannedMail, 'release_at'>> {
    const { event, order, notification, recipient, dealer, now } = input;
    const { links } = this.deps;
    const approver = !DEALER_KINDS.includes(notification.kind);
    const unsubscribe = await links.unsubscribeUrl({ userId: recipient.id, kind: notification.kind });
    const decide = approver ? await links.approvalUrl({ userId: recipient.id, orderId: order.id, now }) : null;
    const mail = renderMail(this.modelOf({ order, notification, recipient, dealer, lines: input.lines, decide, unsubscribe }));
    return {
      id: randomUUID(),
      event_id: event.id,
      order_id: order.id,
      user_id: recipient.id,
      kind: notification.kind,
      email: recipient.email,
      ...mail,
      // RFC 8058 one-click unsubscribe: a POST to the URL with List-Unsubscribe=One-Click.
      headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }

  /** What a mail or push message about an order shows. */
  private modelOf(input: {
    order: OrderRow;
    notification: PlannedNotification;
    recipient: Contact;
    dealer: { name?: string; code?: string } | undefined;
    lines: MailModel['order']['lines'];
    decide: string | null;
    unsubscribe: string;
  }): MailModel {
    const { order, notification, recipient, dealer, decide, unsubscribe } = input;
    const { links } = this.deps;
    return {
      kind: notification.kind,
      locale: this.deps.locale,
      recipient: { fullName: recipient.fullName },
      dealer: { name: dealer?.name ?? 'your dealer', code: dealer?.code ?? null },
      order: {
        number: order.number,
        currency: order.currency,
        total: Number(order.total),
        poNumber: order.po_number,
        lines: input.lines,
        carrier: order.carrier,
        trackingNumber: order.tracking_number,
        rejection: notification.kind === 'ORDER_REJECTED' ? order.rejection : null,
      },
      level: notification.level,
      links: { order: `${links.publicUrl}/orders/${order.id}`, decide, unsubscribe },
      linkHours: links.approvalHours,
    };
  }

  /** `userId|kind` of every kind these users turned off, per channel. */
  private async optedOut(schema: string, userIds: string[]): Promise<{ email: Set<string>; push: Set<string> }> {
    if (userIds.length === 0) return { email: new Set(), push: new Set() };
    const rows = await this.deps.orm.em.getConnection().execute<{ user_id: string; kind: string; email: string; push: string }[]>(
      `select user_id, kind, email, push from "${schema}"."notification_preference"
          where (email = 'OFF' or push = 'OFF') and user_id = any(?::uuid[])`,
      [uuidArray(userIds)],
    );
    const key = (r: { user_id: string; kind: string }) => `${r.user_id}|${r.kind}`;
    return {
      email: new Set(rows.filter((r) => r.email === 'OFF').map(key)),
      push: new Set(rows.filter((r) => r.push === 'OFF').map(key)),
    };
  }
}
