/**
 * Promotions and special price agreements as the distributor's ERP sends them (upsertPromotion,
 * upsertSpecialPriceAgreement, PROMOTIONS and SPECIAL_PRICES imports): pure checks, no I/O. The
 * references (SKU, dealer code) are resolved by the caller; the service checks them against stored rows.
 *
 * Validity, the same rule as pricing's (`activeAt`): active in [from, to). A date alone (2027-03-01)
 * is midnight UTC; as the END of a window a date alone is the whole day (to the next midnight), so
 * "valid_to 2027-03-31" is still active on the 31st. An ISO instant is taken as it is.
 *
 * - A promotion: the ERP's code and a product (the key is CODE@SKU: one campaign may cover many
 *   products, a row each), a name, a percentage off (above 0, at most 90), valid_from and valid_to
 *   (both required: a promotion always ends). Two rows of one batch on the same product whose windows
 *   overlap fail (OVERLAPPING_VALIDITY): only the best discount would apply. Promotions already
 *   stored may overlap: the best active discount applies (pricing rule 3).
 * - A special price agreement: the ERP's reference (the key), a dealer, a product, a unit price (above
 *   zero, at most 10,000,000.00), optionally a currency (it must be the list price's), valid_from and an
 *   optional valid_to (none: until further notice). Two agreements of one dealer and product may not
 *   overlap (in the batch, or against stored agreements of another reference): the dealer's price would
 *   be ambiguous.
 */
import { type Checked, type FieldProblem, parseAmount } from '@dealergraph/runtime';

import { MAX_DISCOUNT_BP, readPercent, type RowProblem as MasterRowProblem } from './price-master-data.js';

/** The most a special unit price may be, in cents (10,000,000.00): above it, a separator was typed wrong. */
export const MAX_UNIT_PRICE = 1_000_000_000;

export interface Window {
  from: Date;
  /** Null: no end. */
  to: Date | null;
}

export interface PromotionData {
  code: string;
  name: string;
  discountBp: number;
  validFrom: Date;
  validTo: Date;
}

export interface SpecialPriceAgreementData {
  reference: string;
  unitPrice: number;
  /** ISO 4217 when given; null: the list price's. */
  currency: string | null;
  validFrom: Date;
  validTo: Date | null;
}

export type AgreementProblem = FieldProblem<
  | MasterRowProblem['code']
  | 'TOO_LONG'
  | 'INVALID_CODE'
  | 'INVALID_DATE'
  | 'INVALID_VALIDITY'
  | 'INVALID_AMOUNT'
  | 'ABSURD_PRICE'
  | 'INVALID_CURRENCY'
>;

const KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$/;
const MAX_TEXT = 200;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const textOf = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw).trim());

/**
 * A date (YYYY-MM-DD) or an ISO instant with its offset; as an end (`end`), a date alone is the next
 * midnight UTC (the whole day counts). Null when empty, undefined when unreadable or outside 2000-2199.
 */
export function readValidity(raw: unknown, end: boolean): Date | null | undefined {
  const text = raw instanceof Date ? raw.toISOString() : textOf(raw);
  if (!text) return null;
  const dateOnly = DATE.test(text);
  if (!dateOnly && !INSTANT.test(text)) return undefined;
  const at = new Date(dateOnly ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(at.getTime())) return undefined;
  if (dateOnly && at.toISOString().slice(0, 10) !== text) return undefined;
  const year = at.getUTCFullYear();
  if (year < 2000 || year > 2199) return undefined;
  return dateOnly && end ? new Date(at.getTime() + 86_400_000) : at;
}

