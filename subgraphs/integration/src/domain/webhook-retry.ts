/**
 * When a failed webhook delivery is tried again. The queue (pg-boss) waits before retry n (1-based)
 * a random time between `first × 2^(n-1)` and twice that, never more than `maxDelaySeconds`; after
 * `retries` retries (retries + 1 tries in all) the delivery is dead-lettered. The defaults start
 * within 10 s and stretch to 6 hours, about 3 days in all. This module states that schedule so that
 * config checks and the documentation read it from one place.
 */

export interface RetrySettings {
  /** The wait before the first retry is between this and twice this (seconds, at least 1). */
  firstDelaySeconds: number;
  /** No wait is longer (seconds). */
  maxDelaySeconds: number;
  /** Retries after the first try; then the delivery is DEAD. */
  retries: number;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = { firstDelaySeconds: 5, maxDelaySeconds: 6 * 3600, retries: 23 };

/** The shortest and longest wait before retry n (1-based), in seconds. */
export function retryDelayBounds(settings: RetrySettings, retry: number): { min: number; max: number } {
  const base = Math.max(1, settings.firstDelaySeconds) * 2 ** (Math.min(16, retry) - 1);
  return { min: Math.min(settings.maxDelaySeconds, base), max: Math.min(settings.maxDelaySeconds, 2 * base) };
}

export interface RetryStep {
  retry: number;
  min: number;
  max: number;
  /** Time since the first try when this retry runs, at the earliest and at the latest. */
  sinceFirstMin: number;
  sinceFirstMax: number;
}

/** Every retry of the schedule with its waits and when it runs, counted from the first try. */
export function retrySchedule(settings: RetrySettings): RetryStep[] {
  const steps: RetryStep[] = [];
  let sinceFirstMin = 0;
  let sinceFirstMax = 0;
  for (let retry = 1; retry <= settings.retries; retry++) {
    const { min, max } = retryDelayBounds(settings, retry);
    sinceFirstMin += min;
    sinceFirstMax += max;
    steps.push({ retry, min, max, sinceFirstMin, sinceFirstMax });
  }
  return steps;
}

/** What is wrong with a retry setting, or null (each a whole number; first ≤ max; 0-100 retries). */
export function retrySettingsProblem(settings: RetrySettings): string | null {
  const { firstDelaySeconds: first, maxDelaySeconds: max, retries } = settings;
  if (![first, max, retries].every(Number.isInteger)) return 'webhook retry settings must be whole numbers';
  if (first < 1) return 'WEBHOOK_RETRY_FIRST_SECONDS must be at least 1';
  if (max < first) return 'WEBHOOK_RETRY_MAX_SECONDS must be at least WEBHOOK_RETRY_FIRST_SECONDS';
  if (retries < 0 || retries > 100) return 'WEBHOOK_RETRIES must be between 0 and 100';
  return null;
}

/**
 * Where a delivery stands after a try: DELIVERED on a 2xx answer; otherwise RETRYING while the
 * queue will try again (`retryCount` retries done of `retryLimit`), DEAD after the last.
 */
export function deliveryOutcome(input: {
  responseStatus: number | null;
  retryCount: number;
  retryLimit: number;
}): 'DELIVERED' | 'RETRYING' | 'DEAD' {
  if (input.responseStatus !== null && input.responseStatus >= 200 && input.responseStatus < 300) return 'DELIVERED';
  return input.retryCount >= input.retryLimit ? 'DEAD' : 'RETRYING';
}
