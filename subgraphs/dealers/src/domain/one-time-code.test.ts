import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';

import { isFreshStep, oneTimeCodeStep } from './one-time-code.js';

const secretBase32 = new Secret({ size: 20 }).base32;
const now = new Date('2026-11-28T10:00:00Z');
const step = Math.floor(now.getTime() / 30_000);
const codeAt = (at: Date) => new TOTP({ secret: Secret.fromBase32(secretBase32) }).generate({ timestamp: at.getTime() });

describe('oneTimeCodeStep', () => {
  it('gives the step of the current code and of its neighbours, and null for older ones', () => {
    expect(oneTimeCodeStep({ secretBase32, code: codeAt(now), now })).toBe(step);
    expect(oneTimeCodeStep({ secretBase32, code: codeAt(new Date(now.getTime() - 30_000)), now })).toBe(step - 1);
    expect(oneTimeCodeStep({ secretBase32, code: codeAt(new Date(now.getTime() + 30_000)), now })).toBe(step + 1);
    expect(oneTimeCodeStep({ secretBase32, code: codeAt(new Date(now.getTime() - 120_000)), now })).toBeNull();
  });
  it('refuses anything but six digits', () => {
    expect(oneTimeCodeStep({ secretBase32, code: '12345', now })).toBeNull();
    expect(oneTimeCodeStep({ secretBase32, code: 'abcdef', now })).toBeNull();
  });
});

describe('isFreshStep', () => {
  it('accepts a later step only', () => {
    expect(isFreshStep({ step, lastUsedStep: null })).toBe(true);
    expect(isFreshStep({ step, lastUsedStep: step - 1 })).toBe(true);
    expect(isFreshStep({ step, lastUsedStep: step })).toBe(false);
    expect(isFreshStep({ step: step - 1, lastUsedStep: step })).toBe(false);
  });
});
