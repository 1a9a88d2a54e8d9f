import { GraphQLError } from 'graphql';

import { badInput } from './result/result.js';

/**
 * Offset cursors for connections. A cursor is opaque to clients: base64url of "o:<offset>".
 */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

export interface PageWindow {
  offset: number;
  limit: number;
}

/** Thrown for a malformed cursor or a page size out of range: the caller's input, not our failure. */
export class InvalidPageError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

/**
 * A whole number argument within its documented range, or BAD_USER_INPUT naming the range: a value
 * outside is refused, never clamped, so a caller learns that 0 or 10,000 is not what it gets.
 */
export function intInRange(input: { value: number; min: number; max: number; name: string }): number {
  const { value, min, max, name } = input;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`"${name}" must be a whole number from ${min} to ${max}.`, name);
  }
  return value;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64url').toString();
  const match = /^o:(\d+)$/.exec(raw);
  const offset = match ? Number(match[1]) : NaN;
  // "o:99999999999999999999" matches the pattern but is no offset this API returned.
  if (!Number.isSafeInteger(offset)) throw new InvalidPageError('the cursor is not one this API returned; start again without "after"');
  return offset;
}

/**
 * Turns first/after into the offset and limit to query. The limit equals `first` (no extra row):
 * `toPage` tells hasNextPage from the total count.
 */
export function pageWindow(request: PageRequest, max = MAX_PAGE_SIZE): PageWindow {
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw new InvalidPageError(`"first" must be between 0 and ${max}`);
  }
  const offset = request.after ? decodeCursor(request.after) + 1 : 0;
  return { offset, limit: first };
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Builds a connection page from the rows of one window and the total count. */
export function toPage<T>(rows: T[], totalCount: number, window: PageWindow): Page<T> {
  const end = window.offset + rows.length - 1;
  return {
    nodes: rows,
    pageInfo: { hasNextPage: window.offset + rows.length < totalCount, endCursor: rows.length ? encodeCursor(end) : null },
    totalCount,
  };
}

/** A LIKE pattern that matches `search` anywhere, with the user's own % and _ taken literally. */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Keyset cursors, for lists in the order of a unique key (the catalog by sku): base64url of
 * "k:<key of the last row>". The next page starts after that key through the key's index, so a page
 * deep in the list costs what the first one costs (an offset reads and drops every row before it).
 * A cursor needs not name an existing row: the page starts at the next key in order.
 */
export interface KeysetWindow {
  /** The key the page starts after; null for the first page. */
  afterKey: string | null;
  limit: number;
}

export function encodeKeyCursor(key: string): string {
  return Buffer.from(`k:${key}`).toString('base64url');
}

export function decodeKeyCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString();
  if (!raw.startsWith('k:') || raw.length < 3 || encodeKeyCursor(raw.slice(2)) !== cursor.replace(/=+$/, '')) {
    throw new InvalidPageError('the cursor is not one this API returned; start again without "after"');
  }
  return raw.slice(2);
}

/** Turns first/after into a keyset window; `first` is checked as in {@link pageWindow}. */
export function keysetWindow(request: PageRequest, max = MAX_PAGE_SIZE): KeysetWindow {
  const { limit } = pageWindow({ first: request.first }, max);
  return { afterKey: request.after ? decodeKeyCursor(request.after) : null, limit };
}

/**
 * Builds a connection page from the rows of a keyset window read with one row more than the limit
 * (that extra row says whether a next page exists; it is not returned).
 */
export function toKeysetPage<T>(rows: T[], totalCount: number, window: KeysetWindow, keyOf: (row: T) => string): Page<T> {
  const nodes = rows.slice(0, window.limit);
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > window.limit, endCursor: nodes.length ? encodeKeyCursor(keyOf(nodes.at(-1)!)) : null },
    totalCount,
  };
}
