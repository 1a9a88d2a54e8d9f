import { describe, expect, it } from 'vitest';

import { invitationState, isEmail, newAccountRefusal } from './invitation.js';

describe('invitations', () => {
  const now = new Date('2026-11-30T10:00:00Z');
  it('is open until it expires, and accepted for good once used', () => {
    expect(invitationState({ acceptedAt: null, expiresAt: new Date('2026-11-30T10:00:01Z'), now })).toBe('OPEN');
    expect(invitationState({ acceptedAt: null, expiresAt: now, now })).toBe('EXPIRED');
    expect(invitationState({ acceptedAt: now, expiresAt: new Date('2030-01-01Z'), now })).toBe('ACCEPTED');
  });

  it('is cancelled for good once withdrawn, expired or not; a used one stays accepted', () => {
    expect(invitationState({ acceptedAt: null, cancelledAt: now, expiresAt: new Date('2030-01-01Z'), now })).toBe('CANCELLED');
    expect(invitationState({ acceptedAt: null, cancelledAt: now, expiresAt: now, now })).toBe('CANCELLED');
    expect(invitationState({ acceptedAt: now, cancelledAt: now, expiresAt: new Date('2030-01-01Z'), now })).toBe('ACCEPTED');
  });

  it('asks for a password of 12 characters or more and a name', () => {
    expect(newAccountRefusal({ password: 'short-pass1', name: 'A B' })?.code).toBe('WEAK_PASSWORD');
    expect(newAccountRefusal({ password: 'long-enough-pass', name: '  ' })?.code).toBe('INVALID_NAME');
    expect(newAccountRefusal({ password: 'long-enough-pass', name: 'Ann Lee' })).toBeNull();
  });

  it('tells an email from other text', () => {
    expect(isEmail('new.user@demo.dealer')).toBe(true);
    expect(isEmail('no-at-sign')).toBe(false);
    expect(isEmail('two@@x.y')).toBe(false);
  });
});
