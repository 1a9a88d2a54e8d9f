/**
 * The rate limit per recipient: at most `perHour` non-urgent notifications to one person (per channel)
 * in any sliding hour. One past the limit is not dropped but deferred to when the oldest one in the
 * window leaves it; urgent kinds are never deferred (an escalation must not queue behind shipments),
 * though they count toward the window like the rest.
 */
import { isUrgent } from './quiet-hours.js';

const HOUR_MS = 3_600_000;

export function rateLimitedAt({
  now,
  kind,
  recentSends,
  perHour,
}: {
  now: Date;
  kind: string;
  /** When notifications went (or are due to go) to this recipient on this channel. */
  recentSends: readonly Date[];
  perHour: number;
}): Date {
  if (isUrgent(kind) || perHour <= 0) return now;
  const window = recentSends
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - HOUR_MS)
    .sort((a, b) => a - b);
  if (window.length < perHour) return now;
  // Sends already scheduled past now fill later slots too: the k-th from the end frees the slot.
  return new Date(Math.max(now.getTime(), window[window.length - perHour] + HOUR_MS));
}
