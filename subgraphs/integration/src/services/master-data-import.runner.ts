import { type MasterDataRowResult, MAX_INTERNAL_LINES, MAX_MASTER_DATA_ROWS } from '@dealergraph/runtime';

import type { IntegrationContext } from '../context.js';
import type { ImportCounts } from '../domain/import-kinds.js';
import { isBlankRow, type MasterDataFormat, masterDataInput, readMasterDataHeader, textProblem } from '../domain/master-data-files.js';
import type { ImportOutcome, RowReport } from './price-list-import.runner.js';

/** Each master data kind's owner operation. */
const OPERATIONS = {
  DEALERS: ['dealers', 'upsertDealers'],
  PRODUCTS: ['products', 'upsertProducts'],
  STOCK: ['products', 'setStockLevels'],
  IN_TRANSIT: ['products', 'upsertInTransit'],
  CREDIT_ACCOUNTS: ['credit', 'upsertCreditAccounts'],
  TIER_RULES: ['prices', 'upsertTierRules'],
  VOLUME_BREAKS: ['prices', 'replaceVolumeBreaks'],
  CATEGORIES: ['products', 'upsertCategories'],
  PROMOTIONS: ['prices', 'upsertPromotions'],
  DEALER_ADDRESSES: ['dealers', 'upsertDealerAddresses'],
  DEALER_CONTACTS: ['dealers', 'upsertDealerContacts'],
  SPECIAL_PRICES: ['prices', 'upsertSpecialPrices'],
  WAREHOUSES: ['products', 'upsertWarehouses'],
  INVOICES: ['credit', 'importInvoices'],
  PAYMENTS: ['credit', 'importPayments'],
} as const;

export type MasterDataKind = keyof typeof OPERATIONS;

/**
 * Runs a master data file (DEALERS, PRODUCTS, STOCK, IN_TRANSIT): reads the header and the rows, and
 * hands every row to the owner in one call, which checks each row by its own rules, writes them in one
 * transaction (all or nothing unless valid rows only were asked for; nothing in a dry run) with its
 * audit, and answers each row. At most MAX_MASTER_DATA_ROWS rows per file (one transaction). Safe to
 * run again after a crash: a row already written answers UNCHANGED.
 */
export async function runMasterDataImport(
  ctx: Pick<IntegrationContext, 'services'>,
  job: { id: string; kind: MasterDataKind; dryRun: boolean; validRowsOnly: boolean; startedBy: string; filename: string },
  format: MasterDataFormat,
  cells: unknown[][],
  progress: (percent: number) => Promise<void>,
): Promise<ImportOutcome> {
  const zero: ImportCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const header = readMasterDataHeader(format, cells[0] ?? []);
  if (!header.ok) return { ok: false, code: header.code, message: header.message, rows: [], counts: zero };
  const data = cells
    .map((row, i) => ({ row: i + 1, cells: row }))
    .slice(1)
    .filter((r) => !isBlankRow(r.cells));
  if (!data.length) return { ok: false, code: 'EMPTY_FILE', message: 'The file has a header but no rows.', rows: [], counts: zero };
  if (data.length > MAX_MASTER_DATA_ROWS)
    return {
      ok: false,
      code: 'TOO_MANY_ROWS',
      message: `A ${job.kind} file may have at most ${MAX_MASTER_DATA_ROWS} rows (this one has ${data.length}): split it.`,
      rows: [],
      counts: zero,
    };
  const inputs = data.map((r) => masterDataInput(header.columns, r.cells));
  // Rows this side refuses (text no owner stores) are not sent; under all-or-nothing the owner then only checks the rest.
  const local = new Map<number, MasterDataRowResult>();
  inputs.forEach((input, i) => {
    const problem = textProblem(input);
    if (problem) local.set(i, problem);
  });
  if (format.dealerCodeField) await resolveDealers(ctx, format.dealerCodeField, inputs, local);
  if (format.skuField) await resolveProducts(ctx, format.skuField, inputs, local);
  if (format.orderRefField) await resolveOrders(ctx, format.orderRefField, inputs, local);
  await progress(30);
  const [service, operation] = OPERATIONS[job.kind];
  const sent = inputs.flatMap((input, i) => (local.has(i) ? [] : [{ i, input }]));
  const batch = {
    actor: { id: job.startedBy, name: `import ${job.id} (${job.filename})` },
    dryRun: job.dryRun || (local.size > 0 && !job.validRowsOnly),
    allOrNothing: !job.validRowsOnly,
    rows: sent.map((s) => s.input),
  };
  const client = ctx.services[service] as unknown as {
    call(op: string, input: typeof batch): Promise<{ applied: boolean; rows: MasterDataRowResult[] }>;
  };
  const answer = sent.length ? await client.call(operation, batch) : { applied: false, rows: [] };
  const rows: MasterDataRowResult[] = inputs.map(() => ({ status: 'UNCHANGED' }));
  sent.forEach((s, k) => (rows[s.i] = answer.rows[k]!));
  for (const [i, failure] of local) rows[i] = failure;
  await progress(90);
  return outcomeOf(job, data, inputs, format, { applied: answer.applied, rows });
}

