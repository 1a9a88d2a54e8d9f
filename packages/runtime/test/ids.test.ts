import { describe, expect, it } from 'vitest';

import { isUuid, normalizeId } from '../src/ids.js';

describe('isUuid', () => {
  it('accepts the text form of a uuid in any case', () => {
    expect(isUuid('123e4567-e89b-12d3-a456-426614174000')).toBe(true);
    expect(isUuid('123E4567-E89B-12D3-A456-426614174000')).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
  });

  it('refuses anything else, surrounding spaces included', () => {
    for (const value of [
      '',
      'x',
      'not-a-uuid',
      ' 123e4567-e89b-12d3-a456-426614174000',
      '123e4567-e89b-12d3-a456-426614174000 ',
      '123e4567e89b12d3a456426614174000',
      '{123e4567-e89b-12d3-a456-426614174000}',
      '123e4567-e89b-12d3-a456-4266141740000',
      '123e4567-e89b-12d3-a456-42661417400',
      '123e4567-e89b-12d3-a456-42661417400g',
      '123e4567-e89b-12d3-a456-426614174000\n',
    ]) {
      expect(isUuid(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('normalizeId', () => {
  it('trims and lower-cases a uuid', () => {
    expect(normalizeId('123e4567-e89b-12d3-a456-426614174000')).toBe('123e4567-e89b-12d3-a456-426614174000');
    expect(normalizeId(' 123E4567-E89B-12D3-A456-426614174000\t')).toBe('123e4567-e89b-12d3-a456-426614174000');
  });

  it('is null for anything that is not a uuid', () => {
    expect(normalizeId('')).toBeNull();
    expect(normalizeId('   ')).toBeNull();
    expect(normalizeId('x')).toBeNull();
    expect(normalizeId('123e4567e89b12d3a456426614174000')).toBeNull();
    expect(normalizeId("123e4567-e89b-12d3-a456-426614174000' or '1'='1")).toBeNull();
  });
});
