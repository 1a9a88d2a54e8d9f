/**
 * The plain HTTP pages of mail notifications, served by the orders subgraph and forwarded by the
 * gateway on its own origin (gateway/src/web/mail-routes.ts):
 * - `GET /dev/mailbox` and `/dev/mailbox.json`: the dev mailbox, newest first (demo mode only; not
 *   mounted in production, so 404).
 * - `GET /mail/approval/<token>`: the order and a form to approve or reject; changes nothing (mail
 *   scanners open links). `POST` decides, once, as the approver the link was made for, through the
 *   same service path as approveOrder / rejectOrder (their level and scope checked as in the graph).
 * - `GET /mail/unsubscribe/<token>`: a button; `POST` (RFC 8058 one-click, `List-Unsubscribe=One-Click`)
 *   turns that kind of mail off for that user.
 */
import type { Claims, InternalClient, Logger } from '@dealergraph/runtime';
import express from 'express';
import Handlebars from 'handlebars';

import { approveOrder, rejectOrder } from '../approvals/approval-decision.service.js';
import { OrderApprovalStep } from '../approvals/order-approval-step.entity.js';
import type { OrdersContext } from '../context.js';
import { Order } from '../orders/order.entity.js';
import { OrderLine } from '../orders/order-line.entity.js';
import { MailLinkUse } from './mail-link-use.entity.js';
import type { MailLinks } from './mail-links.service.js';
import { MailboxMessage } from './mailbox-message.entity.js';
import { setEmailPreference } from './notification-preference.service.js';
import { formatMoney } from './templates/mail-templates.js';

const hb = Handlebars.create();
hb.registerHelper('money', (minor: number, currency: string) => formatMoney(minor, currency, 'en-US'));
hb.registerHelper('iso', (date: Date) => new Date(date).toISOString().replace('T', ' ').slice(0, 19) + ' UTC');