/**
 * Names dealers by id for owners that key by dealer (credit): asks dealers for the codes of the rows
 * still valid; a row whose code is empty is REQUIRED, one that names no dealer UNKNOWN_DEALER.
 */
async function resolveDealers(
  ctx: Pick<IntegrationContext, 'services'>,
  field: string,
  inputs: Record<string, unknown>[],
  local: Map<number, MasterDataRowResult>,
): Promise<void> {
  const codeOf = (input: Record<string, unknown>) => String(input[field] ?? '').trim();
  const codes = [...new Set(inputs.flatMap((input, i) => (local.has(i) || !codeOf(input) ? [] : [codeOf(input)])))];
  const ids = new Map<string, string>();
  if (codes.length)
    for (const d of (await ctx.services.dealers.call('resolveDealerCodes', { codes })).dealers) ids.set(d.code.toLowerCase(), d.id);
  inputs.forEach((input, i) => {
    if (local.has(i)) return;
    const code = codeOf(input);
    const id = ids.get(code.toLowerCase());
    if (!code) local.set(i, { status: 'FAILED', code: 'REQUIRED', message: `${field} is required.`, field });
    else if (!id) local.set(i, { status: 'FAILED', code: 'UNKNOWN_DEALER', message: `No dealer has the code ${code}.`, field });
    else input.dealerId = id;
  });
}

/**
 * Names products by id for owners that key by product (prices): asks products for the SKUs of the rows
 * still valid; a row whose SKU is empty is REQUIRED, one that names no product UNKNOWN_SKU.
 */
async function resolveProducts(
  ctx: Pick<IntegrationContext, 'services'>,
  field: string,
  inputs: Record<string, unknown>[],
  local: Map<number, MasterDataRowResult>,
): Promise<void> {
  const skuOf = (input: Record<string, unknown>) => String(input[field] ?? '').trim();
  const skus = [...new Set(inputs.flatMap((input, i) => (local.has(i) || !skuOf(input) ? [] : [skuOf(input)])))];
  const ids = new Map<string, string>();
  for (let i = 0; i < skus.length; i += MAX_INTERNAL_LINES)
    for (const p of (await ctx.services.products.call('resolveSkus', { skus: skus.slice(i, i + MAX_INTERNAL_LINES) })).products)
      ids.set(p.sku.toLowerCase(), p.id);
  inputs.forEach((input, i) => {
    if (local.has(i)) return;
    const sku = skuOf(input);
    const id = ids.get(sku.toLowerCase());
    if (!sku) local.set(i, { status: 'FAILED', code: 'REQUIRED', message: `${field} is required.`, field });
    else if (!id) local.set(i, { status: 'FAILED', code: 'UNKNOWN_SKU', message: `No product has the SKU ${sku.slice(0, 60)}.`, field });
    else input.productId = id;
  });
}

