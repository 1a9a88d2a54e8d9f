import { describe, expect, it } from 'vitest';

import { doubleTranspositions, transpositions, typoBudget } from './typo-budget.js';

describe('typoBudget', () => {
  it('allows none below 5 letters, one from 5 and two from 9', () => {
    expect([1, 4, 5, 8, 9, 20].map((length) => typoBudget({ length }))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('transpositions', () => {
  it('swaps each pair of neighbouring letters once', () => {
    expect(transpositions({ word: 'saefty' })).toContain('safety');
    expect(transpositions({ word: 'raidal' })).toContain('radial');
    expect(transpositions({ word: 'abc' })).toEqual(['bac', 'acb']);
  });

  it('skips a pair of equal letters, which swapped is the same word', () => {
    expect(transpositions({ word: 'seal' })).toHaveLength(3);
    expect(transpositions({ word: 'feed' })).toEqual(['efed', 'fede']);
  });
});

describe('doubleTranspositions', () => {
  it('makes two swaps, never giving back the word itself', () => {
    expect(doubleTranspositions({ word: 'intrefcae' })).toContain('interface');
    expect(doubleTranspositions({ word: 'abcd' })).not.toContain('abcd');
    expect(doubleTranspositions({ word: 'abcd' })).toContain('badc');
  });
});