const LAYOUT = hb.compile(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{{title}}</title>
<meta name="robots" content="noindex">
<style>body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2933;max-width:760px;margin:0 auto;padding:16px}
table{border-collapse:collapse;width:100%}td,th{padding:4px 6px;border-top:1px solid #e4e7eb;text-align:left;vertical-align:top}
button{font-size:1em;padding:8px 16px;border-radius:6px;border:1px solid #1f5fbf;background:#1f5fbf;color:#fff;cursor:pointer}
button.reject{background:#fff;color:#b42318;border-color:#b42318}textarea{width:100%;min-height:4em}
.note{color:#52606d}.error{color:#b42318}.mail{border:1px solid #e4e7eb;border-radius:6px;margin:12px 0;padding:8px}
details summary{cursor:pointer}</style></head>
<body><h1>{{title}}</h1>{{{body}}}</body></html>`);

const page = (title: string, body: string) => LAYOUT({ title, body });
const html = (source: string) => {
  const template = hb.compile(source);
  return (context: object) => template(context);
};

const MAILBOX =
  html(`<p class="note">Demo mode: every mail the graph sends is kept here, newest first ({{count}} shown). JSON: <a href="/dev/mailbox.json">/dev/mailbox.json</a>.
In production this page does not exist; set SMTP_URL to send through a real server.</p>
{{#each mails}}<div class="mail"><strong>{{subject}}</strong><br><span class="note">To {{#each to}}{{this}} {{/each}}· {{iso sentAt}}</span>
<details><summary>Show</summary><iframe title="{{subject}}" sandbox srcdoc="{{html}}" style="width:100%;height:480px;border:none"></iframe>
<pre style="white-space:pre-wrap">{{text}}</pre></details></div>{{else}}<p>No mail yet.</p>{{/each}}`);

const DECIDE =
  html(`<p>Order <strong>{{order.number}}</strong> from <strong>{{dealerName}}</strong>, {{money order.total order.currency}}{{#if order.poNumber}}, PO {{order.poNumber}}{{/if}}.</p>
<p>Status: <strong>{{order.status}}</strong>{{#if waitingLevel}}, waiting for approval level {{waitingLevel}}{{/if}}.</p>
<table><thead><tr><th>SKU</th><th>Product</th><th>Qty</th><th>Unit price</th><th>Line total</th></tr></thead>
<tbody>{{#each lines}}<tr><td>{{sku}}</td><td>{{name}}</td><td>{{quantity}}</td><td>{{money unitPrice ../order.currency}}</td><td>{{money lineTotal ../order.currency}}</td></tr>{{/each}}</tbody></table>
{{#if pending}}<form method="post" style="margin-top:16px"><input type="hidden" name="decision" value="APPROVE">
<button type="submit">Approve order {{order.number}}</button></form>
<form method="post" style="margin-top:16px"><input type="hidden" name="decision" value="REJECT">
<label for="reason">Reason for the dealer (required to reject)</label><textarea id="reason" name="reason" required maxlength="2000"></textarea>
<button type="submit" class="reject">Reject order {{order.number}}</button></form>
<p class="note">Nothing changes until you press a button. This link works once and until {{iso expiresAt}}.</p>
{{else}}<p class="note">This order waits for no decision now.</p>{{/if}}`);

const MESSAGE = html(`<p{{#if error}} class="error"{{/if}}>{{message}}</p>{{#each details}}<p class="error">{{this}}</p>{{/each}}
<p class="note"><a href="{{home}}">Open the portal</a> to see your approvals inbox.</p>`);

const UNSUBSCRIBE = html(`<p>Stop the mails "{{kind}}" to this address? In-app notifications go on.</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`);

/** The mailbox as the JSON of CONTRACT.md: newest first. */
export async function mailbox(ctx: OrdersContext, limit = 200) {
  const rows = await ctx.em.find(MailboxMessage, {}, { orderBy: { sentAt: 'desc', id: 'desc' }, limit });
  return rows.map((m) => ({ id: m.id, to: m.to, subject: m.subject, text: m.text, html: m.html, sentAt: m.sentAt.toISOString() }));
}

const LINK_PROBLEM: Record<'EXPIRED' | 'INVALID', string> = {
  EXPIRED: 'This approval link has expired. Links from mails work for a limited time; decide in the portal instead.',
  INVALID: 'This link is not valid: it may be incomplete (copied in part) or altered. Open the portal to decide.',
};

/** What the pages need: fresh contexts, the link keys, dealers (names, the approver's current role), a log. */
export interface MailPageDeps {
  newContext: () => OrdersContext;
  links: MailLinks;
  dealers: InternalClient<'dealers'>;
  logger: Logger;
  production: boolean;
}

function sendPage(res: express.Response, status: number, title: string, body: string): void {
  res.status(status).set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer').type('html').send(page(title, body));
}

/** A page that says one thing (and, for a refusal, why in detail), with a way to the portal. */
function sendMessage(res: express.Response, deps: MailPageDeps, status: number, title: string, text: string, details: string[] = []): void {
  sendPage(res, status, title, MESSAGE({ message: text, details, error: status >= 400, home: `${deps.links.publicUrl}/` }));
}

/** Mounts the pages on the orders subgraph's express app. */
export function mountMailPages(app: express.Express, deps: MailPageDeps): void {
  if (!deps.production) {
    app.get('/dev/mailbox.json', async (_req, res) => {
      res.set('Cache-Control', 'no-store').json(await mailbox(deps.newContext()));
    });
    app.get('/dev/mailbox', async (_req, res) => {
      const mails = await mailbox(deps.newContext());
      sendPage(res, 200, 'Dev mailbox', MAILBOX({ mails, count: mails.length }));
    });
  }
  app.get('/mail/approval/:token', (req, res) => showApproval(deps, req.params.token, res));
  app.post('/mail/approval/:token', express.urlencoded({ extended: false, limit: '16kb' }), (req, res) =>
    decideFromLink(deps, req.params.token as string, (req.body ?? {}) as { decision?: string; reason?: string }, res),
  );
  app.get('/mail/unsubscribe/:token', async (req, res) => {
    const link = await deps.links.readUnsubscribe(req.params.token);
    if (typeof link === 'string') return sendMessage(res, deps, 400, 'Link not usable', LINK_PROBLEM.INVALID);
    sendPage(res, 200, 'Unsubscribe', UNSUBSCRIBE({ kind: link.kind }));
  });
  // RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click` (form-encoded) to the URL; no cookie, no confirmation.
  app.post('/mail/unsubscribe/:token', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const link = await deps.links.readUnsubscribe(req.params.token as string);
    if (typeof link === 'string') return sendMessage(res, deps, 400, 'Link not usable', LINK_PROBLEM.INVALID);
    await setEmailPreference(deps.newContext().em, { userId: link.userId, kind: link.kind, email: 'OFF' });
    sendMessage(res, deps, 200, 'Unsubscribed', `You will get no more mails "${link.kind}". You can turn them on again in the portal.`);
  });
}

/** The order as the approval page shows it. */
async function orderView(deps: MailPageDeps, ctx: OrdersContext, orderId: string) {
  const order = await ctx.em.findOne(Order, { id: orderId });
  if (!order) return null;
  const [lines, steps, profiles] = await Promise.all([
    ctx.em.find(OrderLine, { order: order.id }, { orderBy: { position: 'asc' } }),
    ctx.em.find(OrderApprovalStep, { order: order.id, status: 'PENDING' }, { orderBy: { position: 'asc' } }),
    deps.dealers.call('dealerProfiles', { dealerIds: [order.dealerId] }).catch(() => ({ dealers: [] })),
  ]);
  return { order, lines, waitingLevel: steps[0]?.level ?? null, dealerName: profiles.dealers[0]?.name ?? 'the dealer' };
}

const usedMessage = (use: MailLinkUse) =>
  `This link was already used: the order was ${use.decision.toLowerCase()} with it at ${use.usedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC. A link decides once.`;

/** GET: the order and the two forms; reads only (a mail scanner may open it first). */
async function showApproval(deps: MailPageDeps, token: string, res: express.Response): Promise<void> {
  const link = await deps.links.readApproval(token);
  if (typeof link === 'string') return sendMessage(res, deps, link === 'EXPIRED' ? 410 : 400, 'Link not usable', LINK_PROBLEM[link]);
  const ctx = deps.newContext();
  const use = await ctx.em.findOne(MailLinkUse, { tokenId: link.tokenId });
  if (use) return sendMessage(res, deps, 410, 'Link already used', usedMessage(use));
  const view = await orderView(deps, ctx, link.orderId);
  if (!view) return sendMessage(res, deps, 404, 'Order not found', 'This order does not exist any more.');
  sendPage(
    res,
    200,
    `Order ${view.order.number}`,
    DECIDE({ ...view, pending: view.order.status === 'PENDING_APPROVAL', expiresAt: link.expiresAt }),
  );
}

/**
 * POST: decides as the approver the link was made for, with their current role (from dealers), through
 * approveOrder / rejectOrder. The token id is claimed first, so of concurrent clicks one decides; a
 * refusal or a failure releases it (nothing changed, the link still works).
 */
async function decideFromLink(
  deps: MailPageDeps,
  token: string,
  body: { decision?: string; reason?: string },
  res: express.Response,
): Promise<void> {
  const link = await deps.links.readApproval(token);
  if (typeof link === 'string') return sendMessage(res, deps, link === 'EXPIRED' ? 410 : 400, 'Link not usable', LINK_PROBLEM[link]);
  const decision = body.decision === 'REJECT' ? 'REJECTED' : body.decision === 'APPROVE' ? 'APPROVED' : null;
  const reason = body.reason?.trim() ?? '';
  if (!decision) return sendMessage(res, deps, 400, 'Nothing decided', 'Choose Approve or Reject on the order page.');
  if (decision === 'REJECTED' && !reason)
    return sendMessage(res, deps, 400, 'Nothing decided', 'A rejection needs a reason for the dealer.');
  const { users } = await deps.dealers.call('notificationContacts', { userIds: [link.userId] });
  // Staff, or a DEALER_ADMIN deciding their dealer's own step (approveOrder checks which steps either may decide).
  const approver = users.find((u) => u.id === link.userId && (u.dealerId === null || u.role === 'DEALER_ADMIN'));
  if (!approver) return sendMessage(res, deps, 403, 'Not allowed', 'The account this link was made for cannot decide orders any more.');
  const em = deps.newContext().em;
  const claimed = await em.getConnection().execute<{ token_id: string }[]>(
    `insert into "${em.config.get('schema')}"."mail_link_use" (token_id, order_id, decision, used_at) values (?, ?, ?, now())
       on conflict (token_id) do nothing returning token_id`,
    [link.tokenId, link.orderId, decision],
  );
  if (claimed.length === 0) {
    const use = await deps.newContext().em.findOne(MailLinkUse, { tokenId: link.tokenId });
    return sendMessage(res, deps, 410, 'Link already used', use ? usedMessage(use) : 'This link was already used. A link decides once.');
  }
  const claims: Claims = { sub: approver.id, email: approver.email, role: approver.role as Claims['role'], dealerId: approver.dealerId };
  const ctx: OrdersContext = { ...deps.newContext(), claims };
  let result;
  try {
    result =
      decision === 'APPROVED'
        ? await approveOrder(ctx, link.orderId, 'Approved from the e-mail link.')
        : await rejectOrder(ctx, link.orderId, { reason });
  } catch (error) {
    await em.nativeDelete(MailLinkUse, { tokenId: link.tokenId });
    deps.logger.warn('a decision from a mail link failed', { orderId: link.orderId, message: (error as Error).message });
    return sendMessage(
      res,
      deps,
      503,
      'Not decided yet',
      (error as Error).message || 'Something went wrong; try the link again in a moment.',
    );
  }
  if (result.userErrors.length > 0 || !result.order) {
    await em.nativeDelete(MailLinkUse, { tokenId: link.tokenId });
    const details = result.userErrors.map((e) => `${e.message} (${e.code})`);
    return sendMessage(res, deps, 409, 'Not decided', 'The order was not changed:', details);
  }
  const { number, status } = result.order;
  sendMessage(
    res,
    deps,
    200,
    `Order ${number} ${decision === 'APPROVED' ? 'approved' : 'rejected'}`,
    `Done: order ${number} is now ${status}. The dealer is told by mail.`,
  );
}
