/**
 * Stock counts and inbound shipments as the ERP sends them (STOCK and IN_TRANSIT imports, the
 * upsertInTransit mutation): pure checks of one row each. References (SKU, warehouse code) are
 * checked against the catalog by the service; the same key in two rows fails both (duplicateKeys).
 *
 * - A stock row: sku, warehouse (code, any case), on_hand (a whole number, 0 or more) and an optional
 *   low_threshold. Its key is "SKU@WAREHOUSE". The count replaces what was on hand.
 * - An in-transit row: the ERP's shipment reference (the key), sku, warehouse, quantity (0 removes the
 *   shipment: it arrived or was cancelled) and an optional ETA (a date, YYYY-MM-DD, or an ISO instant).
 */

import type { Checked, FieldProblem } from '@dealergraph/runtime';
export interface StockLevelData {
  sku: string;
  warehouse: string;
  onHand: number;
  lowThreshold: number | null;
}

export interface InTransitData {
  reference: string;
  sku: string;
  warehouse: string;
  quantity: number;
  /** ISO 8601 instant; null when the supplier has not confirmed one. */
  eta: string | null;
}

export type RowProblem = FieldProblem<'REQUIRED' | 'INVALID_QUANTITY' | 'INVALID_DATE' | 'TOO_LONG'>;

const MAX_UNITS = 100_000_000;
const textOf = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw).trim());

function count(raw: unknown, field: string, problems: RowProblem[], required: boolean): number | null {
  const text = textOf(raw);
  if (!text) {
    if (required) problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
    return null;
  }
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n > MAX_UNITS) {
    problems.push({
      code: 'INVALID_QUANTITY',
      message: `${field} "${text.slice(0, 20)}" must be a whole number from 0 to ${MAX_UNITS}.`,
      field,
    });
    return null;
  }
  return n;
}

function required(raw: unknown, field: string, problems: RowProblem[]): string {
  const text = textOf(raw);
  if (!text) problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
  else if (text.length > 80) problems.push({ code: 'TOO_LONG', message: `${field} is longer than 80 characters.`, field });
  return text;
}

/** One stock count. */
export function checkStockLevel(input: Record<string, unknown>): Checked<StockLevelData, RowProblem> {
  const problems: RowProblem[] = [];
  const sku = required(input.sku, 'sku', problems);
  const warehouse = required(input.warehouse, 'warehouse', problems).toUpperCase();
  const onHand = count(input.onHand, 'onHand', problems, true);
  const lowThreshold = count(input.lowThreshold, 'lowThreshold', problems, false);
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { sku, warehouse, onHand: onHand!, lowThreshold } };
}

/** A date (YYYY-MM-DD, midnight UTC) or an ISO instant, as an ISO instant; null for empty; undefined when unreadable. */
export function readEta(raw: unknown): string | null | undefined {
  const text = textOf(raw);
  if (!text) return null;
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(at.getTime())) return undefined;
  // A calendar date that does not exist (2026-02-30) rolls over in Date: refuse it.
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && at.toISOString().slice(0, 10) !== text) return undefined;
  return at.toISOString();
}

/** One inbound shipment. */
export function checkInTransit(input: Record<string, unknown>): Checked<InTransitData, RowProblem> {
  const problems: RowProblem[] = [];
  const reference = required(input.reference, 'reference', problems);
  const sku = required(input.sku, 'sku', problems);
  const warehouse = required(input.warehouse, 'warehouse', problems).toUpperCase();
  const quantity = count(input.quantity, 'quantity', problems, true);
  const eta = readEta(input.eta);
  if (eta === undefined)
    problems.push({
      code: 'INVALID_DATE',
      message: `eta "${textOf(input.eta).slice(0, 30)}" is not a date such as 2027-01-15.`,
      field: 'eta',
    });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { reference, sku, warehouse, quantity: quantity!, eta: eta ?? null } };
}
