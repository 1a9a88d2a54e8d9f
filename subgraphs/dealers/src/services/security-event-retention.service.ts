import { type EntityManager, startPeriodic } from '@dealergraph/runtime';

import { RETENTION_SWEEP, retentionCutoff } from '../domain/security-event-retention.js';

/** How long the audit log keeps events, and what time it is (tests pass their own clock). */
export interface RetentionSettings {
  retentionDays: number;
  intervalMs?: number;
  batchSize?: number;
  now?: () => Date;
}

/**
 * Deletes the security events older than the cutoff, `batchSize` rows per statement (each its own
 * short transaction), until none is left; returns how many went. Rows another sweep is deleting
 * are skipped (SKIP LOCKED), so two instances of the service can sweep at once.
 */
export async function pruneSecurityEvents(em: EntityManager, input: { before: Date; batchSize?: number }): Promise<number> {
  const batchSize = input.batchSize ?? RETENTION_SWEEP.batchSize;
  let deleted = 0;
  for (;;) {
    const rows = await em.getConnection().execute(
      `delete from "dealers"."security_event" where id in (
         select id from "dealers"."security_event" where at < ? order by at limit ? for update skip locked) returning id`,
      [input.before, batchSize],
    );
    deleted += rows.length;
    if (rows.length < batchSize) return deleted;
  }
}

/**
 * Prunes the audit log now and then every interval, one run at a time (a slow run skips ticks); a
 * failed run is reported and the next tick retries. A retention that is not whole days from 1 to
 * 36500 throws here, so the service does not start with it. Returns how to stop it (waits for the
 * run in progress).
 */
export function startSecurityEventRetention(
  newEm: () => EntityManager,
  settings: RetentionSettings,
  onError: (error: unknown) => void,
): () => Promise<void> {
  const now = settings.now ?? (() => new Date());
  retentionCutoff({ now: now(), retentionDays: settings.retentionDays });
  const work = async () =>
    pruneSecurityEvents(newEm(), {
      before: retentionCutoff({ now: now(), retentionDays: settings.retentionDays }),
      batchSize: settings.batchSize,
    });
  return startPeriodic(work, settings.intervalMs ?? RETENTION_SWEEP.intervalMs, onError);
}
