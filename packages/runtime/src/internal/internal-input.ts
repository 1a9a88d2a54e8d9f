import { normalizeId } from '../ids.js';
import { MAX_LINE_QUANTITY } from '../money.js';
import { type InternalDealerSegment, type InternalLine, type MasterDataBatch, MAX_MASTER_DATA_ROWS } from './contracts.js';
import { InternalInputError } from './internal-server.js';

/**
 * Checks of internal operation input, shared by the owner services: anything malformed is refused
 * with InternalInputError (400) before it reaches PostgreSQL, where a bad uuid would fail the whole
 * statement and a huge quantity would overflow an integer column or the money arithmetic.
 */

/** The most lines one internal call may carry: a whole order, cart or pasted list in one call. */
export const MAX_INTERNAL_LINES = 10_000;

/** The id in canonical form (lower case), or InternalInputError when it is not a uuid. */
export function requireUuid(value: unknown, field: string): string {
  const id = typeof value === 'string' ? normalizeId(value) : null;
  if (!id) throw new InternalInputError(`${field} must be a uuid`);
  return id;
}

/** A whole number of units from 1 to MAX_LINE_QUANTITY, or InternalInputError. */
export function requireQuantity(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > MAX_LINE_QUANTITY) {
    throw new InternalInputError(`${field} must be a whole number from 1 to ${MAX_LINE_QUANTITY}`);
  }
  return value;
}

/** A positive whole number of cents within exact integer range, or InternalInputError. */
export function requireAmount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InternalInputError(`${field} must be a positive whole number of cents`);
  }
  return value;
}

/** A non-empty list of at most MAX_INTERNAL_LINES lines, each checked; ids in canonical form. */
export function requireLines(value: unknown, field = 'lines'): InternalLine[] {
  if (!Array.isArray(value) || value.length === 0) throw new InternalInputError(`${field} must be a non-empty list`);
  if (value.length > MAX_INTERNAL_LINES) throw new InternalInputError(`${field} may hold at most ${MAX_INTERNAL_LINES} lines`);
  return value.map((line: unknown, i) => {
    if (typeof line !== 'object' || line === null) throw new InternalInputError(`${field}[${i}] must be an object`);
    const { productId, quantity } = line as Record<string, unknown>;
    return {
      productId: requireUuid(productId, `${field}[${i}].productId`),
      quantity: requireQuantity(quantity, `${field}[${i}].quantity`),
    };
  });
}

/** An optional list of strings (at most MAX_INTERNAL_LINES), or InternalInputError. */
export function optionalStrings(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_INTERNAL_LINES || !value.every((v) => typeof v === 'string')) {
    throw new InternalInputError(`${field} must be a list of at most ${MAX_INTERNAL_LINES} strings`);
  }
  return value;
}

const SEGMENT_TIERS = ['PLATINUM', 'GOLD', 'SILVER', 'BRONZE'] as const;

/** A dealer segment as the dealers subgraph sends it (setDealerSegment), or InternalInputError. */
export function requireDealerSegment(value: unknown): InternalDealerSegment {
  const input = (value ?? {}) as Record<string, unknown>;
  const tier = input.tier;
  if (typeof tier !== 'string' || !(SEGMENT_TIERS as readonly string[]).includes(tier))
    throw new InternalInputError(`tier must be one of ${SEGMENT_TIERS.join(', ')}`);
  if (typeof input.region !== 'string' || input.region.trim() === '') throw new InternalInputError('region must be a non-empty string');
  const dealerType = input.dealerType ?? null;
  if (dealerType !== null && typeof dealerType !== 'string') throw new InternalInputError('dealerType must be a string or null');
  return {
    dealerId: requireUuid(input.dealerId, 'dealerId'),
    tier: tier as InternalDealerSegment['tier'],
    region: input.region,
    dealerType,
  };
}

/** A master data batch (imports): an actor, the flags and at most MAX_MASTER_DATA_ROWS rows, each an object; or InternalInputError. */
export function requireMasterDataBatch(value: unknown): MasterDataBatch<Record<string, unknown>> {
  const input = (value ?? {}) as Record<string, unknown>;
  const actor = (input.actor ?? {}) as Record<string, unknown>;
  if (typeof actor.id !== 'string' || !actor.id) throw new InternalInputError('actor.id must be a non-empty string');
  if (actor.name != null && typeof actor.name !== 'string') throw new InternalInputError('actor.name must be a string or null');
  if (typeof input.dryRun !== 'boolean' || typeof input.allOrNothing !== 'boolean')
    throw new InternalInputError('dryRun and allOrNothing must be booleans');
  const rows = input.rows;
  if (!Array.isArray(rows) || rows.length > MAX_MASTER_DATA_ROWS)
    throw new InternalInputError(`rows must be a list of at most ${MAX_MASTER_DATA_ROWS} objects`);
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new InternalInputError(`rows[${i}] must be an object`);
  });
  return {
    actor: { id: actor.id, name: (actor.name as string | null | undefined) ?? null },
    dryRun: input.dryRun,
    allOrNothing: input.allOrNothing,
    rows: rows as Record<string, unknown>[],
  };
}
