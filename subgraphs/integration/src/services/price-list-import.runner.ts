import { type InternalListPrice, MAX_INTERNAL_LINES } from '@dealergraph/runtime';

import type { IntegrationContext } from '../context.js';
import type { ImportCounts } from '../domain/import-kinds.js';
import { checkPriceListRow, markDuplicates, type PriceListRow, readPriceListHeader, shouldApply } from '../domain/price-list-rows.js';

/** A row's report as the job keeps it. */
export interface RowReport {
  row: number;
  key: string | null;
  status: string;
  message: string | null;
}

/** What one run of an import decided. */
export type ImportOutcome =
  | { ok: true; applied: boolean; counts: ImportCounts; rows: RowReport[]; message: string }
  | { ok: false; code: string; message: string; rows: RowReport[]; counts: ImportCounts };

const chunks = <T>(items: readonly T[], size = MAX_INTERNAL_LINES): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Runs a PRICE_LIST file: checks every row, asks products which SKUs exist, then (when every row is
 * valid, or valid rows only were asked for) stages the prices with prices in chunks and has prices
 * apply them in one transaction, so a price list is never half loaded. Safe to run again after a
 * crash: staging replaces its rows and applying is idempotent by the job id.
 */
export async function runPriceListImport(
  ctx: Pick<IntegrationContext, 'services'>,
  job: { id: string; dryRun: boolean; validRowsOnly: boolean },
  cells: unknown[][],
  progress: (percent: number) => Promise<void>,
): Promise<ImportOutcome> {
  const zero: ImportCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const header = readPriceListHeader(cells[0] ?? []);
  if (!header.ok) return { ok: false, code: header.code, message: header.message, rows: [], counts: zero };
  const data = cells
    .map((row, i) => ({ row: i + 1, cells: row }))
    .slice(1)
    .filter((r) => r.cells.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
  if (!data.length) return { ok: false, code: 'EMPTY_FILE', message: 'The file has a header but no rows.', rows: [], counts: zero };
  let rows: PriceListRow[] = markDuplicates(data.map((r) => checkPriceListRow({ ...r, columns: header.columns })));

  const skus = [...new Set(rows.flatMap((r) => (r.ok ? [r.sku] : [])))];
  const ids = new Map<string, string>();
  for (const [i, chunk] of chunks(skus).entries()) {
    for (const p of (await ctx.services.products.call('resolveSkus', { skus: chunk })).products) ids.set(p.sku.toLowerCase(), p.id);
    await progress(10 + Math.round((40 * (i + 1)) / Math.max(1, Math.ceil(skus.length / MAX_INTERNAL_LINES))));
  }
  rows = rows.map((r) =>
    r.ok && !ids.has(r.sku.toLowerCase())
      ? { row: r.row, key: r.key, ok: false, code: 'UNKNOWN_SKU', message: `No product has the SKU ${r.sku}.` }
      : r,
  );
  const failed = rows.filter((r) => !r.ok).length;
  const report = (r: PriceListRow, status: string, message: string | null = null): RowReport => ({
    row: r.row,
    key: r.key,
    status,
    message,
  });
  const failures = rows.flatMap((r) => (r.ok ? [] : [report(r, r.code, r.message)]));
  if (!shouldApply({ failed, validRowsOnly: job.validRowsOnly })) {
    const notImported = 'Not imported: other rows have errors (nothing is written unless every row is valid, or validRowsOnly is set).';
    return {
      ok: false,
      code: 'INVALID_ROWS',
      message: `${failed} of ${rows.length} rows have errors; nothing was ${job.dryRun ? 'checked further' : 'imported'}.`,
      rows: rows.map((r) => (r.ok ? report(r, 'OK', notImported) : report(r, r.code, r.message))),
      counts: { ...zero, failed },
    };
  }
  const valid = rows.filter((r): r is Extract<PriceListRow, { ok: true }> => r.ok);
  const prices: InternalListPrice[] = valid.map((r) => ({
    productId: ids.get(r.sku.toLowerCase())!,
    listPrice: r.listPrice,
    currency: r.currency,
    validFrom: r.validFrom,
    validTo: r.validTo,
  }));
  const staged = chunks(prices);
  for (const [i, chunk] of staged.entries()) {
    await ctx.services.prices.call('stageListPrices', { importId: job.id, prices: chunk });
    await progress(50 + Math.round((40 * (i + 1)) / staged.length));
  }
  const result = await ctx.services.prices.call('applyListPrices', {
    importId: job.id,
    dryRun: job.dryRun,
    skipConflicts: job.validRowsOnly,
  });
  const created = new Set(result.created);
  const updated = new Set(result.updated);
  const conflicts = new Set(result.conflicts ?? []);
  // prices answers a base price by product id, a dated one by `<productId>@<validFrom>`.
  const keyOf = (r: (typeof valid)[number]) => {
    const productId = ids.get(r.sku.toLowerCase())!;
    return r.validFrom ? `${productId}@${r.validFrom}` : productId;
  };
  const statusOf = (key: string) => (created.has(key) ? 'CREATED' : updated.has(key) ? 'UPDATED' : 'UNCHANGED');
  const overlap = 'valid_from..valid_to overlaps another dated price of this SKU (stored or in the file): end the other one first.';
  const validReports = valid.map((r) =>
    conflicts.has(keyOf(r)) ? report(r, 'OVERLAPPING_VALIDITY', overlap) : report(r, statusOf(keyOf(r))),
  );
  if (conflicts.size && !job.validRowsOnly) {
    const notImported = 'Not imported: other rows have errors (nothing is written unless every row is valid, or validRowsOnly is set).';
    return {
      ok: false,
      code: 'INVALID_ROWS',
      message: `${conflicts.size} of ${rows.length} rows have errors; nothing was ${job.dryRun ? 'checked further' : 'imported'}.`,
      rows: validReports
        .map((r) => (r.status === 'OVERLAPPING_VALIDITY' ? r : { ...r, status: 'OK', message: notImported }))
        .sort((a, b) => a.row - b.row),
      counts: { ...zero, failed: conflicts.size },
    };
  }
  const counts = { created: created.size, updated: updated.size, unchanged: result.unchanged, failed: failed + conflicts.size };
  return {
    ok: true,
    applied: !job.dryRun,
    counts,
    rows: [...validReports, ...failures].sort((a, b) => a.row - b.row),
    message: `${job.dryRun ? 'Dry run: would create' : 'Created'} ${counts.created}, ${job.dryRun ? 'update' : 'updated'} ${counts.updated}, ${counts.unchanged} unchanged, ${failed} failed.`,
  };
}
