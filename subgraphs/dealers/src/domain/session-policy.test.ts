import { describe, expect, it } from 'vitest';

import { sessionState, sessionsToEvict } from './session-policy.js';

const now = new Date('2026-11-28T10:00:00Z');
const policy = { idleMinutes: 60, maxConcurrent: 3, evictionGraceSeconds: 60 };
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
const session = { revokedAt: null, expiresAt: new Date('2026-12-28T00:00:00Z'), lastUsedAt: at(5), createdAt: at(100) };

describe('sessionState', () => {
  it('is live while used within the idle time and before the absolute end', () => {
    expect(sessionState({ session, now, policy })).toBe('LIVE');
  });
  it('ends a session idle longer than the idle time', () => {
    expect(sessionState({ session: { ...session, lastUsedAt: at(61) }, now, policy })).toBe('IDLE');
    expect(sessionState({ session: { ...session, lastUsedAt: null, createdAt: at(61) }, now, policy })).toBe('IDLE');
  });
  it('ends a session at its absolute end however recently used, and a revoked one first', () => {
    expect(sessionState({ session: { ...session, expiresAt: now }, now, policy })).toBe('EXPIRED');
    expect(sessionState({ session: { ...session, revokedAt: at(1), expiresAt: now }, now, policy })).toBe('REVOKED');
  });
});

describe('sessionsToEvict', () => {
  const s = (id: string, minutesAgo: number) => ({ id, lastUsedAt: at(minutesAgo), createdAt: at(500) });
  it('ends nothing under the limit', () => {
    expect(sessionsToEvict({ live: [s('a', 1), s('b', 2)], policy, now })).toEqual([]);
  });
  it('ends the least recently used to make room for one more', () => {
    expect(sessionsToEvict({ live: [s('a', 1), s('b', 30), s('c', 2)], policy, now })!.map((x) => x.id)).toEqual(['b']);
    expect(sessionsToEvict({ live: [s('a', 1), s('b', 30), s('c', 2), s('d', 40)], policy, now })!.map((x) => x.id)).toEqual(['d', 'b']);
  });
  it('ends none used within the grace: no room then (a burst of sign-ins is refused, not told yes and evicted)', () => {
    const recent = (id: string, secondsAgo: number) => ({ id, lastUsedAt: new Date(now.getTime() - secondsAgo * 1000), createdAt: at(1) });
    expect(sessionsToEvict({ live: [recent('a', 1), recent('b', 59), recent('c', 2)], policy, now })).toBeNull();
    expect(sessionsToEvict({ live: [recent('a', 1), recent('b', 61), recent('c', 2)], policy, now })!.map((x) => x.id)).toEqual(['b']);
  });
});
