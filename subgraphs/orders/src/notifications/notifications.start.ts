import { createHash } from 'node:crypto';

import { internalClient, type SubgraphRuntime, type SubgraphServing } from '@dealergraph/runtime';
import { startOutboxDrain } from '@dealergraph/runtime';
import { type Job, PgBoss } from 'pg-boss';

import { JOBS_SCHEMA } from '../approvals/approval-timers.service.js';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '../config.js';
import type { OrdersContext } from '../context.js';
import { MailDelivery } from './mail-delivery.service.js';
import { MailLinks } from './mail-links.service.js';
import { mountMailPages } from './mail-pages.js';
import { MAIL_QUEUE, type MailJobData, NotificationPlanner } from './notification-planner.service.js';
import { PUSH_QUEUE, PushDelivery, type PushJobData } from './push-delivery.service.js';
import { vapidKeysFor, WebPushState } from './web-push-keys.js';

/** The settings in force: the given ones over the defaults; the link key derived from the internal key unless set. */
export function notificationSettingsFor(runtime: SubgraphRuntime, given: Partial<NotificationSettings> = {}): NotificationSettings {
  const settings = { ...DEFAULT_NOTIFICATION_SETTINGS, ...given };
  return {
    ...settings,
    linkSecret: settings.linkSecret ?? createHash('sha256').update(`mail-links:${runtime.config.internalKey}`).digest('base64url'),
    keepInMailbox: settings.keepInMailbox && !runtime.config.production,
  };
}

/**
 * Mail and web push notifications, started with the orders service: the pages (approval and
 * unsubscribe links, the dev mailbox), the planner that turns committed order events into mails and
 * push messages (woken by the outbox's commit NOTIFY, like the relay) and the pg-boss workers that send
 * them. Fills in `webPush` (the VAPID key) for the resolvers. Returns how to stop it.
 */
export async function startNotifications(
  runtime: SubgraphRuntime,
  newContext: () => OrdersContext,
  serving: SubgraphServing<OrdersContext>,
  given: Partial<NotificationSettings> = {},
  webPush: WebPushState = new WebPushState(),
): Promise<() => Promise<void>> {
  const settings = notificationSettingsFor(runtime, given);
  const { config, logger, orm } = runtime;
  const dealers = internalClient('dealers', { baseUrl: config.serviceUrls.dealers, key: config.internalKey, timeoutMs: 10_000 });
  const links = new MailLinks(settings.linkSecret!, settings.publicUrl, settings.approvalLinkHours);
  mountMailPages(serving.app, { newContext, links, dealers, logger, production: config.production });

  const delivery = new MailDelivery({ orm, settings, logger });
  webPush.allowHttpEndpoints = !config.production;
  webPush.keys = await vapidKeysFor({ orm, settings, production: config.production });
  if (!delivery.delivers) logger.warn('SMTP_URL is not set: no mail notification is sent (see docs/CONFIGURATION.md, "Mail")');
  if (!webPush.keys) logger.info('VAPID keys are not set: web push is off (npm run secrets writes them)');
  const channels = { mail: delivery.delivers, push: webPush.keys !== null };
  if (!channels.mail && !channels.push) return async () => {};
  watchMail(runtime);
  const boss = new PgBoss({
    connectionString: config.databaseUrl,
    schema: JOBS_SCHEMA,
    // Small: a batch of mails is three statements; the SMTP round trips hold no connection.
    max: 2,
    schedule: false,
    // A new mail job wakes the worker at once (one listening connection); polling stays as the floor.
    useListenNotify: true,
    application_name: 'dealergraph-orders-mail',
  });
  boss.on('error', (error) => logger.warn('mail queue error', { error: String(error) }));
  await boss.start();
  let stopDrain: (() => Promise<void>) | null = null;
  try {
    await workMails(boss, delivery, settings);
    if (webPush.keys) {
      const keys = webPush.keys;
      await workPushes(
        boss,
        new PushDelivery({ orm, keys, ttlSeconds: settings.pushTtlSeconds, retryLimit: settings.retryLimit, logger }),
        settings,
      );
    }
    const planner = new NotificationPlanner({
      orm,
      boss,
      dealers,
      links,
      logger,
      locale: 'en-US',
      batchSize: 100,
      channels,
      ratePerHour: settings.ratePerHour,
    });
    stopDrain = await startOutboxDrain({
      databaseUrl: config.databaseUrl,
      logger,
      channel: 'orders_outbox',
      name: 'mail planner',
      batch: () => planner.planBatch(),
      batchSize: 100,
      pollMs: 1000,
    });
  } catch (error) {
    await boss.stop({ graceful: false, close: true });
    delivery.close();
    throw error;
  }
  return async () => {
    await stopDrain?.();
    await boss.stop({ graceful: true, close: true, timeout: 10_000 });
    delivery.close();
  };
}

/** The mail queue and its worker: retried with backoff; NOTIFY wakes it for new mails. */
async function workMails(boss: PgBoss, delivery: MailDelivery, settings: NotificationSettings): Promise<void> {
  await boss.createQueue(MAIL_QUEUE, {
    policy: 'standard',
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    notify: true,
  });
  await boss.work<MailJobData>(
    MAIL_QUEUE,
    {
      pollingIntervalSeconds: settings.pollSeconds,
      // NOTIFY wakes the worker for new mails only: a retry that comes due is found by this poll.
      notifyPollingIntervalSeconds: settings.pollSeconds,
      batchSize: 50,
      localConcurrency: 2,
      // A backlog (one event to many people) is worked without pausing between full batches.
      burstWhenBatchFull: true,
      perJobResults: true,
    },
    (jobs: Job<MailJobData>[]) => delivery.work(jobs),
  );
}

/** The web push queue and its worker: retried like mails (same limit and backoff). */
async function workPushes(boss: PgBoss, pushes: PushDelivery, settings: NotificationSettings): Promise<void> {
  await boss.createQueue(PUSH_QUEUE, {
    policy: 'standard',
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    notify: true,
  });
  await boss.work<PushJobData>(
    PUSH_QUEUE,
    {
      pollingIntervalSeconds: settings.pollSeconds,
      notifyPollingIntervalSeconds: settings.pollSeconds,
      batchSize: 50,
      localConcurrency: 1,
      burstWhenBatchFull: true,
      perJobResults: true,
    },
    (jobs: Job<PushJobData>[]) => pushes.work(jobs),
  );
}

/** Prometheus gauges of mail delivery (docs/OPERATIONS.md): the oldest mail still waiting, and the mails that failed for good. */
function watchMail(runtime: SubgraphRuntime): void {
  const schema = runtime.orm.config.get('schema') ?? 'orders';
  const read = async <T>(sql: string) => (await runtime.orm.em.fork().execute<T[]>(sql))[0];
  runtime.metrics.gauge(
    'dealergraph_mail_lag_seconds',
    'Age of the oldest mail notification not yet sent (0 when none waits); a retry keeps it waiting.',
    async () =>
      Math.max(
        0,
        (
          await read<{ lag: number | null }>(
            `select extract(epoch from now() - min(created_at))::float8 as lag from "${schema}"."mail_notification" where status = 'PENDING'`,
          )
        )?.lag ?? 0,
      ),
  );
  runtime.metrics.gauge(
    'dealergraph_mail_failed',
    'Mail notifications that failed every try (mailDeliveries(status: FAILED) lists them).',
    async () =>
      (await read<{ n: number }>(`select count(*)::int as n from "${schema}"."mail_notification" where status = 'FAILED'`))?.n ?? 0,
  );
}
