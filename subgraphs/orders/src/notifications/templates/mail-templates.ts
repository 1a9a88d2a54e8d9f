/**
 * Renders the mail of a notification: subject, HTML and plain text, from one model. Handlebars
 * escapes every `{{value}}` in the HTML templates (the text templates are compiled without escaping:
 * plain text has nothing to escape). The words come from the locale's catalog (mail-messages.ts),
 * whose placeholders are rendered with the same model; money is formatted by `Intl.NumberFormat`
 * from the exact decimal string, never through a float.
 */
import { formatAmount } from '@dealergraph/runtime';
import Handlebars from 'handlebars';

import { DEALER_KINDS, type NotificationKind } from '../domain/notification-audience.js';
import { type MailMessages, messagesFor } from './mail-messages.js';

/** Everything a mail shows. Amounts are minor units (cents). */
export interface MailModel {
  kind: NotificationKind;
  /** BCP 47 locale of the words and the number formats. */
  locale: string;
  recipient: { fullName: string };
  dealer: { name: string; code: string | null };
  order: {
    number: string;
    currency: string;
    total: number;
    poNumber: string | null;
    lines: { sku: string; name: string; quantity: number; unitPrice: number; lineTotal: number }[];
    carrier: string | null;
    trackingNumber: string | null;
    rejection: { reason: string; alternatives: { kind: string; amount: number | null; note: string | null }[] } | null;
  };
  /** The approval level an approver's mail is about. */
  level: number | null;
  links: { order: string; decide: string | null; unsubscribe: string };
  /** How long the decide link works. */
  linkHours: number;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const handlebars = Handlebars.create();
const formats = new Map<string, Intl.NumberFormat>();
/** Money in the locale's way, from the exact decimal string; one formatter per locale and currency (building one is the costly part). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency })));
  return format.format(formatAmount(minor) as Intl.StringNumericLiteral);
}
handlebars.registerHelper('money', (minor: number, currency: string, locale: string) => formatMoney(minor, currency, locale));
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);

const HTML = handlebars.compile(
  `<!doctype html>
<html lang="{{locale}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{{subject}}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2933;max-width:640px;margin:0 auto;padding:16px">
<p>{{greeting}}</p>
<p style="font-size:1.1em"><strong>{{intro}}</strong></p>
{{#if order.rejection}}<p><strong>{{m.reason}}:</strong> {{order.rejection.reason}}</p>
{{#if order.rejection.alternatives.length}}<p><strong>{{m.alternatives}}:</strong></p><ul>{{#each order.rejection.alternatives}}<li>{{kind}}{{#if amount}} {{money amount ../order.currency ../locale}}{{/if}}{{#if note}}: {{note}}{{/if}}</li>{{/each}}</ul>{{/if}}{{/if}}
{{#if (eq kind "ORDER_SHIPPED")}}<p>{{m.carrier}}: <strong>{{order.carrier}}</strong><br>{{m.tracking}}: <strong>{{order.trackingNumber}}</strong></p>{{/if}}
{{#if links.decide}}<p><a href="{{links.decide}}" style="display:inline-block;background:#1f5fbf;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">{{m.approveButton}}</a></p>
<p style="color:#52606d;font-size:.9em">{{approveHint}}</p>{{/if}}
<h2 style="font-size:1em">{{m.orderDetails}}</h2>
<p>{{m.dealer}}: {{dealer.name}}{{#if dealer.code}} ({{dealer.code}}){{/if}}{{#if order.poNumber}}<br>{{m.poNumber}}: {{order.poNumber}}{{/if}}{{#if level}}<br>{{m.level}}: {{level}}{{/if}}</p>
<table style="border-collapse:collapse;width:100%;font-size:.9em">
<thead><tr><th align="left">{{m.columns.sku}}</th><th align="left">{{m.columns.name}}</th><th align="right">{{m.columns.quantity}}</th><th align="right">{{m.columns.unitPrice}}</th><th align="right">{{m.columns.lineTotal}}</th></tr></thead>
<tbody>{{#each order.lines}}<tr style="border-top:1px solid #e4e7eb"><td>{{sku}}</td><td>{{name}}</td><td align="right">{{quantity}}</td><td align="right">{{money unitPrice ../order.currency ../locale}}</td><td align="right">{{money lineTotal ../order.currency ../locale}}</td></tr>{{/each}}</tbody>
<tfoot><tr style="border-top:2px solid #1f2933"><td colspan="4" align="right"><strong>{{m.total}}</strong></td><td align="right"><strong>{{money order.total order.currency locale}}</strong></td></tr></tfoot>
</table>
<p><a href="{{links.order}}">{{m.viewOrder}}</a></p>
<hr style="border:none;border-top:1px solid #e4e7eb">
<p style="color:#52606d;font-size:.8em">{{why}} <a href="{{links.unsubscribe}}">{{m.unsubscribe}}</a> ({{m.preferences}}).</p>
</body></html>
`,
  { strict: false },
);

const TEXT = handlebars.compile(
  `{{greeting}}

{{intro}}
{{#if order.rejection}}
{{m.reason}}: {{order.rejection.reason}}
{{#each order.rejection.alternatives}}- {{../m.alternatives}}: {{kind}}{{#if amount}} {{money amount ../order.currency ../locale}}{{/if}}{{#if note}}: {{note}}{{/if}}
{{/each}}{{/if}}{{#if (eq kind "ORDER_SHIPPED")}}
{{m.carrier}}: {{order.carrier}}
{{m.tracking}}: {{order.trackingNumber}}
{{/if}}{{#if links.decide}}
{{m.approveButton}}: {{links.decide}}
{{approveHint}}
{{/if}}
{{m.orderDetails}}
{{m.dealer}}: {{dealer.name}}{{#if dealer.code}} ({{dealer.code}}){{/if}}
{{#if order.poNumber}}{{m.poNumber}}: {{order.poNumber}}
{{/if}}{{#if level}}{{m.level}}: {{level}}
{{/if}}
{{#each order.lines}}{{quantity}} x {{sku}} {{name}} @ {{money unitPrice ../order.currency ../locale}} = {{money lineTotal ../order.currency ../locale}}
{{/each}}{{m.total}}: {{money order.total order.currency locale}}

{{m.viewOrder}}: {{links.order}}

--
{{why}}
{{m.unsubscribe}}: {{links.unsubscribe}}
`,
  { noEscape: true, strict: false },
);

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** A catalog string with the model's values in it (escaping is left to the template that shows it); each string compiled once. */
function fill(template: string, model: object): string {
  let render = compiled.get(template);
  if (!render) compiled.set(template, (render = handlebars.compile(template, { noEscape: true })));
  return render(model);
}

/** The subject, HTML and plain text of a notification's mail. */
export function renderMail(model: MailModel): RenderedMail {
  const m: MailMessages = messagesFor(model.locale);
  const audience = DEALER_KINDS.includes(model.kind) ? 'DEALER' : 'APPROVER';
  const words = {
    m,
    subject: fill(m.subject[model.kind], model),
    greeting: fill(m.greeting, model),
    intro: fill(m.intro[model.kind], model),
    approveHint: fill(m.approveHint, model),
    why: fill(m.why[audience], model),
  };
  const context = { ...model, ...words };
  return { subject: words.subject, html: HTML(context), text: TEXT(context) };
}

/** What a web push notification shows: a title and a line (the mail's subject and opening, never HTML), the page it opens and its tag. */
export interface RenderedPush {
  title: string;
  body: string;
  url: string;
  /** One notification per kind and order on the device: a newer one replaces it. */
  tag: string;
}

/** The web push twin of a mail: the same catalog's subject and opening line; it opens the order in the portal. */
export function renderPush(model: MailModel): RenderedPush {
  const m: MailMessages = messagesFor(model.locale);
  return {
    title: fill(m.subject[model.kind], model),
    body: fill(m.intro[model.kind], model),
    url: model.links.order,
    tag: `${model.kind}:${model.order.number}`,
  };
}
