import { randomUUID } from 'node:crypto';

import type { InternalClient, Logger } from '@dealergraph/runtime';
import type { MikroORM } from '@mikro-orm/postgresql';
import { fromKnex, type PgBoss } from 'pg-boss';

import { type Contact, DEALER_KINDS, notificationsOf, type PlannedNotification, recipientsOf } from './domain/notification-audience.js';
import type { MailLinks } from './mail-links.service.js';
import { renderMail } from './templates/mail-templates.js';

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
    const mails = await this.mailsFor(schema, events);
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
      for (let i = 0; i < created.length; i += 500) {
        await this.deps.boss.insert(
          MAIL_QUEUE,
          created.slice(i, i + 500).map((row) => ({ id: row.id, data: { notificationId: row.id } satisfies MailJobData })),
          { db: fromKnex(em.getTransactionContext()!) },
        );
      }
      await em.execute(`update "${schema}"."order_event" set notified_at = now() where id = any(?::uuid[]) and notified_at is null`, [
        uuidArray(events.map((e) => e.id)),
      ]);
    });
    return events.length;
  }

  /** The mails a batch of events makes, rendered. */
  private async mailsFor(schema: string, events: EventRow[]): Promise<PlannedMail[]> {
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
    if (planned.length === 0) return [];
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
    const optedOut = await this.optedOut(
      schema,
      users.map((u) => u.id),
    );
    const lines = await connection.execute<
      { order_id: string; sku: string; name: string; quantity: number; unit_price: string; line_total: string }[]
    >(
      `select order_id, sku, name, quantity, unit_price::text as unit_price, line_total::text as line_total
         from "${schema}"."order_line" where order_id = any(?::uuid[]) order by order_id, position`,
      [uuidArray([...new Set(planned.map((p) => p.order.id))])],
    );
    const now = new Date();
    const mails: PlannedMail[] = [];
    for (const { event, order, notification } of planned) {
      const recipients: Contact[] = recipientsOf({
        notification,
        order: { dealerId: order.dealer_id, salesRepUserId: order.sales_rep_user_id, dealerRegion: order.dealer_region },
        contacts: users,
        optedOut,
      });
      const dealer = dealerById.get(order.dealer_id);
      const orderLines = lines
        .filter((l) => l.order_id === order.id)
        .map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: Number(l.unit_price), lineTotal: Number(l.line_total) }));
      for (const recipient of recipients)
        mails.push(await this.mailFor({ event, order, notification, recipient, dealer, lines: orderLines, now }));
    }
    return mails;
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
  }): Promise<PlannedMail> {
    const { event, order, notification, recipient, dealer, now } = input;
    const { links } = this.deps;
    const approver = !DEALER_KINDS.includes(notification.kind);
    const unsubscribe = await links.unsubscribeUrl({ userId: recipient.id, kind: notification.kind });
    const decide = approver ? await links.approvalUrl({ userId: recipient.id, orderId: order.id, now }) : null;
    const mail = renderMail({
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
    });
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

  /** `userId|kind` of every kind these users turned off. */
  private async optedOut(schema: string, userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.deps.orm.em
      .getConnection()
      .execute<{ user_id: string; kind: string }[]>(
        `select user_id, kind from "${schema}"."notification_preference" where email = 'OFF' and user_id = any(?::uuid[])`,
        [uuidArray(userIds)],
      );
    return new Set(rows.map((r) => `${r.user_id}|${r.kind}`));
  }
}
