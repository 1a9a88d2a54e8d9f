import { afterEach, describe, expect, it, vi } from 'vitest';

import { startPeriodic } from '../src/periodic.js';

describe('startPeriodic', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once by default, and first after one interval when told not to', async () => {
    vi.useFakeTimers();
    const runs = { atOnce: 0, later: 0 };
    const stopAtOnce = startPeriodic(
      async () => void runs.atOnce++,
      1000,
      () => {},
    );
    const stopLater = startPeriodic(
      async () => void runs.later++,
      1000,
      () => {},
      { now: false },
    );
    expect(runs).toEqual({ atOnce: 1, later: 0 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toEqual({ atOnce: 2, later: 1 });
    await stopAtOnce();
    await stopLater();
  });
});
