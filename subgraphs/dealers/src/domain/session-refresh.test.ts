import { describe, expect, it } from 'vitest';

import { afterRotation, decideRefresh, REFRESH_GRACE_MS, REMEMBERED_TOKENS } from './session-refresh.js';

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

describe('decideRefresh: the grace of the token just rotated out', () => {
  const rotated = (ago: number, graceUsed = false) => ({ ...live, rotatedAt: new Date(now.getTime() - ago), graceUsed });
  it('accepts the token just replaced once, within the grace', () => {
    expect(decideRefresh({ session: rotated(0), presentedHash: 'h1', now })).toBe('GRACE');
    expect(decideRefresh({ session: rotated(REFRESH_GRACE_MS), presentedHash: 'h1', now })).toBe('GRACE');
  });
  it('treats it as reuse after the grace, or a second time within it', () => {
    expect(decideRefresh({ session: rotated(REFRESH_GRACE_MS + 1), presentedHash: 'h1', now })).toBe('REUSED');
    expect(decideRefresh({ session: rotated(1_000, true), presentedHash: 'h1', now })).toBe('REUSED');
  });
  it('gives no grace to older tokens, nor before any rotation, nor to a revoked session', () => {
    expect(decideRefresh({ session: rotated(1_000), presentedHash: 'h0', now })).toBe('REUSED');
    expect(decideRefresh({ session: { ...live, rotatedAt: null }, presentedHash: 'h1', now })).toBe('REUSED');
    expect(decideRefresh({ session: { ...rotated(1_000), revokedAt: now }, presentedHash: 'h1', now })).toBe('REVOKED');
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
