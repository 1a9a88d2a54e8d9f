import { type Env, envInt, readSubgraphConfig, type SubgraphConfig } from '@dealergraph/runtime';

/** Settings of the integration subgraph; the only place it reads the environment. */
export interface IntegrationConfig extends SubgraphConfig {
  /** IMPORT_POLL_MS (default 1000): how often an idle worker looks for queued imports. */
  importPollMs: number;
}

/** Port from INTEGRATION_PORT (default 4006); the rest as every subgraph. */
export function loadConfig(env: Env = process.env): IntegrationConfig {
  return { ...readSubgraphConfig(env, 4006, 'INTEGRATION_PORT'), importPollMs: envInt(env, 'IMPORT_POLL_MS', 1000) };
}
