import { describe, expect, it } from 'vitest';

import {
  containsPattern,
  decodeCursor,
  decodeKeyCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  encodeKeyCursor,
  InvalidPageError,
  keysetWindow,
  MAX_PAGE_SIZE,
  pageWindow,
  toKeysetPage,
  toPage,
} from '../src/pagination.js';

/** base64url of the text, the way a client could forge a cursor. */
const forged = (text: string) => Buffer.from(text).toString('base64url');

describe('cursors', () => {
  it('encode "o:<offset>" as base64url', () => {
    expect(encodeCursor(1)).toBe('bzox');
    expect(encodeCursor(9)).toBe('bzo5');
    expect(decodeCursor('bzo5')).toBe(9);
    expect(decodeCursor(encodeCursor(12345))).toBe(12345);
  });

  it('reject garbage with InvalidPageError (BAD_USER_INPUT)', () => {
    for (const cursor of ['', 'garbage', '!!!', forged('o:'), forged('x:5'), forged('o:-1'), forged('o:1.5'), forged('o:5 ')]) {
      expect(() => decodeCursor(cursor), cursor).toThrow(InvalidPageError);
    }
    try {
      decodeCursor('garbage');
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidPageError).extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('reject offsets that are not safe integers', () => {
    expect(decodeCursor(forged('o:9007199254740991'))).toBe(9007199254740991);
    expect(() => decodeCursor(forged('o:9007199254740992'))).toThrow(InvalidPageError);
    expect(() => decodeCursor('bzo5OTk5OTk5OTk5OTk5OTk5OTk5OQ')).toThrow(InvalidPageError); // o:99999999999999999999
  });
});

describe('pageWindow', () => {
  it('defaults to the first 20 rows', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(pageWindow({})).toEqual({ offset: 0, limit: 20 });
    expect(pageWindow({ first: null, after: null })).toEqual({ offset: 0, limit: 20 });
  });

  it('asks exactly `first` rows, from 0 up to the maximum', () => {
    expect(MAX_PAGE_SIZE).toBe(100);
    expect(pageWindow({ first: 0 })).toEqual({ offset: 0, limit: 0 });
    expect(pageWindow({ first: 1 })).toEqual({ offset: 0, limit: 1 });
    expect(pageWindow({ first: 100 })).toEqual({ offset: 0, limit: 100 });
    expect(pageWindow({ first: 40 }, 40)).toEqual({ offset: 0, limit: 40 });
  });

  it('refuses a page size out of range or not whole', () => {
    for (const first of [-1, 101, 1.5, Number.NaN]) expect(() => pageWindow({ first }), String(first)).toThrow(InvalidPageError);
    expect(() => pageWindow({ first: 41 }, 40)).toThrow(InvalidPageError);
  });

  it('starts after the cursor', () => {
    expect(pageWindow({ first: 5, after: 'bzo5' })).toEqual({ offset: 10, limit: 5 });
    expect(pageWindow({ first: 5, after: '' })).toEqual({ offset: 0, limit: 5 });
    expect(() => pageWindow({ first: 5, after: 'garbage' })).toThrow(InvalidPageError);
  });
});

describe('toPage', () => {
  it('has a next page while rows remain after this one', () => {
    expect(toPage(['a', 'b'], 5, { offset: 0, limit: 2 })).toEqual({
      nodes: ['a', 'b'],
      pageInfo: { hasNextPage: true, endCursor: 'bzox' },
      totalCount: 5,
    });
  });

  it('has no next page at the end, and its end cursor is the last row', () => {
    expect(toPage(['d', 'e'], 5, { offset: 3, limit: 2 })).toEqual({
      nodes: ['d', 'e'],
      pageInfo: { hasNextPage: false, endCursor: 'bzo0' },
      totalCount: 5,
    });
  });

  it('has no end cursor when the page is empty', () => {
    expect(toPage([], 5, { offset: 5, limit: 2 })).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 5 });
    expect(toPage([], 0, { offset: 0, limit: 20 })).toEqual({
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 0,
    });
  });

  it('gives an end cursor that continues where the page ended', () => {
    const first = toPage(['a', 'b', 'c'], 7, pageWindow({ first: 3 }));
    expect(pageWindow({ first: 3, after: first.pageInfo.endCursor })).toEqual({ offset: 3, limit: 3 });
  });
});

describe('containsPattern', () => {
  it('matches the text anywhere', () => {
    expect(containsPattern('abc')).toBe('%abc%');
    expect(containsPattern('')).toBe('%%');
  });

  it("escapes the user's own %, _ and backslash", () => {
    expect(containsPattern('50%')).toBe('%50\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('c:\\dir')).toBe('%c:\\\\dir%');
    expect(containsPattern('%_\\')).toBe('%\\%\\_\\\\%');
  });
});

describe('keyset cursors', () => {
  it('round-trips the key of the last row, whatever its characters', () => {
    for (const key of ['BRG-004211', 'a', 'ü/ß k:o:1 ', '0']) expect(decodeKeyCursor(encodeKeyCursor(key))).toBe(key);
  });

  it('refuses offset cursors, empty keys and anything this API did not return', () => {
    for (const cursor of [
      encodeCursor(3),
      Buffer.from('k:').toString('base64url'),
      'not a cursor!',
      Buffer.from([0x6b, 0x3a, 0xff]).toString('base64url'),
    ]) {
      expect(() => decodeKeyCursor(cursor)).toThrow(InvalidPageError);
    }
  });

  it('reads one row more than the page to tell whether another page follows', () => {
    const window = keysetWindow({ first: 2, after: encodeKeyCursor('B') });
    expect(window).toEqual({ afterKey: 'B', limit: 2 });
    const full = toKeysetPage(['C', 'D', 'E'], 10, window, (s) => s);
    expect(full).toEqual({ nodes: ['C', 'D'], pageInfo: { hasNextPage: true, endCursor: encodeKeyCursor('D') }, totalCount: 10 });
    const last = toKeysetPage(['C'], 10, window, (s) => s);
    expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeKeyCursor('C') });
    expect(toKeysetPage([], 0, keysetWindow({}), (s: string) => s).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('checks the page size as offset pages do', () => {
    expect(() => keysetWindow({ first: 101 })).toThrow(InvalidPageError);
    expect(() => keysetWindow({ first: -1 })).toThrow(InvalidPageError);
    expect(keysetWindow({}).limit).toBe(20);
  });
});
