import { describe, expect, it } from 'vitest';

import { changedCreditFields, checkCreditAccount } from './credit-account-master.js';

const base = { creditLimit: '50000.00', currency: 'usd', paymentTermsDays: '30', exceedancePolicy: 'route_to_approval' };

describe('credit account master data', () => {
  it('reads an account: cents, an upper-case currency and policy, whole days', () => {
    expect(checkCreditAccount(base)).toEqual({
      ok: true,
      value: { limit: 5_000_000, currency: 'USD', paymentTermsDays: 30, exceedancePolicy: 'ROUTE_TO_APPROVAL' },
    });
    expect(checkCreditAccount({ ...base, creditLimit: '0', paymentTermsDays: 0 })).toMatchObject({
      ok: true,
      value: { limit: 0, paymentTermsDays: 0 },
    });
  });

  it('refuses what setCreditLimit refuses, absurd limits and bad terms, each with its field', () => {
    const problems = (input: Record<string, unknown>) => {
      const checked = checkCreditAccount({ ...base, ...input });
      return checked.ok ? [] : checked.problems.map((p) => [p.code, p.field]);
    };
    expect(problems({ creditLimit: '-1.00' })).toEqual([['INVALID_AMOUNT', 'creditLimit']]);
    expect(problems({ creditLimit: '12,50' })).toEqual([['INVALID_AMOUNT', 'creditLimit']]);
    expect(problems({ creditLimit: '1000000000.01' })).toEqual([['ABSURD_LIMIT', 'creditLimit']]);
    expect(problems({ creditLimit: '' })).toEqual([['REQUIRED', 'creditLimit']]);
    expect(problems({ currency: 'dollars', paymentTermsDays: '366', exceedancePolicy: 'NEVER' })).toEqual([
      ['INVALID_CURRENCY', 'currency'],
      ['INVALID_TERMS', 'paymentTermsDays'],
      ['INVALID_POLICY', 'exceedancePolicy'],
    ]);
    expect(problems({ paymentTermsDays: '1.5' })).toEqual([['INVALID_TERMS', 'paymentTermsDays']]);
  });

  it('finds the changed fields; none for equal values', () => {
    const a = checkCreditAccount(base);
    const b = checkCreditAccount({ ...base, paymentTermsDays: '45' });
    if (!a.ok || !b.ok) throw new Error('valid inputs');
    expect(changedCreditFields(a.value, a.value)).toEqual([]);
    expect(changedCreditFields(a.value, b.value)).toEqual(['paymentTermsDays']);
  });
});
