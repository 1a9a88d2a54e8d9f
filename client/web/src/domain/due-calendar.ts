/**
 * The due-date calendar: the amounts falling due by day (the API's dueCalendar by DAY, UTC days)
 * laid out as month grids, weeks starting on Monday, from the current month to the last month
 * with a due date in it.
 */
export interface DueDay {
  /** The day's start, ISO (UTC midnight). */
  start: string;
  amount: string;
  invoiceCount: number;
}

export interface CalendarCell {
  /** YYYY-MM-DD (UTC). */
  date: string;
  day: number;
  due: DueDay | null;
  today: boolean;
}

export interface CalendarMonth {
  /** The first day of the month, YYYY-MM-01. */
  month: string;
  /** Weeks of seven cells, Monday first; null pads the days outside the month. */
  weeks: (CalendarCell | null)[][];
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The months from `today`'s to the last one holding a due day (at least one month). */
export function dueCalendarMonths(days: readonly DueDay[], today: Date): CalendarMonth[] {
  const byDate = new Map(days.map((d) => [d.start.slice(0, 10), d]));
  const todayIso = iso(today);
  const last = days.reduce((max, d) => (d.start.slice(0, 10) > max ? d.start.slice(0, 10) : max), todayIso);
  const lastMonth = Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)) - 1, 1);
  const months: CalendarMonth[] = [];
  for (let first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)); first.getTime() <= lastMonth;) {
    const year = first.getUTCFullYear();
    const month = first.getUTCMonth();
    const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    // Monday = 0 ... Sunday = 6.
    const lead = (first.getUTCDay() + 6) % 7;
    const cells: (CalendarCell | null)[] = Array.from({ length: lead }, () => null);
    for (let day = 1; day <= length; day += 1) {
      const date = iso(new Date(Date.UTC(year, month, day)));
      cells.push({ date, day, due: byDate.get(date) ?? null, today: date === todayIso });
    }
    while (cells.length % 7) cells.push(null);
    const weeks: (CalendarCell | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    months.push({ month: iso(first), weeks });
    first = new Date(Date.UTC(year, month + 1, 1));
  }
  return months;
}
