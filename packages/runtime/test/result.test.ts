import { describe, expect, it } from 'vitest';

import { badInput, catchRefusal, INVALID_AMOUNT, ok, readAmount, readOptionalAmount, Refusal, refused, userError } from '../src/index.js';

describe('userError', () => {
  it('is the API shape, with a null field when none is at fault', () => {
    expect(userError('FORBIDDEN', 'No.')).toEqual({ code: 'FORBIDDEN', message: 'No.', field: null });
    expect(userError('NOT_FOUND', 'None.', ['input', 'id'])).toEqual({ code: 'NOT_FOUND', message: 'None.', field: ['input', 'id'] });
  });
});

describe('Refusal and catchRefusal', () => {
  it('answers a thrown refusal as a refused result and rethrows anything else', async () => {
    const error = userError('INVALID_TRANSITION', 'Already approved.', ['orderId']);
    await expect(
      catchRefusal(async () => {
        throw new Refusal(error);
      }),
    ).resolves.toEqual(refused(error));
    await expect(
      catchRefusal(async () => {
        throw Refusal.of('FORBIDDEN', 'No.');
      }),
    ).resolves.toEqual({
      ok: false,
      errors: [{ code: 'FORBIDDEN', message: 'No.', field: null }],
    });
    await expect(catchRefusal(async () => 7)).resolves.toEqual(ok(7));
    await expect(
      catchRefusal(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });
});

describe('readAmount', () => {
  it('reads decimal strings into minor units', () => {
    expect(readAmount('1234.5', { field: ['amount'] })).toEqual(ok(123450));
    expect(readAmount(' 12 ', { field: ['amount'] })).toEqual(ok(1200));
    expect(readAmount('-3.10', { field: ['amount'] })).toEqual(ok(-310));
  });

  it('answers INVALID_AMOUNT at the field for anything else, and below the minimum', () => {
    for (const value of ['1,50', '1.505', 'abc', '', '1e3', '99999999999999999999']) {
      const read = readAmount(value, { field: ['input', 'amount'] });
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.errors).toEqual([expect.objectContaining({ code: INVALID_AMOUNT, field: ['input', 'amount'] })]);
    }
    expect(readAmount('-0.01', { field: ['x'], min: 0 })).toMatchObject({ ok: false, errors: [{ code: INVALID_AMOUNT }] });
    expect(readAmount('0', { field: ['x'], min: 1 })).toMatchObject({ ok: false, errors: [{ code: INVALID_AMOUNT }] });
    expect(readAmount('0', { field: ['x'], min: 0 })).toEqual(ok(0));
  });

  it('collects the problem of an optional amount and reads an absent one as null', () => {
    const errors: ReturnType<typeof userError>[] = [];
    expect(readOptionalAmount(null, { field: ['a'] }, errors)).toBeNull();
    expect(readOptionalAmount('2.00', { field: ['a'] }, errors)).toBe(200);
    expect(readOptionalAmount('two', { field: ['b'] }, errors)).toBeNull();
    expect(errors.map((e) => [e.code, e.field])).toEqual([[INVALID_AMOUNT, ['b']]]);
  });
});

describe('badInput', () => {
  it('is BAD_USER_INPUT with the argument as one dotted name and an optional reason', () => {
    expect(badInput('Too long.', 'search', 'TOO_LONG').extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_LONG',
      field: 'search',
    });
    expect(badInput('Unknown.', ['filter', 'specifications']).extensions).toMatchObject({ field: 'filter.specifications' });
    expect(badInput('Bad period.').extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
