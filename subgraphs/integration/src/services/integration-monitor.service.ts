import { randomUUID } from 'node:crypto';

import { type InternalClient, type Logger, normalizeId, requireClaims, startPeriodic } from '@dealergraph/runtime';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { IntegrationContext } from '../context.js';
import { SYNC_KINDS, SYNC_SCHEDULES, type SyncKind, type SyncState, syncState } from '../domain/sync-schedule.js';
import { IntegrationAlert } from '../entities/integration-alert.entity.js';
import { WebhookDelivery } from '../entities/webhook-delivery.entity.js';
import type { WebhookUserError } from './webhook.service.js';

/** One kind of data and how far it lags behind its schedule. */
export interface SyncStatusView {
  kind: SyncKind;
  schedule: string;
  expectedWithinSeconds: number;
  lastSuccessAt: Date | null;
  source: string | null;
  lagSeconds: number | null;
  state: SyncState;
}

/** The ERP link at a glance: each sync, and the error queue's size. */
export interface IntegrationStatusView {
  syncs: SyncStatusView[];
  waitingDeliveries: number;
  retryingDeliveries: number;
  deadDeliveries: number;
  failedImports: number;
  openAlerts: number;
  checkedAt: Date;
}

/** Records a successful sync of a kind now (an import that finished, a write the owner reported). Idempotent. */
export async function markSynced(em: EntityManager, input: { kind: SyncKind; source: string; at?: Date }): Promise<void> {
  await em.getConnection().execute(
    `insert into integration.sync_mark (kind, last_success_at, source) values (?, ?, ?)
       on conflict (kind) do update set last_success_at = greatest(sync_mark.last_success_at, excluded.last_success_at),
         source = case when excluded.last_success_at >= sync_mark.last_success_at then excluded.source else sync_mark.source end`,
    [input.kind, input.at ?? new Date(), input.source],
    'all',
    em.getTransactionContext(),
  );
}

/** Every sync's state and the error queue's counts, as of now. */
export async function readIntegrationStatus(em: EntityManager, now = new Date()): Promise<IntegrationStatusView> {
  const connection = em.getConnection();
  const marks = await connection.execute<{ kind: string; last_success_at: Date; source: string }[]>(
    `select kind, last_success_at, source from integration.sync_mark`,
  );
  const [queue] = await connection.execute<
    {
      waiting: number;
      retrying: number;
      dead: number;
      oldest_waiting: Date | null;
      last_delivered: Date | null;
      failed_imports: number;
      open_alerts: number;
    }[]
  >(
    `select count(*) filter (where status = 'PENDING')::int as waiting,
            count(*) filter (where status = 'RETRYING')::int as retrying,
            count(*) filter (where status = 'DEAD')::int as dead,
            min(created_at) filter (where status in ('PENDING', 'RETRYING', 'DEAD')) as oldest_waiting,
            max(delivered_at) as last_delivered,
            (select count(*)::int from integration.import_job where status = 'FAILED' and finished_at > now() - interval '7 days') as failed_imports,
            (select count(*)::int from integration.integration_alert where resolved_at is null) as open_alerts
       from integration.webhook_delivery`,
  );
  const byKind = new Map(marks.map((m) => [m.kind, m]));
  const syncs = SYNC_KINDS.map((kind): SyncStatusView => {
    const mark = byKind.get(kind);
    const lastSuccessAt =
      kind === 'ORDERS' ? (queue!.last_delivered ? new Date(queue!.last_delivered) : null) : mark ? new Date(mark.last_success_at) : null;
    const oldestWaitingAt = queue!.oldest_waiting ? new Date(queue!.oldest_waiting) : null;
    const { state, lagSeconds } = syncState({ kind, lastSuccessAt, oldestWaitingAt, now });
    return {
      kind,
      ...SYNC_SCHEDULES[kind],
      lastSuccessAt,
      source: kind === 'ORDERS' ? (lastSuccessAt ? 'webhook deliveries' : null) : (mark?.source ?? null),
      lagSeconds,
      state,
    };
  });
  return {
    syncs,
    waitingDeliveries: queue!.waiting,
    retryingDeliveries: queue!.retrying,
    deadDeliveries: queue!.dead,
    failedImports: queue!.failed_imports,
    openAlerts: queue!.open_alerts,
    checkedAt: now,
  };
}

