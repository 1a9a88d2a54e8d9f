import { describe, expect, it } from 'vitest';

import { isRetentionDays, retentionCutoff } from './security-event-retention.js';

describe('security event retention', () => {
  it('keeps events for whole days back from now', () => {
    expect(retentionCutoff({ now: new Date('2026-11-30T10:00:00Z'), retentionDays: 365 })).toEqual(new Date('2025-11-30T10:00:00Z'));
    expect(retentionCutoff({ now: new Date('2026-11-30T10:00:00Z'), retentionDays: 1 })).toEqual(new Date('2026-11-29T10:00:00Z'));
  });

  it('refuses a retention that is not whole days from 1 to 36500', () => {
    for (const days of [0, -1, 1.5, Number.NaN, 36501]) {
      expect(isRetentionDays(days)).toBe(false);
      expect(() => retentionCutoff({ now: new Date(), retentionDays: days })).toThrow(RangeError);
    }
    expect(isRetentionDays(36500)).toBe(true);
  });
});
