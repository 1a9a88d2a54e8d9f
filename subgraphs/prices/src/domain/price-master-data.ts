/**
 * Tier rules and default volume breaks as the distributor's ERP sends them (TIER_RULES and
 * VOLUME_BREAKS imports): pure checks, no I/O.
 *
 * - A tier rule: a tier and the percentage its price list takes off the list price (0 to 90, at most
 *   two fraction digits; above 90 is taken for a typing error). The key is the tier.
 * - A volume break: from min_quantity (1 or more) to max_quantity (empty: no upper bound), this
 *   percentage off the dealer's price (0 to 90). The key is min_quantity. A file of volume breaks is
 *   the whole table: ranges may not overlap (every overlapping row fails), breaks not in the file
 *   are removed, and it is written only when every row is valid.
 */

import type { Checked, FieldProblem } from '@dealergraph/runtime';
export const TIERS = ['PLATINUM', 'GOLD', 'SILVER', 'BRONZE'] as const;
/** A discount above this many basis points is taken for a typing error (90 %). */
export const MAX_DISCOUNT_BP = 9_000;
const MAX_QUANTITY = 1_000_000;

export type RowProblem = FieldProblem<
  | 'REQUIRED'
  | 'INVALID_TIER'
  | 'INVALID_PERCENT'
  | 'ABSURD_DISCOUNT'
  | 'INVALID_QUANTITY'
  | 'INVALID_RANGE'
  | 'OVERLAPPING_RANGE'
  | 'DUPLICATE_KEY'
>;

export interface TierRuleData {
  tier: (typeof TIERS)[number];
  discountBp: number;
}

export interface VolumeBreakData {
  minQuantity: number;
  maxQuantity: number | null;
  discountBp: number;
}

const textOf = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw).trim());

/** A percentage "12.5" or "12.50" as basis points; a problem for anything else, negative, or absurd. */
export function readPercent(raw: unknown, field: string, problems: RowProblem[]): number {
  const text = textOf(raw).replace(/%$/, '').trim();
  if (!text) {
    problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
    return 0;
  }
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) {
    problems.push({
      code: 'INVALID_PERCENT',
      message: `${field} "${text.slice(0, 20)}" is not a percentage such as 12.50 (0 or more).`,
      field,
    });
    return 0;
  }
  const bp = Math.round(Number(text) * 100);
  if (bp > MAX_DISCOUNT_BP)
    problems.push({ code: 'ABSURD_DISCOUNT', message: `${field} ${text} % is above 90 %: check the value.`, field });
  return bp;
}

/** One tier rule. */
export function checkTierRule(input: Record<string, unknown>): Checked<TierRuleData, RowProblem> {
  const problems: RowProblem[] = [];
  const tier = textOf(input.tier).toUpperCase();
  if (!tier) problems.push({ code: 'REQUIRED', message: 'tier is required.', field: 'tier' });
  else if (!(TIERS as readonly string[]).includes(tier))
    problems.push({ code: 'INVALID_TIER', message: `"${tier.slice(0, 20)}": the tier is one of ${TIERS.join(', ')}.`, field: 'tier' });
  const discountBp = readPercent(input.discountPercent, 'discountPercent', problems);
  return problems.length ? { ok: false, problems } : { ok: true, value: { tier: tier as TierRuleData['tier'], discountBp } };
}

function quantity(raw: unknown, field: string, problems: RowProblem[], required: boolean): number | null {
  const text = textOf(raw);
  if (!text) {
    if (required) problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
    return null;
  }
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_QUANTITY) {
    problems.push({
      code: 'INVALID_QUANTITY',
      message: `${field} "${text.slice(0, 20)}" must be a whole number from 1 to ${MAX_QUANTITY}.`,
      field,
    });
    return null;
  }
  return n;
}

/** One volume break, alone. */
export function checkVolumeBreak(input: Record<string, unknown>): Checked<VolumeBreakData, RowProblem> {
  const problems: RowProblem[] = [];
  const minQuantity = quantity(input.minQuantity, 'minQuantity', problems, true);
  const maxQuantity = quantity(input.maxQuantity, 'maxQuantity', problems, false);
  if (minQuantity !== null && maxQuantity !== null && maxQuantity < minQuantity)
    problems.push({
      code: 'INVALID_RANGE',
      message: `maxQuantity ${maxQuantity} is below minQuantity ${minQuantity}.`,
      field: 'maxQuantity',
    });
  const discountBp = readPercent(input.discountPercent, 'discountPercent', problems);
  return problems.length ? { ok: false, problems } : { ok: true, value: { minQuantity: minQuantity!, maxQuantity, discountBp } };
}

/**
 * The rows (by index) whose ranges overlap another row's: [min, max] intervals, an empty max reaching
 * to infinity. Every row of an overlapping pair is reported, the same minQuantity twice included.
 */
export function overlappingBreaks(rows: readonly (VolumeBreakData | null)[]): Set<number> {
  const overlapping = new Set<number>();
  const present = rows.flatMap((r, i) => (r ? [{ ...r, i }] : [])).sort((a, b) => a.minQuantity - b.minQuantity);
  for (let a = 0; a < present.length; a++)
    for (let b = a + 1; b < present.length; b++) {
      const [x, y] = [present[a]!, present[b]!];
      if (x.maxQuantity === null || x.maxQuantity >= y.minQuantity) {
        overlapping.add(x.i);
        overlapping.add(y.i);
      }
    }
  return overlapping;
}