/** The status for ADMIN or the ERP's client (the matrix decides; nothing here is per dealer). */
export function integrationStatus(ctx: IntegrationContext): Promise<IntegrationStatusView> {
  requireClaims(ctx.claims);
  return readIntegrationStatus(ctx.em);
}

/** Alerts, open ones first, newest first. */
export async function integrationAlerts(
  ctx: IntegrationContext,
  input: { openOnly: boolean; offset: number; limit: number },
): Promise<[IntegrationAlert[], number]> {
  requireClaims(ctx.claims);
  return ctx.em.findAndCount(IntegrationAlert, input.openOnly ? { resolvedAt: null } : {}, {
    orderBy: [{ resolvedAt: 'desc nulls first' }, { raisedAt: 'desc' }, { id: 'asc' }],
    offset: input.offset,
    limit: input.limit,
  });
}

/**
 * Sets a DEAD delivery aside for good (the ERP got the order another way, or it no longer matters):
 * IGNORED with who, when and why, and its queue job removed so the later deliveries of its order go
 * on. Only a dead delivery, with a reason.
 */
export async function ignoreWebhookDelivery(
  ctx: IntegrationContext,
  input: { id: string; reason: string },
): Promise<{ delivery: WebhookDelivery | null; userErrors: WebhookUserError[] }> {
  const claims = requireClaims(ctx.claims);
  const reason = input.reason.trim();
  if (!reason || reason.length > 500)
    return { delivery: null, userErrors: [{ code: 'INVALID_REASON', message: 'Say why, in 1 to 500 characters.', field: ['reason'] }] };
  const id = normalizeId(input.id);
  const delivery = id ? await ctx.em.findOne(WebhookDelivery, { id }) : null;
  if (!delivery) return { delivery: null, userErrors: [{ code: 'NOT_FOUND', message: 'No such delivery.', field: ['id'] }] };
  const [changed] = await ctx.em.getConnection().execute<{ id: string }[]>(
    `update integration.webhook_delivery set status = 'IGNORED', ignored_at = now(), ignored_by = ?, ignore_reason = ?
        where id = ? and status = 'DEAD' returning id`,
    [claims.email ?? claims.sub, reason, delivery.id],
  );
  if (!changed) {
    await ctx.em.refresh(delivery);
    return {
      delivery,
      userErrors: [{ code: 'NOT_DEAD', message: `The delivery is ${delivery.status}: only a dead delivery is ignored.`, field: ['id'] }],
    };
  }
  await ctx.webhooks.release(delivery.id);
  await ctx.em.refresh(delivery);
  return { delivery, userErrors: [] };
}

interface AlertCause {
  kind: 'DELIVERY_DEAD' | 'SYNC_OVERDUE' | 'IMPORT_FAILED' | 'PRICE_MISMATCH';
  subject: string;
  message: string;
}

