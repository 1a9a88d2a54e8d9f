import { describe, expect, it } from 'vitest';

import { digestOf } from './digest.js';
import { localMinuteOfDay, nextLocalMinute } from './local-time.js';
import { inQuietHours, mailRoute, pushRoute, quietHoursProblems, releaseTime } from './quiet-hours.js';

const berlinNights = { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' };
const digest = { minute: 8 * 60, timeZone: 'Europe/Berlin' };

describe('local time', () => {
  it('reads the wall clock of a time zone', () => {
    expect(localMinuteOfDay(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(14 * 60);
    expect(localMinuteOfDay(new Date('2026-12-01T12:00:00Z'), 'Europe/Berlin')).toBe(13 * 60);
    expect(localMinuteOfDay(new Date('2026-12-01T12:00:00Z'), 'Asia/Kolkata')).toBe(17 * 60 + 30);
  });

  it('finds the next time the wall clock shows a minute, across a DST change both ways', () => {
    // New York leaves DST on 1 November 2026 at 02:00: the night is an hour longer.
    expect(nextLocalMinute({ from: new Date('2026-11-01T03:30:00Z'), minute: 7 * 60, timeZone: 'America/New_York' })).toEqual(
      new Date('2026-11-01T12:00:00Z'),
    );
    // Berlin enters DST on 29 March 2026 at 02:00: the night is an hour shorter.
    expect(nextLocalMinute({ from: new Date('2026-03-28T22:00:00Z'), minute: 7 * 60, timeZone: 'Europe/Berlin' })).toEqual(
      new Date('2026-03-29T05:00:00Z'),
    );
    // A minute that is now is now; one just past is tomorrow.
    expect(nextLocalMinute({ from: new Date('2026-12-01T07:00:00Z'), minute: 8 * 60, timeZone: 'Europe/Berlin' })).toEqual(
      new Date('2026-12-01T07:00:00Z'),
    );
    expect(nextLocalMinute({ from: new Date('2026-12-01T07:00:30Z'), minute: 8 * 60, timeZone: 'Europe/Berlin' })).toEqual(
      new Date('2026-12-02T07:00:00Z'),
    );
  });
});

describe('quiet hours', () => {
  it('refuses what is not a window on a known clock', () => {
    expect(quietHoursProblems(berlinNights)).toEqual([]);
    const fields = (q: Partial<typeof berlinNights>) => quietHoursProblems({ ...berlinNights, ...q }).map((p) => p.field?.join('.'));
    expect(fields({ start: '24:00' })).toEqual(['input.start']);
    expect(fields({ end: '7:00' })).toEqual(['input.end']);
    expect(fields({ end: '22:00' })).toEqual(['input.end']);
    expect(fields({ timeZone: 'Mars/Olympus' })).toEqual(['input.timeZone']);
  });

  it('holds a window across midnight on the user’s clock, start included and end excluded', () => {
    const at = (iso: string) => inQuietHours({ at: new Date(iso), quiet: berlinNights });
    expect(at('2026-12-01T20:59:00Z')).toBe(false); // 21:59 in Berlin
    expect(at('2026-12-01T21:00:00Z')).toBe(true); // 22:00
    expect(at('2026-12-02T05:59:00Z')).toBe(true); // 06:59
    expect(at('2026-12-02T06:00:00Z')).toBe(false); // 07:00
    expect(inQuietHours({ at: new Date('2026-12-01T13:00:00Z'), quiet: { start: '12:00', end: '14:00', timeZone: 'UTC' } })).toBe(true);
  });

  it('holds a non-urgent notification until the window ends; an urgent one goes at once', () => {
    const now = new Date('2026-12-01T23:30:00Z'); // 00:30 in Berlin
    expect(releaseTime({ now, kind: 'ORDER_SHIPPED', quiet: berlinNights })).toEqual(new Date('2026-12-02T06:00:00Z'));
    expect(releaseTime({ now, kind: 'APPROVAL_ESCALATED', quiet: berlinNights })).toEqual(now);
    expect(releaseTime({ now, kind: 'ORDER_SHIPPED', quiet: null })).toEqual(now);
    const day = new Date('2026-12-01T10:00:00Z');
    expect(releaseTime({ now: day, kind: 'ORDER_SHIPPED', quiet: berlinNights })).toEqual(day);
  });
});

describe('mail and push routes', () => {
  const night = new Date('2026-12-01T23:30:00Z');
  it('OFF sends nothing; the digest waits for the user’s digest hour; IMMEDIATE respects quiet hours', () => {
    expect(mailRoute({ now: night, kind: 'ORDER_SHIPPED', email: 'OFF', quiet: berlinNights, digest })).toEqual({ route: 'NONE' });
    expect(mailRoute({ now: night, kind: 'ORDER_SHIPPED', email: 'DAILY_DIGEST', quiet: berlinNights, digest })).toEqual({
      route: 'DIGEST',
      dueAt: new Date('2026-12-02T07:00:00Z'),
    });
    expect(mailRoute({ now: night, kind: 'ORDER_SHIPPED', email: 'IMMEDIATE', quiet: berlinNights, digest })).toEqual({
      route: 'SEND',
      at: new Date('2026-12-02T06:00:00Z'),
    });
  });

  it('an urgent kind is neither batched nor held', () => {
    for (const email of ['IMMEDIATE', 'DAILY_DIGEST'] as const)
      expect(mailRoute({ now: night, kind: 'APPROVAL_REMINDER', email, quiet: berlinNights, digest })).toEqual({
        route: 'SEND',
        at: night,
      });
  });

  it('push is held like mail, never batched, and off when turned off', () => {
    expect(pushRoute({ now: night, kind: 'ORDER_SHIPPED', push: 'ON', quiet: berlinNights })).toEqual(new Date('2026-12-02T06:00:00Z'));
    expect(pushRoute({ now: night, kind: 'IMPORT_FAILED', push: 'ON', quiet: berlinNights })).toEqual(night);
    expect(pushRoute({ now: night, kind: 'ORDER_SHIPPED', push: 'OFF', quiet: null })).toBeNull();
  });
});

describe('the daily digest', () => {
  it('batches the entries by what they are about, in the order things happened; nothing to send makes no mail', () => {
    const entry = (subject: string, line: string, iso: string) => ({ kind: 'ORDER_SHIPPED', subject, line, at: new Date(iso) });
    const mail = digestOf({
      entries: [
        entry('SO-2', 'shipped', '2026-12-01T12:00:00Z'),
        entry('SO-1', 'approved', '2026-12-01T09:00:00Z'),
        entry('SO-1', 'placed', '2026-12-01T08:00:00Z'),
        entry('SO-1', 'shipped', '2026-12-01T15:00:00Z'),
      ],
      title: (n) => `Your day: ${n} updates`,
    });
    expect(mail).toEqual({
      subject: 'Your day: 4 updates',
      count: 4,
      sections: [
        { subject: 'SO-1', lines: ['placed', 'approved', 'shipped'] },
        { subject: 'SO-2', lines: ['shipped'] },
      ],
    });
    expect(digestOf({ entries: [], title: () => 'x' })).toBeNull();
  });
});
