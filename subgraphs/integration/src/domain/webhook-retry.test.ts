import { describe, expect, it } from 'vitest';

import { DEFAULT_RETRY_SETTINGS, deliveryOutcome, retryDelayBounds, retrySchedule, retrySettingsProblem } from './webhook-retry.js';

describe('the webhook retry schedule', () => {
  it('starts fast: the first retry comes within 10 s of the first try', () => {
    expect(retryDelayBounds(DEFAULT_RETRY_SETTINGS, 1)).toEqual({ min: 5, max: 10 });
    expect(retryDelayBounds(DEFAULT_RETRY_SETTINGS, 2)).toEqual({ min: 10, max: 20 });
  });

  it('grows to hours and is capped at the longest wait', () => {
    expect(retryDelayBounds(DEFAULT_RETRY_SETTINGS, 12)).toEqual({ min: 10_240, max: 20_480 });
    expect(retryDelayBounds(DEFAULT_RETRY_SETTINGS, 13)).toEqual({ min: 20_480, max: 21_600 });
    expect(retryDelayBounds(DEFAULT_RETRY_SETTINGS, 20)).toEqual({ min: 21_600, max: 21_600 });
  });

  it('lasts about three days in all before the delivery is dead-lettered', () => {
    const steps = retrySchedule(DEFAULT_RETRY_SETTINGS);
    expect(steps).toHaveLength(23);
    const last = steps.at(-1)!;
    const day = 86_400;
    expect(last.sinceFirstMin).toBeGreaterThan(2.9 * day);
    expect(last.sinceFirstMax).toBeLessThan(3.3 * day);
  });

  it('checks its settings', () => {
    expect(retrySettingsProblem(DEFAULT_RETRY_SETTINGS)).toBeNull();
    expect(retrySettingsProblem({ ...DEFAULT_RETRY_SETTINGS, firstDelaySeconds: 0 })).toMatch(/FIRST/);
    expect(retrySettingsProblem({ ...DEFAULT_RETRY_SETTINGS, maxDelaySeconds: 2 })).toMatch(/MAX/);
    expect(retrySettingsProblem({ ...DEFAULT_RETRY_SETTINGS, retries: 101 })).toMatch(/RETRIES/);
    expect(retrySettingsProblem({ ...DEFAULT_RETRY_SETTINGS, retries: 1.5 })).toMatch(/whole/);
  });

  it('says delivered on a 2xx answer, retrying while tries remain, dead after the last', () => {
    expect(deliveryOutcome({ responseStatus: 204, retryCount: 0, retryLimit: 3 })).toBe('DELIVERED');
    expect(deliveryOutcome({ responseStatus: 500, retryCount: 2, retryLimit: 3 })).toBe('RETRYING');
    expect(deliveryOutcome({ responseStatus: null, retryCount: 3, retryLimit: 3 })).toBe('DEAD');
    expect(deliveryOutcome({ responseStatus: 301, retryCount: 0, retryLimit: 0 })).toBe('DEAD');
  });
});
