import { describe, expect, it } from 'vitest';

import { checkAssignment, checkWaveName, isPortalOpen } from './rollout-wave.js';

describe('rollout waves', () => {
  const now = new Date('2027-01-01T09:00:00Z');
  it('opens the portal to a dealer in no wave, or whose wave opened (at its instant)', () => {
    expect(isPortalOpen({ waveOpensAt: null, now })).toBe(true);
    expect(isPortalOpen({ waveOpensAt: now, now })).toBe(true);
    expect(isPortalOpen({ waveOpensAt: new Date(now.getTime() + 1), now })).toBe(false);
  });

  it('checks a wave name', () => {
    expect(checkWaveName('Pilot')).toBeNull();
    expect(checkWaveName(' ')?.code).toBe('REQUIRED');
    expect(checkWaveName('x'.repeat(101))?.code).toBe('TOO_LONG');
  });

  it('takes a list or a filter, exactly one', () => {
    expect(checkAssignment({ dealerIds: ['a'], hasFilter: false, max: 2 })).toBeNull();
    expect(checkAssignment({ dealerIds: null, hasFilter: true, max: 2 })).toBeNull();
    expect(checkAssignment({ dealerIds: ['a'], hasFilter: true, max: 2 })?.code).toBe('INVALID_INPUT');
    expect(checkAssignment({ dealerIds: null, hasFilter: false, max: 2 })?.code).toBe('INVALID_INPUT');
    expect(checkAssignment({ dealerIds: [], hasFilter: false, max: 2 })?.code).toBe('REQUIRED');
    expect(checkAssignment({ dealerIds: ['a', 'b', 'c'], hasFilter: false, max: 2 })?.code).toBe('TOO_LONG');
  });
});
