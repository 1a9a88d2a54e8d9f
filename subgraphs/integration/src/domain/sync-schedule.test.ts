import { describe, expect, it } from 'vitest';

import { IMPORT_KINDS } from './import-kinds.js';
import { IMPORT_SYNC, SYNC_SCHEDULES, syncState } from './sync-schedule.js';

const now = new Date('2026-12-07T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('syncState', () => {
  it('is NEVER before the first inbound sync, and not an alert', () => {
    expect(syncState({ kind: 'PRICES', lastSuccessAt: null, now })).toEqual({ state: 'NEVER', lagSeconds: null });
  });

  it('turns OVERDUE one second past the schedule and its grace', () => {
    const limit = SYNC_SCHEDULES.INVENTORY.expectedWithinSeconds;
    expect(syncState({ kind: 'INVENTORY', lastSuccessAt: ago(limit), now })).toEqual({ state: 'OK', lagSeconds: limit });
    expect(syncState({ kind: 'INVENTORY', lastSuccessAt: ago(limit + 1), now })).toEqual({ state: 'OVERDUE', lagSeconds: limit + 1 });
  });

  it('measures orders by the oldest event still waiting, whatever went out last', () => {
    expect(syncState({ kind: 'ORDERS', lastSuccessAt: ago(10 * 86400), oldestWaitingAt: null, now })).toEqual({
      state: 'OK',
      lagSeconds: 0,
    });
    expect(syncState({ kind: 'ORDERS', lastSuccessAt: ago(1), oldestWaitingAt: ago(301), now })).toEqual({
      state: 'OVERDUE',
      lagSeconds: 301,
    });
    expect(syncState({ kind: 'ORDERS', lastSuccessAt: null, oldestWaitingAt: ago(60), now }).state).toBe('OK');
  });

  it('counts every import kind toward a sync', () => {
    for (const kind of IMPORT_KINDS) expect(SYNC_SCHEDULES[IMPORT_SYNC[kind]]).toBeDefined();
  });
});