/** What needs a person right now: dead deliveries, overdue syncs, imports that failed in the last day. */
async function currentCauses(em: EntityManager, now: Date): Promise<AlertCause[]> {
  const connection = em.getConnection();
  const dead = await connection.execute<{ id: string; event_type: string; ordering_key: string; last_error: string | null; url: string }[]>(
    `select d.id, d.event_type, d.ordering_key, d.last_error, e.url from integration.webhook_delivery d
       join integration.webhook_endpoint e on e.id = d.endpoint_id where d.status = 'DEAD' order by d.seq limit 1000`,
  );
  const failed = await connection.execute<{ id: string; kind: string; filename: string; message: string | null }[]>(
    `select id, kind, filename, message from integration.import_job
      where status = 'FAILED' and not dry_run and finished_at > ?::timestamptz - interval '1 day' order by finished_at limit 1000`,
    [now],
  );
  const status = await readIntegrationStatus(em, now);
  return [
    ...dead.map((d) => ({
      kind: 'DELIVERY_DEAD' as const,
      subject: d.id,
      message: `${d.event_type} for ${d.ordering_key} to ${d.url} is dead after every retry (${d.last_error ?? 'no answer'}): replay or ignore it.`,
    })),
    ...status.syncs
      .filter((s) => s.state === 'OVERDUE')
      .map((s) => ({
        kind: 'SYNC_OVERDUE' as const,
        subject: s.kind,
        message: `${s.kind} is overdue: the schedule is ${s.schedule}, the lag is ${Math.round((s.lagSeconds ?? 0) / 60)} minutes.`,
      })),
    ...failed.map((j) => ({
      kind: 'IMPORT_FAILED' as const,
      subject: j.id,
      message: `The ${j.kind} import of ${j.filename} failed: ${j.message ?? 'see its rows'}.`,
    })),
  ];
}

/** Invoices billed at other prices than ordered, from credit; null when credit cannot be asked now. */
async function priceMismatchCauses(credit: InternalClient<'credit'> | undefined): Promise<AlertCause[] | null> {
  if (!credit) return [];
  try {
    const { invoices } = await credit.call('openPriceMismatches', {});
    return invoices.map((i) => ({
      kind: 'PRICE_MISMATCH' as const,
      subject: i.invoiceId,
      message: `Invoice ${i.invoiceNumber} bills ${i.lines} line(s) at another price than ordered: see priceMismatches and settle it with the ERP.`,
    }));
  } catch {
    return null;
  }
}

/**
 * One pass of the monitor: raises an alert for each new cause (once: one open alert per subject)
 * and resolves the open alerts whose cause is gone. Safe to run in every instance at once. When
 * credit cannot be asked, its price mismatch alerts stay as they are.
 */
export async function checkIntegration(
  em: EntityManager,
  options: { now?: Date; credit?: InternalClient<'credit'> } = {},
): Promise<{ raised: number; resolved: number }> {
  const now = options.now ?? new Date();
  const mismatches = await priceMismatchCauses(options.credit);
  const causes = [...(await currentCauses(em, now)), ...(mismatches ?? [])];
  const kept = mismatches === null ? ['PRICE_MISMATCH'] : [];
  const connection = em.getConnection();
  const raised = await connection.execute<{ id: string }[]>(
    `insert into integration.integration_alert (id, kind, subject, message, raised_at)
     select r.id, r.kind, r.subject, r.message, ? from jsonb_to_recordset(?::jsonb) as r(id uuid, kind text, subject text, message text)
     on conflict (kind, subject) where resolved_at is null do nothing returning id`,
    [now, JSON.stringify(causes.map((c) => ({ id: randomUUID(), ...c })))],
  );
  const resolved = await connection.execute<{ id: string }[]>(
    `update integration.integration_alert a set resolved_at = ? where a.resolved_at is null and a.kind <> all(?::text[])
       and not exists (select 1 from jsonb_to_recordset(?::jsonb) as c(kind text, subject text) where c.kind = a.kind and c.subject = a.subject)
     returning id`,
    [now, `{${kept.join(',')}}`, JSON.stringify(causes.map(({ kind, subject }) => ({ kind, subject })))],
  );
  return { raised: raised.length, resolved: resolved.length };
}

/** Runs the monitor every `intervalMs` (and once now); returns how to stop it. */
export function startIntegrationMonitor(options: {
  newEm: () => EntityManager;
  credit?: () => InternalClient<'credit'>;
  intervalMs: number;
  logger: Logger;
}): () => Promise<void> {
  return startPeriodic(
    async () => {
      const { raised } = await checkIntegration(options.newEm(), { credit: options.credit?.() });
      if (raised > 0) options.logger.warn(`integration monitor: ${raised} new alert(s); see integrationAlerts`);
    },
    options.intervalMs,
    (error) => options.logger.warn('integration monitor pass failed', { error: String(error) }),
  );
}
