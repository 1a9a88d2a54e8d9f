import { type ErpEvent, type Logger, type ServiceMetrics, watchQueues } from '@dealergraph/runtime';
import type { MikroORM } from '@mikro-orm/postgresql';
import { fromKnex, type JobInsert, type JobResult, type JobWithMetadata, PgBoss } from 'pg-boss';

import { webhookBody } from '../domain/webhook-endpoint.js';
import { deliveryOutcome, type RetrySettings } from '../domain/webhook-retry.js';
import { sendWebhook } from './webhook-sender.js';

/** The PostgreSQL schema of the delivery queue (installed by an integration migration). */
export const WEBHOOK_JOBS_SCHEMA = 'integration_jobs';
/** One job per delivery; one job at a time per endpoint and order, oldest first. */
export const WEBHOOK_QUEUE = 'webhook-delivery';

export interface WebhookSettings extends RetrySettings {
  /** How long one try waits for the endpoint's answer. */
  timeoutMs: number;
  /** Deliveries tried at once by one process (each for another order). */
  concurrency: number;
  /** How often an idle worker looks for due tries (pg-boss also wakes it on new jobs). */
  pollSeconds: number;
}

interface DeliveryJob {
  deliveryId: string;
}

/** A PostgreSQL array literal of uuids, bound as one parameter (the query builder would spread a JS array). */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/** A job id that sorts like the delivery's seq, so deliveries queued in one transaction keep their order. */
function jobIdFor(seq: string): string {
  const hex = BigInt(seq).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/**
 * The webhook deliveries of one integration process: accepts events (a delivery per subscribed
 * endpoint, idempotent by event id), queues each delivery as a pg-boss job, and works the queue:
 * a signed POST per try, every try logged, pg-boss's exponential backoff between tries, DEAD after
 * the last, replay on request. Deliveries of one endpoint and order go one at a time, oldest first
 * (policy key_strict_fifo with the key `endpoint:order`): a failing delivery holds back the later
 * ones of its order, also when it is dead, until it is replayed.
 */
export class WebhookQueue {
  #boss: PgBoss | null = null;
  #enqueueing: Promise<void> = Promise.resolve();

  constructor(
    readonly orm: MikroORM,
    readonly settings: WebhookSettings,
    readonly logger: Logger,
  ) {}

  /** Records deliveries of these events for every active endpoint subscribed to their type, then queues them. */
  async accept(events: ErpEvent[]): Promise<{ accepted: number; deliveries: number }> {
    if (events.length === 0) return { accepted: 0, deliveries: 0 };
    const rows = events.map((event, index) => ({
      index,
      event_id: event.id,
      event_type: event.type,
      ordering_key: event.key,
      body: webhookBody(event),
    }));
    const inserted = await this.orm.em.getConnection().execute<{ id: string }[]>(
      `insert into integration.webhook_delivery (id, endpoint_id, event_id, event_type, ordering_key, body)
       select gen_random_uuid(), e.id, r.event_id, r.event_type, r.ordering_key, r.body
         from jsonb_to_recordset(?::jsonb) as r(index int, event_id text, event_type text, ordering_key text, body text)
         join integration.webhook_endpoint e on e.active and r.event_type = any(e.events)
        order by r.index, e.created_at
       on conflict (endpoint_id, event_id) do nothing
       returning id`,
      [JSON.stringify(rows)],
    );
    if (inserted.length > 0) await this.enqueue();
    return { accepted: events.length, deliveries: inserted.length };
  }

  /**
   * Gives every delivery without a job its job, in seq order, in the transaction that records the
   * job id: one process at a time (an advisory lock), one call at a time in this process.
   */
  enqueue(): Promise<void> {
    const run = async () => {
      const boss = this.#boss;
      if (!boss) return; // started later: start() queues what waits
      for (;;) {
        const queued = await this.orm.em.fork().transactional(async (em) => {
          const connection = em.getConnection();
          const trx = em.getTransactionContext();
          await connection.execute(`select pg_advisory_xact_lock(hashtext('integration.webhook-enqueue'))`, [], 'all', trx);
          const waiting = await connection.execute<{ id: string; seq: string; endpoint_id: string; ordering_key: string }[]>(
            `select id, seq::text as seq, endpoint_id, ordering_key from integration.webhook_delivery
              where job_id is null and status = 'PENDING' order by seq limit 500`,
            [],
            'all',
            trx,
          );
          if (waiting.length === 0) return 0;
          const jobs: JobInsert<DeliveryJob>[] = waiting.map((d) => ({
            id: jobIdFor(d.seq),
            singletonKey: `${d.endpoint_id}:${d.ordering_key}`,
            data: { deliveryId: d.id },
          }));
          await boss.insert(WEBHOOK_QUEUE, jobs, { db: fromKnex(trx) });
          await connection.execute(
            `update integration.webhook_delivery d set job_id = j.job_id
               from jsonb_to_recordset(?::jsonb) as j(id uuid, job_id uuid) where d.id = j.id`,
            [JSON.stringify(waiting.map((d) => ({ id: d.id, job_id: jobIdFor(d.seq) })))],
            'all',
            trx,
          );
          return waiting.length;
        });
        if (queued < 500) return;
      }
    };
    this.#enqueueing = this.#enqueueing.then(run, run).catch((error) => {
      this.logger.warn('webhook enqueue failed; tried again on the next start or event', { error: String(error) });
    });
    return this.#enqueueing;
  }

  /** One try of one delivery; the job fails (and pg-boss retries it later) unless it was delivered or is dead. */
  private async attempt(job: JobWithMetadata<DeliveryJob>): Promise<JobResult> {
    const connection = this.orm.em.getConnection();
    const [delivery] = await connection.execute<
      {
        id: string;
        event_id: string;
        body: string;
        status: string;
        attempts: number;
        url: string | null;
        secret: string | null;
        active: boolean | null;
      }[]
    >(
      `select d.id, d.event_id, d.body, d.status, d.attempts, e.url, e.secret, e.active
         from integration.webhook_delivery d left join integration.webhook_endpoint e on e.id = d.endpoint_id where d.id = ?`,
      [job.data.deliveryId],
    );
    if (!delivery || delivery.status === 'DELIVERED') return { id: job.id, status: 'completed' };
    if (!delivery.active || !delivery.url || !delivery.secret) {
      await connection.execute(
        `update integration.webhook_delivery set status = 'DEAD', last_error = 'The endpoint was disabled.', next_attempt_at = null where id = ?`,
        [delivery.id],
      );
      return { id: job.id, status: 'completed' };
    }
    const at = new Date();
    const result = await sendWebhook({
      url: delivery.url,
      secret: delivery.secret,
      id: delivery.event_id,
      body: delivery.body,
      timeoutMs: this.settings.timeoutMs,
    });
    const outcome = deliveryOutcome({ responseStatus: result.responseStatus, retryCount: job.retryCount, retryLimit: job.retryLimit });
    const error = result.error ?? (outcome === 'DELIVERED' ? null : `HTTP ${result.responseStatus}`);
    await this.orm.em.fork().transactional(async (em) => {
      const c = em.getConnection();
      const trx = em.getTransactionContext();
      const [row] = await c.execute<{ attempts: number }[]>(
        `update integration.webhook_delivery
            set attempts = attempts + 1, status = ?, last_response_status = ?, last_error = ?, last_attempt_at = ?,
                delivered_at = case when ? = 'DELIVERED' then ? else delivered_at end, next_attempt_at = null
          where id = ? returning attempts`,
        [outcome, result.responseStatus, error, at, outcome, at, delivery.id],
        'all',
        trx,
      );
      await c.execute(
        `insert into integration.webhook_attempt (delivery_id, attempt, at, response_status, duration_ms, error, response_excerpt)
         values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
        [delivery.id, row!.attempts, at, result.responseStatus, result.durationMs, result.error, result.responseExcerpt],
        'all',
        trx,
      );
    });
    if (outcome === 'DEAD') this.logger.warn(`webhook delivery ${delivery.id} is dead after ${job.retryCount + 1} tries: ${error}`);
    return outcome === 'DELIVERED' ? { id: job.id, status: 'completed' } : { id: job.id, status: 'failed', output: { error } };
  }

  /**
   * Puts DEAD deliveries back on the queue for one more try each now, in their order (the
   * failed job is retried in place, so it keeps its place before the later ones of its order).
   * Returns the deliveries that were replayed.
   */
  async replay(deliveryIds: string[]): Promise<string[]> {
    const boss = this.#boss;
    if (!boss || deliveryIds.length === 0) return [];
    const connection = this.orm.em.getConnection();
    const dead = await connection.execute<{ id: string; job_id: string | null; endpoint_id: string; ordering_key: string }[]>(
      `select id, job_id, endpoint_id, ordering_key from integration.webhook_delivery where id = any(?::uuid[]) and status = 'DEAD' order by seq`,
      [uuidArray(deliveryIds)],
    );
    if (dead.length === 0) return [];
    const withJob = dead.filter((d) => d.job_id);
    if (withJob.length)
      await boss.retry(
        WEBHOOK_QUEUE,
        withJob.map((d) => d.job_id!),
      );
    // A job that is gone (a delivery of an endpoint disabled meanwhile) gets a new one.
    const present = new Set(
      (
        await connection.execute<{ id: string }[]>(`select id from ${WEBHOOK_JOBS_SCHEMA}.job where name = ? and id = any(?::uuid[])`, [
          WEBHOOK_QUEUE,
          uuidArray(withJob.map((d) => d.job_id!)),
        ])
      ).map((j) => j.id),
    );
    const fresh = dead.filter((d) => !d.job_id || !present.has(d.job_id));
    if (fresh.length)
      await boss.insert(
        WEBHOOK_QUEUE,
        fresh.map((d) => ({ singletonKey: `${d.endpoint_id}:${d.ordering_key}`, data: { deliveryId: d.id } })),
      );
    await connection.execute(`update integration.webhook_delivery set status = 'RETRYING', last_error = null where id = any(?::uuid[])`, [
      uuidArray(dead.map((d) => d.id)),
    ]);
    return dead.map((d) => d.id);
  }

  /**
   * Removes the queue job of a delivery a person set aside (IGNORED): a failed job holds its key
   * (endpoint and order) in key_strict_fifo, so the later deliveries of that order go on only once
   * it is gone.
   */
  async release(deliveryId: string): Promise<void> {
    const boss = this.#boss;
    const [row] = await this.orm.em
      .getConnection()
      .execute<{ job_id: string | null }[]>(`select job_id from integration.webhook_delivery where id = ?`, [deliveryId]);
    if (boss && row?.job_id) await boss.deleteJob(WEBHOOK_QUEUE, row.job_id);
  }

  /** Starts pg-boss on the service's database, queues what waits and works the queue. Returns how to stop. */
  async start(databaseUrl: string, metrics?: ServiceMetrics): Promise<() => Promise<void>> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: WEBHOOK_JOBS_SCHEMA,
      max: 4,
      schedule: false,
      application_name: 'dealergraph-integration-webhooks',
    });
    boss.on('error', (error) => this.logger.warn('webhook queue error', { error: String(error) }));
    await boss.start();
    if (metrics) watchQueues(metrics, boss);
    const { firstDelaySeconds, maxDelaySeconds, retries, timeoutMs } = this.settings;
    const queue = {
      policy: 'key_strict_fifo',
      retryLimit: retries,
      retryDelay: firstDelaySeconds,
      retryBackoff: true,
      retryDelayMax: maxDelaySeconds,
      expireInSeconds: Math.max(30, Math.ceil(timeoutMs / 1000) * 2),
      // A dead job holds back its order's later deliveries until replayed; the queue forgets it after 30 days.
      deleteAfterSeconds: 30 * 86_400,
    };
    try {
      const existing = await boss.getQueue(WEBHOOK_QUEUE);
      // pg-boss refuses any policy in an update, even the same one: a restart keeps the queue's and updates the rest.
      const { policy, ...settings } = queue;
      if (!existing) await boss.createQueue(WEBHOOK_QUEUE, queue);
      else if (existing.policy === policy) await boss.updateQueue(WEBHOOK_QUEUE, settings);
      else throw new Error(`the ${WEBHOOK_QUEUE} queue has the policy ${existing.policy}; drop it to recreate it as ${policy}`);
      this.#boss = boss;
      await this.enqueue();
      await boss.work<DeliveryJob>(
        WEBHOOK_QUEUE,
        {
          batchSize: this.settings.concurrency,
          pollingIntervalSeconds: this.settings.pollSeconds,
          includeMetadata: true,
          perJobResults: true,
          burstWhenBatchFull: true,
        },
        async (jobs) => Promise.all((jobs as JobWithMetadata<DeliveryJob>[]).map((job) => this.attempt(job))),
      );
    } catch (error) {
      this.#boss = null;
      await boss.stop({ graceful: false, close: true });
      throw error;
    }
    return async () => {
      this.#boss = null;
      await this.#enqueueing;
      await boss.stop({ graceful: true, close: true, timeout: 10_000 });
    };
  }
}
