/**
 * Wall-clock arithmetic in a user's IANA time zone with Intl alone: the minute of the day an instant
 * shows there, and the next instant the clock there shows a given minute of the day, daylight saving
 * time included (a night that gains or loses an hour still ends at 07:00 on the wall).
 */

const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

/** True for a time zone Intl knows (an IANA name such as Europe/Berlin, or UTC). */
export function isTimeZone(value: string): boolean {
  try {
    formatIn(value);
    return true;
  } catch {
    return false;
  }
}

/** The minute of the day (0..1439) the clock in `timeZone` shows at `at`. */
export function localMinuteOfDay(at: Date, timeZone: string): number {
  const parts = formatIn(timeZone).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

/** "HH:MM" (00:00..23:59) as a minute of the day, or null when it is not one. */
export function minuteOfDay(text: string): number | null {
  const found = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return found ? Number(found[1]) * 60 + Number(found[2]) : null;
}

/**
 * The first instant at or after `from` (to the minute) when the clock in `timeZone` shows `minute`.
 * Steps by the wall-clock difference, then corrects by what the clock really shows there (a DST change
 * in between moves it by the hour gained or lost); a minute skipped by a spring-forward is met at the
 * first instant after the gap.
 */
export function nextLocalMinute({ from, minute, timeZone }: { from: Date; minute: number; timeZone: string }): Date {
  const start = new Date(Math.ceil(from.getTime() / 60_000) * 60_000);
  const ahead = (minute - localMinuteOfDay(start, timeZone) + 1440) % 1440;
  let candidate = new Date(start.getTime() + ahead * 60_000);
  for (let i = 0; i < 2; i++) {
    const off = ((minute - localMinuteOfDay(candidate, timeZone) + 720 + 1440) % 1440) - 720;
    if (off === 0) break;
    const corrected = new Date(candidate.getTime() + off * 60_000);
    // Never before `from`: a correction backwards past it means the next day's occurrence.
    candidate = corrected.getTime() >= start.getTime() ? corrected : new Date(corrected.getTime() + 1440 * 60_000);
  }
  return candidate;
}
