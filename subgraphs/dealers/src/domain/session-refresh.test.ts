import { describe, expect, it } from 'vitest';
import { decideRefresh } from './session-refresh.js';

const now = new Date('2026-11-28T10:00:00Z');
const live = { refreshTokenHash: 'h1', expiresAt: new Date('2026-12-01T00:00:00Z'), revokedAt: null };

describe('decideRefresh', () => {
  it('rotates the current token of a live session', () => {
    expect(decideRefresh({ session: live, presentedHash: 'h1', now })).toBe('ROTATE');
  });
  it('treats an older token of a live session as reuse', () => {
    expect(decideRefresh({ session: live, presentedHash: 'h0', now })).toBe('REUSED');
  });
  it('refuses an expired session, even with the current token', () => {
    expect(decideRefresh({ session: { ...live, expiresAt: now }, presentedHash: 'h1', now })).toBe('EXPIRED');
  });
  it('refuses a revoked session before anything else', () => {
    expect(decideRefresh({ session: { ...live, revokedAt: now }, presentedHash: 'h1', now })).toBe('REVOKED');
  });
});
