import { ConfigError, type Env, envInt, readSubgraphConfig, type SubgraphConfig } from '@dealergraph/runtime';

import { DEFAULT_RETRY_SETTINGS, retrySettingsProblem } from './domain/webhook-retry.js';
import type { WebhookSettings } from './services/webhook-queue.js';

/** Settings of the integration subgraph; the only place it reads the environment. */
export interface IntegrationConfig extends SubgraphConfig {
  /** IMPORT_POLL_MS (default 1000): how often an idle worker looks for queued imports. */
  importPollMs: number;
  /** Webhook deliveries to the ERP (docs/ERP.md, "Retries"). */
  webhooks: WebhookSettings;
  /** INTEGRATION_MONITOR_MS (default 60000): how often the monitor looks for dead deliveries, overdue syncs and failed imports. */
  monitorIntervalMs: number;
}

/** The webhook settings from the environment; the defaults retry from 5-10 s up to 6 h, about 3 days in all. */
export function readWebhookSettings(env: Env): WebhookSettings {
  const settings: WebhookSettings = {
    firstDelaySeconds: envInt(env, 'WEBHOOK_RETRY_FIRST_SECONDS', DEFAULT_RETRY_SETTINGS.firstDelaySeconds),
    maxDelaySeconds: envInt(env, 'WEBHOOK_RETRY_MAX_SECONDS', DEFAULT_RETRY_SETTINGS.maxDelaySeconds),
    retries: envInt(env, 'WEBHOOK_RETRIES', DEFAULT_RETRY_SETTINGS.retries),
    timeoutMs: envInt(env, 'WEBHOOK_TIMEOUT_MS', 15_000),
    concurrency: envInt(env, 'WEBHOOK_CONCURRENCY', 20),
    pollSeconds: 1,
  };
  const problem = retrySettingsProblem(settings);
  if (problem) throw new ConfigError(`${problem}.`);
  if (settings.timeoutMs < 100 || settings.concurrency < 1)
    throw new ConfigError('WEBHOOK_TIMEOUT_MS and WEBHOOK_CONCURRENCY must be positive.');
  return settings;
}

/** Port from INTEGRATION_PORT (default 4006); the rest as every subgraph. */
export function loadConfig(env: Env = process.env): IntegrationConfig {
  return {
    ...readSubgraphConfig(env, 4006, 'INTEGRATION_PORT'),
    importPollMs: envInt(env, 'IMPORT_POLL_MS', 1000),
    webhooks: readWebhookSettings(env),
    monitorIntervalMs: envInt(env, 'INTEGRATION_MONITOR_MS', 60_000),
  };
}
