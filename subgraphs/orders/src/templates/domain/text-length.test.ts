import { describe, expect, it } from 'vitest';

import { characterCount, withinCharacters } from './text-length.js';

describe('characterCount', () => {
  it('counts what people see as one character once', () => {
    expect(characterCount({ text: 'abc' })).toBe(3);
    expect(characterCount({ text: '👍🏽' })).toBe(1);
    expect(characterCount({ text: '🇩🇪' })).toBe(1);
    expect(characterCount({ text: 'e\u0301' })).toBe(1);
    expect(characterCount({ text: '👨‍👩‍👧‍👦' })).toBe(1);
  });
});

describe('withinCharacters', () => {
  it('takes 100 emoji as 100 characters, refuses 101', () => {
    expect(withinCharacters({ text: '😀'.repeat(100), max: 100 })).toBe(true);
    expect(withinCharacters({ text: '😀'.repeat(101), max: 100 })).toBe(false);
  });
  it('refuses one character stacked with thousands of combining marks', () => {
    expect(withinCharacters({ text: 'a' + '\u0301'.repeat(5_000), max: 100 })).toBe(false);
  });
});
