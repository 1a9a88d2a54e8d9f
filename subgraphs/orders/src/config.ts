import { ConfigError, type Env, envInt, envOptional, readSubgraphConfig, type SubgraphConfig } from '@dealergraph/runtime';

import type { ApprovalDeadlineSettings } from './approvals/domain/approval-deadline.js';

/** Timing of the placeOrder workflow. */
export interface WorkflowSettings {
  /** Each internal call (a step) fails after this long. */
  stepTimeoutMs: number;
  /** A running workflow belongs to its runner this long after its last step; then the sweep takes it. */
  leaseMs: number;
  /** How often the recovery sweep looks for workflows past their lease. */
  sweepIntervalMs: number;
  /** Approval step deadlines (hours per level, reminder lead time). */
  approvalDeadlines: ApprovalDeadlineSettings;
  /** How often the escalation sweep looks for steps past (or near) their deadline (only when the sweep runs the timers). */
  escalationSweepMs: number;
  /** Who runs approval reminders and escalations: pg-boss jobs (they survive restarts), or the periodic sweep over the steps' deadlines. */
  approvalTimers: 'PG_BOSS' | 'SWEEP';
  /** How often an idle pg-boss worker looks for due approval jobs. */
  approvalPollSeconds: number;
  /** How long a PAYMENT_REQUIRED order waits for its payment (stock reserved, credit held) before it is cancelled. */
  paymentWindowMs: number;
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = Object.freeze({
  stepTimeoutMs: 10_000,
  leaseMs: 30_000,
  sweepIntervalMs: 15_000,
  approvalDeadlines: Object.freeze({ hoursLevels1to2: 24, hoursAbove: 48, reminderBeforeMs: 4 * 3_600_000 }),
  escalationSweepMs: 60_000,
  approvalTimers: 'PG_BOSS',
  approvalPollSeconds: 10,
  paymentWindowMs: 72 * 3_600_000,
});

function approvalTimersFrom(env: Env): WorkflowSettings['approvalTimers'] {
  const value = envOptional(env, 'ORDER_APPROVAL_TIMERS')?.toLowerCase() ?? 'pg-boss';
  if (value === 'pg-boss') return 'PG_BOSS';
  if (value === 'sweep') return 'SWEEP';
  throw new ConfigError(`ORDER_APPROVAL_TIMERS must be pg-boss or sweep, not "${value}".`);
}

/** Settings of the orders subgraph; the only place it reads the environment. */
export interface OrdersConfig extends SubgraphConfig {
  workflow: WorkflowSettings;
  /** REDIS_URL: order events fan out through Redis to every instance; unset, in-process. */
  redisUrl?: string;
}

/**
 * Reads the orders subgraph's settings; the port defaults to 4005 (ORDERS_PORT). ORDER_STEP_TIMEOUT_MS,
 * ORDER_WORKFLOW_LEASE_MS and ORDER_SWEEP_INTERVAL_MS tune the workflow; ORDER_APPROVAL_HOURS_LEVEL_1_2,
 * ORDER_APPROVAL_HOURS_ABOVE, ORDER_APPROVAL_REMINDER_MS and ORDER_ESCALATION_SWEEP_MS the approval deadlines;
 * ORDER_APPROVAL_TIMERS (pg-boss, the default, or sweep) and ORDER_APPROVAL_POLL_SECONDS who runs them;
 * ORDER_PAYMENT_WINDOW_HOURS how long a PAYMENT_REQUIRED order waits for its payment (72 by default).
 */
export function loadConfig(env: Env = process.env): OrdersConfig {
  return {
    ...readSubgraphConfig(env, 4005, 'ORDERS_PORT'),
    redisUrl: envOptional(env, 'REDIS_URL'),
    workflow: {
      stepTimeoutMs: envInt(env, 'ORDER_STEP_TIMEOUT_MS', DEFAULT_WORKFLOW_SETTINGS.stepTimeoutMs),
      leaseMs: envInt(env, 'ORDER_WORKFLOW_LEASE_MS', DEFAULT_WORKFLOW_SETTINGS.leaseMs),
      sweepIntervalMs: envInt(env, 'ORDER_SWEEP_INTERVAL_MS', DEFAULT_WORKFLOW_SETTINGS.sweepIntervalMs),
      approvalDeadlines: {
        hoursLevels1to2: envInt(env, 'ORDER_APPROVAL_HOURS_LEVEL_1_2', DEFAULT_WORKFLOW_SETTINGS.approvalDeadlines.hoursLevels1to2),
        hoursAbove: envInt(env, 'ORDER_APPROVAL_HOURS_ABOVE', DEFAULT_WORKFLOW_SETTINGS.approvalDeadlines.hoursAbove),
        reminderBeforeMs: envInt(env, 'ORDER_APPROVAL_REMINDER_MS', DEFAULT_WORKFLOW_SETTINGS.approvalDeadlines.reminderBeforeMs),
      },
      escalationSweepMs: envInt(env, 'ORDER_ESCALATION_SWEEP_MS', DEFAULT_WORKFLOW_SETTINGS.escalationSweepMs),
      approvalTimers: approvalTimersFrom(env),
      approvalPollSeconds: envInt(env, 'ORDER_APPROVAL_POLL_SECONDS', DEFAULT_WORKFLOW_SETTINGS.approvalPollSeconds),
      paymentWindowMs: envInt(env, 'ORDER_PAYMENT_WINDOW_HOURS', DEFAULT_WORKFLOW_SETTINGS.paymentWindowMs / 3_600_000) * 3_600_000,
    },
  };
}
