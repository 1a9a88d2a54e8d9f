import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { isValidOneTimeCode } from './one-time-code.js';

const secretBase32 = new Secret({ size: 20 }).base32;
const now = new Date('2026-11-28T10:00:00Z');
const codeAt = (at: Date) => new TOTP({ secret: Secret.fromBase32(secretBase32) }).generate({ timestamp: at.getTime() });

describe('isValidOneTimeCode', () => {
  it('accepts the current code and its neighbours, refuses older ones', () => {
    expect(isValidOneTimeCode({ secretBase32, code: codeAt(now), now })).toBe(true);
    expect(isValidOneTimeCode({ secretBase32, code: codeAt(new Date(now.getTime() - 30_000)), now })).toBe(true);
    expect(isValidOneTimeCode({ secretBase32, code: codeAt(new Date(now.getTime() - 120_000)), now })).toBe(false);
  });
  it('refuses anything but six digits', () => {
    expect(isValidOneTimeCode({ secretBase32, code: '12345', now })).toBe(false);
    expect(isValidOneTimeCode({ secretBase32, code: 'abcdef', now })).toBe(false);
  });
});
