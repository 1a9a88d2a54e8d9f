import { describe, expect, it } from 'vitest';

import { buildRejection, MAX_ALTERNATIVES } from './order-rejection.js';

describe('buildRejection', () => {
  it('defaults the code to OTHER and trims the text', () => {
    expect(buildRejection({ reason: '  Too much  ' })).toEqual({ rejection: { code: 'OTHER', reason: 'Too much', alternatives: [] } });
  });

  it('refuses an empty reason', () => {
    expect(buildRejection({ code: 'STOCK', reason: '   ' })).toEqual({
      problem: { field: ['reason'], message: 'Say why the order is rejected.' },
    });
  });

  it('keeps the alternatives, PAY_DOWN with its amount', () => {
    const result = buildRejection({
      code: 'CREDIT_RISK',
      reason: 'Over the limit',
      alternatives: [
        { kind: 'PAY_DOWN', amount: 150_000, note: ' open invoices ' },
        { kind: 'SPLIT_ORDER', amount: null, note: '' },
      ],
    });
    expect(result).toEqual({
      rejection: {
        code: 'CREDIT_RISK',
        reason: 'Over the limit',
        alternatives: [
          { kind: 'PAY_DOWN', amount: 150_000, note: 'open invoices' },
          { kind: 'SPLIT_ORDER', amount: null, note: null },
        ],
      },
    });
  });

  it('asks PAY_DOWN for a positive amount and refuses an amount elsewhere', () => {
    expect(buildRejection({ reason: 'x', alternatives: [{ kind: 'PAY_DOWN', amount: null, note: null }] })).toMatchObject({
      problem: { field: ['alternatives', '0', 'amount'] },
    });
    expect(buildRejection({ reason: 'x', alternatives: [{ kind: 'PAY_DOWN', amount: 0, note: null }] })).toMatchObject({
      problem: { field: ['alternatives', '0', 'amount'] },
    });
    expect(buildRejection({ reason: 'x', alternatives: [{ kind: 'CHOOSE_SUBSTITUTE', amount: 5, note: null }] })).toMatchObject({
      problem: { field: ['alternatives', '0', 'amount'] },
    });
  });

  it('refuses a kind twice and too many alternatives', () => {
    const twice = buildRejection({
      reason: 'x',
      alternatives: [
        { kind: 'SPLIT_ORDER', amount: null, note: null },
        { kind: 'SPLIT_ORDER', amount: null, note: null },
      ],
    });
    expect(twice).toMatchObject({ problem: { field: ['alternatives', '1'] } });
    const many = Array.from({ length: MAX_ALTERNATIVES + 1 }, () => ({ kind: 'SPLIT_ORDER' as const, amount: null, note: null }));
    expect(buildRejection({ reason: 'x', alternatives: many })).toMatchObject({ problem: { field: ['alternatives'] } });
  });
});
