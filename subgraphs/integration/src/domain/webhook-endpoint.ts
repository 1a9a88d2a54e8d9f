/**
 * What a webhook endpoint may be: an http(s) URL without credentials in it, one or more of the
 * event types below (each once), a short description. Checked before anything is stored.
 */

/** The events an ERP may subscribe to. */
export const WEBHOOK_EVENT_TYPES = ['order.approved', 'order.cancelled', 'order.changed', 'dealer.changed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface EndpointProblem {
  code: 'INVALID_URL' | 'UNKNOWN_EVENT' | 'NO_EVENTS' | 'INVALID_INPUT';
  message: string;
  field: string[];
}

export type EndpointCheck =
  { ok: true; url: string; events: WebhookEventType[]; description: string | null } | { ok: false; problem: EndpointProblem };

const MAX_URL = 2000;
const MAX_DESCRIPTION = 500;

export function checkEndpointInput(input: { url: string; events: readonly string[]; description?: string | null }): EndpointCheck {
  const fail = (code: EndpointProblem['code'], message: string, field: string[]): EndpointCheck => ({
    ok: false,
    problem: { code, message, field: ['input', ...field] },
  });
  const raw = input.url.trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('INVALID_URL', `"${raw.slice(0, 100)}" is not a URL.`, ['url']);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return fail('INVALID_URL', 'The URL must start with https:// (or http://).', ['url']);
  if (url.username || url.password) return fail('INVALID_URL', 'Put no credentials in the URL: deliveries are signed instead.', ['url']);
  if (raw.length > MAX_URL) return fail('INVALID_URL', `The URL is longer than ${MAX_URL} characters.`, ['url']);
  const events = [...new Set(input.events.map((e) => e.trim()))];
  if (events.length === 0) return fail('NO_EVENTS', `Name at least one event: ${WEBHOOK_EVENT_TYPES.join(', ')}.`, ['events']);
  const unknown = events.findIndex((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
  if (unknown >= 0)
    return fail('UNKNOWN_EVENT', `"${events[unknown]}" is not an event; the events are ${WEBHOOK_EVENT_TYPES.join(', ')}.`, [
      'events',
      String(unknown),
    ]);
  const description = input.description?.trim() || null;
  if (description && description.length > MAX_DESCRIPTION)
    return fail('INVALID_INPUT', `The description is longer than ${MAX_DESCRIPTION} characters.`, ['description']);
  return { ok: true, url: url.toString(), events: events as WebhookEventType[], description };
}

/** The webhook body: `{ type, timestamp, data }`, serialised once and sent byte for byte on every try. */
export function webhookBody(event: { type: string; at: string; data: Record<string, unknown> }): string {
  return JSON.stringify({ type: event.type, timestamp: event.at, data: event.data });
}

/** The first `max` characters of an answer, for the attempt log. */
export function excerpt(text: string, max = 500): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
