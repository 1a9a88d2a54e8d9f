import { describe, expect, it } from 'vitest';

import { listProblem, ruleFor, storedDateProblem, textProblem } from './input-rules.js';

const field = ['input', 'poNumber'];

describe('textProblem', () => {
  it.each(['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u202E', '\u2066', '\u200B', '\uFEFF', '\uD800', '\uDC00x'])(
    'refuses %j anywhere in a text',
    (bad) => {
      expect(textProblem({ value: `a${bad}b`, rule: { maxLength: 50, multiline: true }, field })?.code).toBe('INVALID_CHARACTERS');
    },
  );

  it('allows tab and line breaks only in multiline text', () => {
    expect(textProblem({ value: 'a\nb\tc\r', rule: { maxLength: 50, multiline: true }, field })).toBeNull();
    expect(textProblem({ value: 'a\nb', rule: { maxLength: 50 }, field })?.code).toBe('INVALID_CHARACTERS');
  });

  it('keeps letters of any script, emoji and their joiners', () => {
    expect(textProblem({ value: 'Łódź Ünïcode 東京 👨‍👩‍👧 é', rule: { maxLength: 50 }, field })).toBeNull();
  });

  it('counts code points: 50 emoji fit 50, 51 do not', () => {
    expect(textProblem({ value: '📦'.repeat(50), rule: { maxLength: 50 }, field })).toBeNull();
    expect(textProblem({ value: '📦'.repeat(51), rule: { maxLength: 50 }, field })).toMatchObject({
      code: 'TOO_LONG',
      message: 'input.poNumber is too long: at most 50 characters.',
      field,
    });
  });
});

describe('ruleFor', () => {
  it('takes the coordinate over the name over the defaults', () => {
    expect(ruleFor('UploadOrderLinesInput.contentBase64', 'contentBase64', false).maxLength).toBe(4_000_000);
    expect(ruleFor('PlaceOrderInput.poNumber', 'poNumber', false).maxLength).toBe(50);
    expect(ruleFor('Foo.bar', 'bar', false)).toEqual({ maxLength: 500, maxItems: 1000 });
    expect(ruleFor('Foo.id', 'id', true).maxLength).toBe(100);
  });
});

describe('listProblem and storedDateProblem', () => {
  it('bounds lists', () => {
    expect(listProblem({ length: 1000, rule: {}, field: ['skus'] })).toBeNull();
    expect(listProblem({ length: 1001, rule: {}, field: ['skus'] })).toMatchObject({
      code: 'TOO_MANY_ITEMS',
      message: 'skus has too many items: at most 1000.',
    });
  });

  it.each(['0001-01-01T00:00:00Z', '9999-12-31T00:00:00Z', '1999-12-31T23:59:59Z', '2100-01-01T00:00:00Z'])('refuses %s', (iso) => {
    expect(storedDateProblem({ value: new Date(iso), field: ['input', 'issuedAt'] })?.code).toBe('INVALID_DATE');
  });

  it('takes 2000 to 2099', () => {
    expect(storedDateProblem({ value: new Date('2000-01-01T00:00:00Z'), field: [] })).toBeNull();
    expect(storedDateProblem({ value: new Date('2099-12-31T23:59:59Z'), field: [] })).toBeNull();
  });
});
