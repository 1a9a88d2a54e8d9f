import { describe, expect, it } from 'vitest';

import { dueCalendar } from './due-calendar.js';

// Wednesday 4 November 2026
const now = new Date('2026-11-04T15:00:00Z');
const on = (day: number, hour = 9) => new Date(Date.UTC(2026, 10, day, hour));

const items = [
  { outstanding: 100, dueAt: on(3, 23) },
  { outstanding: 200, dueAt: on(4, 1) },
  { outstanding: 300, dueAt: on(4, 22) },
  { outstanding: 400, dueAt: on(8) },
  { outstanding: 500, dueAt: on(9) },
  { outstanding: 0, dueAt: on(10) },
  { outstanding: 600, dueAt: on(30) },
];

describe('dueCalendar', () => {
  it('groups by day from today, earlier amounts are overdue, beyond the horizon left out', () => {
    const c = dueCalendar({ items, now, granularity: 'DAY', horizonDays: 14 });
    expect(c.overdue).toEqual({ amount: 100, invoiceCount: 1 });
    expect(c.upcoming.map((b) => [b.start.toISOString().slice(0, 10), b.amount, b.invoiceCount])).toEqual([
      ['2026-11-04', 500, 2],
      ['2026-11-08', 400, 1],
      ['2026-11-09', 500, 1],
    ]);
  });

  it('groups by ISO week starting on Monday', () => {
    const c = dueCalendar({ items, now, granularity: 'WEEK', horizonDays: 30 });
    expect(c.upcoming.map((b) => [b.start.toISOString().slice(0, 10), b.amount])).toEqual([
      ['2026-11-02', 900],
      ['2026-11-09', 500],
      ['2026-11-30', 600],
    ]);
  });
});
