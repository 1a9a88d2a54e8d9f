import type { Logger } from '@dealergraph/runtime';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Job, JobResult } from 'pg-boss';
import webpush from 'web-push';

import type { VapidKeys } from './web-push-keys.js';

/** The pg-boss queue of web push messages to send (one job per message and device). */
export const PUSH_QUEUE = 'push-notification';

/** What a push job carries: the push_notification row to send. */
export interface PushJobData {
  notificationId: string;
}

interface PushRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  status: string;
  subscription_id: string;
  endpoint: string | null;
  p256dh: string | null;
  auth: string | null;
}

/** A push service's answer that is not a success. */
class PushRefused extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`push service answered ${status}${body ? `: ${body.slice(0, 200)}` : ''}`);
  }
}

/** Approvers' messages wake a device at once; the rest may wait for the device's next good moment (RFC 8030 Urgency). */
const URGENT_KINDS = new Set(['APPROVAL_WAITING', 'APPROVAL_REMINDER', 'APPROVAL_ESCALATED']);

/**
 * Sends planned web push messages (RFC 8030/8291/8292): web-push encrypts the payload to the
 * device's keys and signs the VAPID JWT, and the request goes out through fetch (with a timeout).
 * 2xx: SENT. 404 or 410: the device unsubscribed or the subscription expired, so the subscription is
 * deleted and the message is GONE (no retry). Anything else is recorded on the row (attempts, last
 * error), logged and retried by pg-boss with backoff; after the last retry the message is FAILED.
 * A SENT or GONE message is never sent again.
 */
export class PushDelivery {
  constructor(
    private readonly deps: { orm: MikroORM; keys: VapidKeys; ttlSeconds: number; retryLimit: number; logger: Logger; timeoutMs?: number },
  ) {}

  async work(jobs: Job<PushJobData>[]): Promise<JobResult[]> {
    const { orm, logger, retryLimit } = this.deps;
    const schema = orm.config.get('schema') ?? 'orders';
    const connection = orm.em.getConnection();
    const rows = await connection.execute<PushRow[]>(
      `select p.id, p.kind, p.payload, p.status, p.subscription_id, s.endpoint, s.p256dh, s.auth
         from "${schema}"."push_notification" p left join "${schema}"."push_subscription" s on s.id = p.subscription_id
        where p.id = any(?::uuid[])`,
      [`{${jobs.map((j) => j.data.notificationId).join(',')}}`],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return Promise.all(
      jobs.map(async (job): Promise<JobResult> => {
        const push = byId.get(job.data.notificationId);
        if (!push || push.status === 'SENT' || push.status === 'GONE') return { id: job.id, status: 'completed' };
        try {
          if (!push.endpoint) {
            await this.settle(push.id, 'GONE', 'the device unsubscribed before it was sent');
            return { id: job.id, status: 'completed' };
          }
          await this.send(push);
          await this.settle(push.id, 'SENT', null);
          return { id: job.id, status: 'completed' };
        } catch (error) {
          if (error instanceof PushRefused && (error.status === 404 || error.status === 410)) {
            // The push service forgot the device: stop posting to it, for this message and every later one.
            await connection.execute(`delete from "${schema}"."push_subscription" where id = ?`, [push.subscription_id]);
            await this.settle(push.id, 'GONE', error.message);
            logger.info('push subscription gone; removed', { subscriptionId: push.subscription_id, status: error.status });
            return { id: job.id, status: 'completed' };
          }
          const message = (error as Error).message;
          const last = job.retryCount >= retryLimit;
          logger.warn(last ? 'push failed; no retry left' : 'push failed; it will be retried', {
            notificationId: push.id,
            attempt: job.retryCount + 1,
            message,
          });
          await connection.execute(
            `update "${schema}"."push_notification" set attempts = attempts + 1, last_error = ?, status = ? where id = ? and status = 'PENDING'`,
            [message.slice(0, 1000), last ? 'FAILED' : 'PENDING', push.id],
          );
          return { id: job.id, status: 'failed', output: { message } };
        }
      }),
    );
  }

  /** Encrypts and signs one message (web-push builds the request) and posts it to the device's push service. */
  private async send(push: PushRow): Promise<void> {
    const { keys, ttlSeconds, timeoutMs = 10_000 } = this.deps;
    const request = webpush.generateRequestDetails(
      { endpoint: push.endpoint!, keys: { p256dh: push.p256dh!, auth: push.auth! } },
      JSON.stringify(push.payload),
      {
        vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: ttlSeconds,
        urgency: URGENT_KINDS.has(push.kind) ? 'high' : 'normal',
        contentEncoding: 'aes128gcm',
      },
    );
    // fetch sets the length of the body itself.
    const headers = Object.fromEntries(
      Object.entries(request.headers)
        .filter(([name]) => name.toLowerCase() !== 'content-length')
        .map(([k, v]) => [k, String(v)]),
    );
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers,
      body: request.body ? new Uint8Array(request.body) : undefined,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new PushRefused(response.status, text);
  }

  private async settle(id: string, status: 'SENT' | 'GONE', lastError: string | null): Promise<void> {
    const schema = this.deps.orm.config.get('schema') ?? 'orders';
    await this.deps.orm.em.getConnection().execute(
      `update "${schema}"."push_notification" set status = ?, attempts = attempts + 1, last_error = ?, sent_at = case when ? = 'SENT' then now() end
          where id = ? and status = 'PENDING'`,
      [status, lastError, status, id],
    );
  }
}
