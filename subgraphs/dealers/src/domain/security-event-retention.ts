/** How the audit log is pruned: how often the sweep runs, and how many rows one statement deletes. */
export const RETENTION_SWEEP = {
  /** The sweep runs at start and then hourly; old rows wait at most this long past their time. */
  intervalMs: 3600 * 1000,
  /** Rows per DELETE: short statements, so the sweep never holds many locks or a long transaction. */
  batchSize: 1000,
  /** The default of SECURITY_EVENT_RETENTION_DAYS. */
  defaultDays: 365,
} as const;

/** Whether a retention setting is usable: whole days, at least one, at most 100 years. */
export function isRetentionDays(days: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= 36500;
}

/** Events strictly before the returned instant are past their retention at `now`. */
export function retentionCutoff(input: { now: Date; retentionDays: number }): Date {
  if (!isRetentionDays(input.retentionDays))
    throw new RangeError(`A retention of ${input.retentionDays} days is not whole days from 1 to 36500.`);
  return new Date(input.now.getTime() - input.retentionDays * 24 * 3600 * 1000);
}
