import { DAY_MS, startOfDayUtc } from './credit.js';

/** What falls due when: pure. */

export type CalendarGranularity = 'DAY' | 'WEEK';

export interface DueItem {
  outstanding: number;
  dueAt: Date;
}

export interface DueBucket {
  /** First day of the bucket (midnight UTC; Mondays for weeks). */
  start: Date;
  amount: number;
  invoiceCount: number;
}

export interface DueCalendar {
  /** Already past due at `now`. */
  overdue: { amount: number; invoiceCount: number };
  /** Buckets from today's day (or week) on, in order; only buckets with something due. */
  upcoming: DueBucket[];
}

function bucketStart(day: Date, granularity: CalendarGranularity): Date {
  if (granularity === 'DAY') return day;
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(day.getTime() - weekday * DAY_MS);
}

/** Groups unpaid amounts by due day or ISO week within `horizonDays` from today; earlier ones are overdue. */
export function dueCalendar(input: {
  items: readonly DueItem[];
  now: Date;
  granularity: CalendarGranularity;
  horizonDays: number;
}): DueCalendar {
  const today = startOfDayUtc(input.now);
  const end = today.getTime() + input.horizonDays * DAY_MS;
  const overdue = { amount: 0, invoiceCount: 0 };
  const buckets = new Map<number, DueBucket>();
  for (const item of input.items) {
    if (item.outstanding <= 0) continue;
    const day = startOfDayUtc(item.dueAt);
    if (day.getTime() < today.getTime()) {
      overdue.amount += item.outstanding;
      overdue.invoiceCount++;
      continue;
    }
    if (day.getTime() >= end) continue;
    const start = bucketStart(day, input.granularity);
    const bucket = buckets.get(start.getTime()) ?? { start, amount: 0, invoiceCount: 0 };
    bucket.amount += item.outstanding;
    bucket.invoiceCount++;
    buckets.set(start.getTime(), bucket);
  }
  return { overdue, upcoming: [...buckets.values()].sort((a, b) => a.start.getTime() - b.start.getTime()) };
}
