import { describe, expect, it } from 'vitest';

import { CANCELLATION_CODES, isErrorCancellation } from './order-cancellation.js';

describe('isErrorCancellation', () => {
  it('counts the codes that say the order was wrong, and only those', () => {
    const errors = CANCELLATION_CODES.filter((code) => isErrorCancellation({ code }));
    expect(errors).toEqual(['ENTRY_ERROR', 'DUPLICATE_ORDER', 'WRONG_PRICE', 'WRONG_ITEM']);
  });

  it('does not count a cancellation without a code', () => {
    expect(isErrorCancellation({ code: null })).toBe(false);
    expect(isErrorCancellation({ code: undefined })).toBe(false);
  });
});
