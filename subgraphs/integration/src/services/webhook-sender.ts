import { Webhook } from 'standardwebhooks';

import { excerpt } from '../domain/webhook-endpoint.js';

/** How one try went: the HTTP status (null when no answer came), why not, and the start of the answer. */
export interface SendResult {
  responseStatus: number | null;
  error: string | null;
  responseExcerpt: string | null;
  durationMs: number;
}

/**
 * The Standard Webhooks headers of one try: `webhook-id` (the event's, the same on every try),
 * `webhook-timestamp` (this try's, in seconds) and `webhook-signature` (`v1,` and the base64
 * HMAC-SHA256 of `id.timestamp.body` under the key after `whsec_`).
 */
export function signedHeaders(secret: string, id: string, body: string, at: Date): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

/** POSTs a signed delivery; never throws: a refusal, a timeout or an error answer is a result. */
export async function sendWebhook(options: {
  url: string;
  secret: string;
  id: string;
  body: string;
  timeoutMs: number;
}): Promise<SendResult> {
  const started = Date.now();
  try {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'dealergraph-webhooks/1',
        ...signedHeaders(options.secret, options.id, options.body, new Date()),
      },
      body: options.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text().catch(() => '');
    return { responseStatus: response.status, error: null, responseExcerpt: excerpt(text), durationMs: Date.now() - started };
  } catch (error) {
    const err = error as Error & { cause?: { code?: string } };
    const message =
      err.name === 'TimeoutError' || err.name === 'AbortError'
        ? `timed out after ${options.timeoutMs} ms`
        : `${err.cause?.code ?? err.name}: ${err.cause instanceof Error ? err.cause.message : err.message}`;
    return { responseStatus: null, error: excerpt(message, 300), responseExcerpt: null, durationMs: Date.now() - started };
  }
}
