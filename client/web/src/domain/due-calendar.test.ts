import { describe, expect, it } from 'vitest';

import { dueCalendarMonths } from './due-calendar';

const day = (start: string, amount: string, invoiceCount = 1) => ({ start: `${start}T00:00:00.000Z`, amount, invoiceCount });

describe('dueCalendarMonths', () => {
  it('lays out the months from today to the last due day, Monday first, each due day in its cell', () => {
    const months = dueCalendarMonths([day('2026-12-15', '1200.00', 2), day('2027-01-04', '80.50')], new Date('2026-12-07T18:00:00Z'));
    expect(months.map((m) => m.month)).toEqual(['2026-12-01', '2027-01-01']);
    // 1 December 2026 is a Tuesday: one empty Monday before it.
    const december = months[0];
    expect(december.weeks[0][0]).toBeNull();
    expect(december.weeks[0][1]).toMatchObject({ date: '2026-12-01', day: 1 });
    expect(december.weeks.every((w) => w.length === 7)).toBe(true);
    const cells = december.weeks.flat().filter((c) => c !== null);
    expect(cells).toHaveLength(31);
    expect(cells.find((c) => c.today)?.date).toBe('2026-12-07');
    expect(cells.find((c) => c.date === '2026-12-15')?.due).toMatchObject({ amount: '1200.00', invoiceCount: 2 });
    expect(cells.filter((c) => c.due)).toHaveLength(1);
    // 4 January 2027 is a Monday: the first cell of its week.
    const january = months[1].weeks.flat();
    expect(january.find((c) => c?.date === '2027-01-04')?.due?.amount).toBe('80.50');
    expect(months[1].weeks[1][0]?.date).toBe('2027-01-04');
  });

  it('shows the current month alone when nothing falls due', () => {
    const months = dueCalendarMonths([], new Date('2027-02-10T00:00:00Z'));
    expect(months).toHaveLength(1);
    expect(months[0].weeks.flat().filter(Boolean)).toHaveLength(28);
  });
});