/**
 * Names orders by id (INVOICES): asks orders for the references of the rows still valid; an empty
 * cell names no order, one that names none is UNKNOWN_ORDER, and an order of another dealer than the
 * row's ORDER_OF_ANOTHER_DEALER. Runs after resolveDealers, so a row's dealerId is known.
 */
async function resolveOrders(
  ctx: Pick<IntegrationContext, 'services'>,
  field: string,
  inputs: Record<string, unknown>[],
  local: Map<number, MasterDataRowResult>,
): Promise<void> {
  const refOf = (input: Record<string, unknown>) => String(input[field] ?? '').trim();
  const refs = [...new Set(inputs.flatMap((input, i) => (local.has(i) || !refOf(input) ? [] : [refOf(input)])))];
  const orders = new Map<string, { orderId: string; dealerId: string }>();
  for (let i = 0; i < refs.length; i += ORDER_REFS_PER_CALL)
    for (const o of (await ctx.services.orders.call('resolveOrderRefs', { refs: refs.slice(i, i + ORDER_REFS_PER_CALL) })).orders)
      orders.set(o.ref, o);
  inputs.forEach((input, i) => {
    const ref = refOf(input);
    delete input[field];
    if (local.has(i) || !ref) return;
    const order = orders.get(ref);
    if (!order)
      local.set(i, { status: 'FAILED', code: 'UNKNOWN_ORDER', message: `No order has the number or id ${ref.slice(0, 60)}.`, field });
    else if (order.dealerId !== input.dealerId)
      local.set(i, { status: 'FAILED', code: 'ORDER_OF_ANOTHER_DEALER', message: `Order ${ref.slice(0, 60)} is another dealer's.`, field });
    else input.orderId = order.orderId;
  });
}

/** orders' resolveOrderRefs takes at most 500 references a call. */
const ORDER_REFS_PER_CALL = 500;

/** The job's outcome from the owner's answer: counts, and a report per row (OK for a valid row of a file not imported). */
export function outcomeOf(
  job: { dryRun: boolean; validRowsOnly: boolean },
  data: readonly { row: number }[],
  inputs: readonly Record<string, unknown>[],
  format: MasterDataFormat,
  answer: { applied: boolean; rows: readonly MasterDataRowResult[] },
): ImportOutcome {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const reports: RowReport[] = answer.rows.map((r, i) => {
    const base = { row: data[i]!.row, key: format.key(inputs[i]!)?.slice(0, 200) ?? null };
    if (r.status === 'FAILED') {
      counts.failed += 1;
      return { ...base, status: r.code, message: r.field ? `${r.field}: ${r.message}` : r.message };
    }
    counts[r.status === 'CREATED' ? 'created' : r.status === 'UPDATED' ? 'updated' : 'unchanged'] += 1;
    return { ...base, status: r.status, message: null };
  });
  if (counts.failed > 0 && !job.validRowsOnly) {
    const notImported = 'Not imported: other rows have errors (nothing is written unless every row is valid, or validRowsOnly is set).';
    return {
      ok: false,
      code: 'INVALID_ROWS',
      message: `${counts.failed} of ${reports.length} rows have errors; nothing was ${job.dryRun ? 'checked further' : 'imported'}.`,
      rows: reports.map((r) => (['CREATED', 'UPDATED', 'UNCHANGED'].includes(r.status) ? { ...r, status: 'OK', message: notImported } : r)),
      counts: { created: 0, updated: 0, unchanged: 0, failed: counts.failed },
    };
  }
  return {
    ok: true,
    applied: answer.applied,
    counts,
    rows: reports,
    message: `${job.dryRun ? 'Dry run: would create' : 'Created'} ${counts.created}, ${job.dryRun ? 'update' : 'updated'} ${counts.updated}, ${counts.unchanged} unchanged, ${counts.failed} failed.`,
  };
}
