import { envInt, envOptional, readSubgraphConfig, type Env, type SubgraphConfig } from '@dealergraph/runtime';

/** Timing of the placeOrder workflow. */
export interface WorkflowSettings {
  /** Each internal call (a step) fails after this long. */
  stepTimeoutMs: number;
  /** A running workflow belongs to its runner this long after its last step; then the sweep takes it. */
  leaseMs: number;
  /** How often the recovery sweep looks for workflows past their lease. */
  sweepIntervalMs: number;
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = Object.freeze({ stepTimeoutMs: 10_000, leaseMs: 30_000, sweepIntervalMs: 15_000 });

/** Settings of the orders subgraph; the only place it reads the environment. */
export interface OrdersConfig extends SubgraphConfig {
  workflow: WorkflowSettings;
  /** REDIS_URL: order events fan out through Redis to every instance; unset, in-process. */
  redisUrl?: string;
}

/**
 * Reads the orders subgraph's settings; the port defaults to 4005 (ORDERS_PORT). ORDER_STEP_TIMEOUT_MS,
 * ORDER_WORKFLOW_LEASE_MS and ORDER_SWEEP_INTERVAL_MS tune the workflow.
 */
export function loadConfig(env: Env = process.env): OrdersConfig {
  return {
    ...readSubgraphConfig(env, 4005, 'ORDERS_PORT'),
    redisUrl: envOptional(env, 'REDIS_URL'),
    workflow: {
      stepTimeoutMs: envInt(env, 'ORDER_STEP_TIMEOUT_MS', DEFAULT_WORKFLOW_SETTINGS.stepTimeoutMs),
      leaseMs: envInt(env, 'ORDER_WORKFLOW_LEASE_MS', DEFAULT_WORKFLOW_SETTINGS.leaseMs),
      sweepIntervalMs: envInt(env, 'ORDER_SWEEP_INTERVAL_MS', DEFAULT_WORKFLOW_SETTINGS.sweepIntervalMs),
    },
  };
}
