/**
 * When a notification may go out to one user, by their choices: quiet hours (a daily window on
 * their own clock, such as 22:00 to 07:00 in Europe/Berlin, during which non-urgent mail and push
 * wait until the window ends) and, per kind, e-mail immediately, in the daily digest (one mail at
 * the user's digest hour that batches the day's non-urgent events) or not at all. Urgent kinds
 * (an approval about to miss its deadline or escalated, an alert for staff admins) ignore both:
 * they exist to be seen at once.
 */
import { type UserError, userError } from '@dealergraph/runtime';

import { isTimeZone, localMinuteOfDay, minuteOfDay, nextLocalMinute } from './local-time.js';

/** Kinds that are never held back nor batched. */
export const URGENT_KINDS: readonly string[] = ['APPROVAL_REMINDER', 'APPROVAL_ESCALATED', 'DELIVERY_DEAD_LETTERED', 'IMPORT_FAILED'];

export function isUrgent(kind: string): boolean {
  return URGENT_KINDS.includes(kind);
}

/** A user's quiet hours: from `start` to `end` ("HH:MM", the window may cross midnight) on the clock of `timeZone`. */
export interface QuietHours {
  start: string;
  end: string;
  timeZone: string;
}

/** Why quiet hours cannot be kept (INVALID_INPUT at input.start, input.end or input.timeZone); empty when they can. */
export function quietHoursProblems(quiet: QuietHours): UserError[] {
  const problems: UserError[] = [];
  const start = minuteOfDay(quiet.start);
  const end = minuteOfDay(quiet.end);
  if (start === null) problems.push(userError('INVALID_INPUT', 'start is a time of day, HH:MM.', ['input', 'start']));
  if (end === null) problems.push(userError('INVALID_INPUT', 'end is a time of day, HH:MM.', ['input', 'end']));
  if (start !== null && start === end)
    problems.push(userError('INVALID_INPUT', 'start and end are the same time: a window of no length.', ['input', 'end']));
  if (!isTimeZone(quiet.timeZone))
    problems.push(userError('INVALID_INPUT', 'timeZone is an IANA time zone name, such as Europe/Berlin.', ['input', 'timeZone']));
  return problems;
}

/** True when `at` falls inside the window on the user's clock (start included, end excluded). */
export function inQuietHours({ at, quiet }: { at: Date; quiet: QuietHours }): boolean {
  const start = minuteOfDay(quiet.start)!;
  const end = minuteOfDay(quiet.end)!;
  const now = localMinuteOfDay(at, quiet.timeZone);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** When a notification planned at `now` may be sent: now, or (non-urgent, inside quiet hours) when the window ends. */
export function releaseTime({ now, kind, quiet }: { now: Date; kind: string; quiet: QuietHours | null }): Date {
  if (!quiet || isUrgent(kind) || !inQuietHours({ at: now, quiet })) return now;
  return nextLocalMinute({ from: now, minute: minuteOfDay(quiet.end)!, timeZone: quiet.timeZone });
}

export type EmailChoice = 'IMMEDIATE' | 'DAILY_DIGEST' | 'OFF';

/** What becomes of one mail: sent (at a time: now, or when quiet hours end), kept for the digest due at a time, or nothing. */
export type MailRoute = { route: 'SEND'; at: Date } | { route: 'DIGEST'; dueAt: Date } | { route: 'NONE' };

/**
 * The route of one mail by the recipient's choices. OFF: none (the in-app feed still has it). An
 * urgent kind: now, whatever the choice (except OFF). DAILY_DIGEST: into the next digest, due at the
 * user's digest hour on their clock. IMMEDIATE: now, or when their quiet hours end.
 */
export function mailRoute(input: {
  now: Date;
  kind: string;
  email: EmailChoice;
  quiet: QuietHours | null;
  /** The minute of the day the digest goes out, on the clock of `timeZone`. */
  digest: { minute: number; timeZone: string };
}): MailRoute {
  const { now, kind, email, quiet, digest } = input;
  if (email === 'OFF') return { route: 'NONE' };
  if (isUrgent(kind)) return { route: 'SEND', at: now };
  if (email === 'DAILY_DIGEST')
    return { route: 'DIGEST', dueAt: nextLocalMinute({ from: now, minute: digest.minute, timeZone: digest.timeZone }) };
  return { route: 'SEND', at: releaseTime({ now, kind, quiet }) };
}

/** A push message is never batched: now, or when quiet hours end (urgent kinds at once). */
export function pushRoute({
  now,
  kind,
  push,
  quiet,
}: {
  now: Date;
  kind: string;
  push: 'ON' | 'OFF';
  quiet: QuietHours | null;
}): Date | null {
  return push === 'OFF' ? null : releaseTime({ now, kind, quiet });
}