/** True when two windows share an instant ([from, to), a null end reaching forever). */
export function windowsOverlap(a: Window, b: Window): boolean {
  const aEndsAfterBStarts = a.to === null || a.to > b.from;
  const bEndsAfterAStarts = b.to === null || b.to > a.from;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

function key(raw: unknown, field: string, problems: AgreementProblem[]): string {
  const text = textOf(raw);
  if (!text) problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
  else if (!KEY.test(text))
    problems.push({
      code: 'INVALID_CODE',
      message: `${field} "${text.slice(0, 40)}" must be 1 to 60 letters, digits, ".", "-", "_", "/".`,
      field,
    });
  return text;
}

function window(input: Record<string, unknown>, endRequired: boolean, problems: AgreementProblem[]): Window | null {
  const from = readValidity(input.validFrom, false);
  const to = readValidity(input.validTo, true);
  const before = problems.length;
  if (from === null) problems.push({ code: 'REQUIRED', message: 'validFrom is required.', field: 'validFrom' });
  if (from === undefined)
    problems.push({
      code: 'INVALID_DATE',
      message: `validFrom "${textOf(input.validFrom).slice(0, 30)}" is not a date such as 2027-01-15.`,
      field: 'validFrom',
    });
  if (to === null && endRequired) problems.push({ code: 'REQUIRED', message: 'validTo is required.', field: 'validTo' });
  if (to === undefined)
    problems.push({
      code: 'INVALID_DATE',
      message: `validTo "${textOf(input.validTo).slice(0, 30)}" is not a date such as 2027-01-31.`,
      field: 'validTo',
    });
  if (problems.length > before) return null;
  if (to && to <= from!) problems.push({ code: 'INVALID_VALIDITY', message: 'validTo must be after validFrom.', field: 'validTo' });
  return { from: from!, to: to ?? null };
}

/** One promotion row: code, name, discountPercent, validFrom, validTo (the product is resolved by the caller). */
export function checkPromotion(input: Record<string, unknown>): Checked<PromotionData, AgreementProblem> {
  const problems: AgreementProblem[] = [];
  const code = key(input.code, 'code', problems);
  const name = textOf(input.name);
  if (!name) problems.push({ code: 'REQUIRED', message: 'name is required.', field: 'name' });
  else if (name.length > MAX_TEXT)
    problems.push({ code: 'TOO_LONG', message: `name is longer than ${MAX_TEXT} characters.`, field: 'name' });
  const percentProblems: MasterRowProblem[] = [];
  const discountBp = readPercent(input.discountPercent, 'discountPercent', percentProblems);
  problems.push(...percentProblems);
  if (!percentProblems.length && discountBp === 0)
    problems.push({ code: 'INVALID_PERCENT', message: 'discountPercent must be above 0.', field: 'discountPercent' });
  const validity = window(input, true, problems);
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { code, name, discountBp, validFrom: validity!.from, validTo: validity!.to! } };
}

/** One special price agreement row: reference, unitPrice, currency (optional), validFrom, validTo (optional). */
export function checkSpecialPriceAgreement(input: Record<string, unknown>): Checked<SpecialPriceAgreementData, AgreementProblem> {
  const problems: AgreementProblem[] = [];
  const reference = key(input.reference, 'reference', problems);
  const priceText = textOf(input.unitPrice);
  let unitPrice = 0;
  if (!priceText) problems.push({ code: 'REQUIRED', message: 'unitPrice is required.', field: 'unitPrice' });
  else {
    try {
      unitPrice = parseAmount(priceText);
      if (unitPrice <= 0)
        problems.push({ code: 'INVALID_AMOUNT', message: `unitPrice must be above zero; "${priceText}" is not.`, field: 'unitPrice' });
      else if (unitPrice > MAX_UNIT_PRICE)
        problems.push({
          code: 'ABSURD_PRICE',
          message: `unitPrice ${priceText} is above 10,000,000.00: check the decimal separator.`,
          field: 'unitPrice',
        });
    } catch {
      problems.push({
        code: 'INVALID_AMOUNT',
        message: `unitPrice "${priceText.slice(0, 30)}" is not an amount such as 12.50.`,
        field: 'unitPrice',
      });
    }
  }
  const currencyText = textOf(input.currency).toUpperCase();
  if (currencyText && !/^[A-Z]{3}$/.test(currencyText))
    problems.push({
      code: 'INVALID_CURRENCY',
      message: `currency "${currencyText.slice(0, 10)}" is not an ISO 4217 code such as USD.`,
      field: 'currency',
    });
  const validity = window(input, false, problems);
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { reference, unitPrice, currency: currencyText || null, validFrom: validity!.from, validTo: validity!.to } };
}

/**
 * The rows (by index) whose window overlaps another row's of the same group (a product for
 * promotions; a dealer and product for agreements). Rows that are null (failed already) take no part.
 */
export function overlappingRows(rows: readonly ({ group: string; window: Window } | null)[]): Set<number> {
  const overlapping = new Set<number>();
  rows.forEach((a, i) => {
    if (!a) return;
    rows.forEach((b, j) => {
      if (j <= i || !b || a.group !== b.group) return;
      if (windowsOverlap(a.window, b.window)) {
        overlapping.add(i);
        overlapping.add(j);
      }
    });
  });
  return overlapping;
}

export { MAX_DISCOUNT_BP };
