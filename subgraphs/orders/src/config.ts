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

/** How mail notifications are sent (docs/CONFIGURATION.md, "Mail"). */
export interface NotificationSettings {
  /** SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`): the server mails go through; unset: none (demo mode keeps them in the dev mailbox). */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender of every mail. */
  from: string;
  /** MAIL_REPLY_TO: where replies go; unset: the sender. */
  replyTo: string | null;
  /** PUBLIC_URL: the gateway's address as people reach it, the base of every link in a mail. */
  publicUrl: string;
  /** MAIL_LINK_SECRET: the key that signs approval and unsubscribe links (HS256); null: derived from the internal key. */
  linkSecret: string | null;
  /** MAIL_APPROVAL_LINK_HOURS: how long an approval link works. */
  approvalLinkHours: number;
  /** Demo mode: every mail is also kept in the dev mailbox (/dev/mailbox); never in production. */
  keepInMailbox: boolean;
  /** MAIL_RETRY_LIMIT / MAIL_RETRY_DELAY_SECONDS: retries of a failed send, with exponential backoff from this delay. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** How often an idle mail worker looks for queued mails (seconds). */
  pollSeconds: number;
  /**
   * VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY (base64url, P-256; `npm run secrets` writes them): the key pair web
   * push messages are signed with. Unset: in demo mode a pair is generated once and kept in the database
   * (browsers' subscriptions are bound to it, so it must outlive a restart); in production web push is off.
   */
  vapidPublicKey: string | null;
  vapidPrivateKey: string | null;
  /** VAPID_SUBJECT: how push services reach the operator (a mailto: or https: URL). */
  vapidSubject: string;
  /** PUSH_TTL_SECONDS: how long a push service keeps a message for a device that is offline. */
  pushTtlSeconds: number;
  /** NOTIFY_RATE_PER_HOUR: at most this many non-urgent notifications per person and channel in any hour; more wait (0: no limit). */
  ratePerHour: number;
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = Object.freeze({
  smtpUrl: null,
  from: 'Dealergraph <no-reply@dealergraph.localhost>',
  replyTo: null,
  publicUrl: 'http://localhost:4000',
  linkSecret: null,
  approvalLinkHours: 72,
  keepInMailbox: true,
  retryLimit: 5,
  retryDelaySeconds: 10,
  pollSeconds: 2,
  vapidPublicKey: null,
  vapidPrivateKey: null,
  vapidSubject: 'mailto:no-reply@dealergraph.localhost',
  pushTtlSeconds: 24 * 3600,
  ratePerHour: 60,
});

function vapidFrom(env: Env): Pick<NotificationSettings, 'vapidPublicKey' | 'vapidPrivateKey' | 'vapidSubject'> {
  const vapidPublicKey = envOptional(env, 'VAPID_PUBLIC_KEY') ?? null;
  const vapidPrivateKey = envOptional(env, 'VAPID_PRIVATE_KEY') ?? null;
  if ((vapidPublicKey === null) !== (vapidPrivateKey === null))
    throw new ConfigError('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: set both (npm run secrets writes them) or neither.');
  const vapidSubject = envOptional(env, 'VAPID_SUBJECT') ?? DEFAULT_NOTIFICATION_SETTINGS.vapidSubject;
  if (!/^(mailto:|https:\/\/)/.test(vapidSubject))
    throw new ConfigError(`VAPID_SUBJECT must be a mailto: or https: URL, not "${vapidSubject}".`);
  return { vapidPublicKey, vapidPrivateKey, vapidSubject };
}

function notificationsFrom(env: Env, base: SubgraphConfig): NotificationSettings {
  return {
    smtpUrl: envOptional(env, 'SMTP_URL') ?? null,
    from: envOptional(env, 'MAIL_FROM') ?? DEFAULT_NOTIFICATION_SETTINGS.from,
    replyTo: envOptional(env, 'MAIL_REPLY_TO') ?? null,
    publicUrl: (envOptional(env, 'PUBLIC_URL') ?? `http://localhost:${envInt(env, 'PORT', 4000)}`).replace(/\/+$/, ''),
    linkSecret: envOptional(env, 'MAIL_LINK_SECRET') ?? null,
    approvalLinkHours: envInt(env, 'MAIL_APPROVAL_LINK_HOURS', DEFAULT_NOTIFICATION_SETTINGS.approvalLinkHours),
    keepInMailbox: !base.production,
    retryLimit: envInt(env, 'MAIL_RETRY_LIMIT', DEFAULT_NOTIFICATION_SETTINGS.retryLimit),
    retryDelaySeconds: envInt(env, 'MAIL_RETRY_DELAY_SECONDS', DEFAULT_NOTIFICATION_SETTINGS.retryDelaySeconds),
    pollSeconds: DEFAULT_NOTIFICATION_SETTINGS.pollSeconds,
    ...vapidFrom(env),
    pushTtlSeconds: envInt(env, 'PUSH_TTL_SECONDS', DEFAULT_NOTIFICATION_SETTINGS.pushTtlSeconds),
    ratePerHour: envInt(env, 'NOTIFY_RATE_PER_HOUR', DEFAULT_NOTIFICATION_SETTINGS.ratePerHour),
  };
}

/** Settings of the orders subgraph; the only place it reads the environment. */
export interface OrdersConfig extends SubgraphConfig {
  workflow: WorkflowSettings;
  /** Mail notifications: SMTP_URL, MAIL_FROM, MAIL_REPLY_TO, PUBLIC_URL, MAIL_LINK_SECRET, MAIL_APPROVAL_LINK_HOURS. */
  notifications: NotificationSettings;
  /** REDIS_URL: order events fan out through Redis to every instance; unset, in-process. */
  redisUrl?: string;
}

/**
 * Reads the orders subgraph's settings; the port defaults to 4005 (ORDERS_PORT). ORDER_STEP_TIMEOUT_MS,
 * ORDER_WORKFLOW_LEASE_MS and ORDER_SWEEP_INTERVAL_MS tune the workflow; ORDER_APPROVAL_HOURS_LEVEL_1_2,
 * ORDER_APPROVAL_HOURS_ABOVE, ORDER_APPROVAL_REMINDER_MS and ORDER_ESCALATION_SWEEP_MS the approval deadlines;
 * ORDER_APPROVAL_TIMERS (pg-boss, the default, or sweep) and ORDER_APPROVAL_POLL_SECONDS who runs them;
 * SMTP_URL, MAIL_FROM, MAIL_REPLY_TO, PUBLIC_URL, MAIL_LINK_SECRET and MAIL_* the mail notifications; VAPID_* and
 * PUSH_TTL_SECONDS web push;
 * ORDER_PAYMENT_WINDOW_HOURS how long a PAYMENT_REQUIRED order waits for its payment (72 by default).
 */
export function loadConfig(env: Env = process.env): OrdersConfig {
  const base = readSubgraphConfig(env, 4005, 'ORDERS_PORT');
  return {
    ...base,
    notifications: notificationsFrom(env, base),
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
