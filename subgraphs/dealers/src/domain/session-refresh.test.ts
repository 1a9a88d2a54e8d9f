import { describe, expect, it } from 'vitest';

import { afterRotation, decideRefresh, REMEMBERED_TOKENS } from './session-refresh.js';

const now = new Date('2026-11-28T10:00:00Z');
const live = { refreshTokenHash: 'h2', previousTokenHashes: ['h1', 'h0'], expiresAt: new Date('2026-12-01T00:00:00Z'), revokedAt: null };

describe('decideRefresh', () => {
  it('rotates the current token of a live session', () => {
    expect(decideRefresh({ session: live, presentedHash: 'h2', now })).toBe('ROTATE');
  });
  it('treats an older token of this session as reuse', () => {
    expect(decideRefresh({ session: live, presentedHash: 'h0', now })).toBe('REUSED');
  });
  it('treats a token this session never issued as unknown, not as reuse', () => {
    expect(decideRefresh({ session: live, presentedHash: 'junk', now })).toBe('UNKNOWN');
  });
  it('refuses an expired session, even with the current token', () => {
    expect(decideRefresh({ session: { ...live, expiresAt: now }, presentedHash: 'h2', now })).toBe('EXPIRED');
  });
  it('refuses a revoked session before anything else', () => {
    expect(decideRefresh({ session: { ...live, revokedAt: now }, presentedHash: 'h2', now })).toBe('REVOKED');
  });
});

describe('afterRotation', () => {
  it('remembers the replaced hash first and keeps a bounded number', () => {
    expect(afterRotation({ previous: ['h1'], replaced: 'h2' })).toEqual(['h2', 'h1']);
    const full = Array.from({ length: REMEMBERED_TOKENS }, (_, i) => `h${i}`);
    const next = afterRotation({ previous: full, replaced: 'new' });
    expect(next).toHaveLength(REMEMBERED_TOKENS);
    expect(next[0]).toBe('new');
  });
});
