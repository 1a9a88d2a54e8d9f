import { describe, expect, it } from 'vitest';

import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes.js';

describe('recovery codes', () => {
  it('are distinct, in the xxxxx-xxxxx shape, and told apart from six-digit codes', () => {
    const codes = newRecoveryCodes({ count: 10 });
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(looksLikeRecoveryCode(code)).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
  it('hash the same whatever the case or spaces around them', () => {
    expect(hashRecoveryCode(' AB12C-34DEF ')).toBe(hashRecoveryCode('ab12c-34def'));
    expect(hashRecoveryCode('ab12c-34def')).not.toBe(hashRecoveryCode('ab12c-34dee'));
  });
});
