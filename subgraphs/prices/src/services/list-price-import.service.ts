import type { InternalListPrice, ListPriceImportResult } from '@dealergraph/runtime';

import type { PricesContext } from '../context.js';
import { type ListPriceWindow, planListPriceWindows, type WindowChange, windowKey } from '../domain/list-price-validity.js';
import { ListPriceImport } from '../entities/list-price-import.entity.js';

/** Stages one chunk of an import's list prices (base or dated); a repeated chunk replaces its rows. */
export async function stageListPrices(ctx: PricesContext, input: { importId: string; prices: InternalListPrice[] }): Promise<number> {
  if (!input.prices.length) return 0;
  await ctx.em.execute(
    `insert into prices.list_price_stage (import_id, product_id, valid_from, valid_to, list_price, currency)
     select ?::uuid, r.product_id, coalesce(r.valid_from, '-infinity'), r.valid_to, r.list_price, r.currency
       from jsonb_to_recordset(?::jsonb) as r(product_id uuid, valid_from timestamptz, valid_to timestamptz, list_price bigint, currency text)
     on conflict (import_id, product_id, valid_from) do update set valid_to = excluded.valid_to, list_price = excluded.list_price, currency = excluded.currency`,
    [
      input.importId,
      JSON.stringify(
        input.prices.map((p) => ({
          product_id: p.productId,
          valid_from: p.validFrom ?? null,
          valid_to: p.validTo ?? null,
          list_price: p.listPrice,
          currency: p.currency,
        })),
      ),
    ],
  );
  return input.prices.length;
}

type Connection = ReturnType<PricesContext['em']['getConnection']>;

/**
 * The dated prices staged by an import, decided against the stored windows of their products
 * (domain/list-price-validity.ts): what each does, and the windows to write.
 */
async function planWindows(connection: Connection, tx: unknown, importId: string) {
  type Row = { product_id: string; valid_from: Date; valid_to: Date | null; list_price: string; currency: string };
  const toWindow = (r: Row): ListPriceWindow => ({
    productId: r.product_id,
    validFrom: new Date(r.valid_from),
    validTo: r.valid_to ? new Date(r.valid_to) : null,
    listPrice: Number(r.list_price),
    currency: r.currency,
  });
  const staged = (
    await connection.execute<Row[]>(
      `select product_id, valid_from, valid_to, list_price, currency from prices.list_price_stage where import_id = ? and valid_from <> '-infinity'`,
      [importId],
      'all',
      tx,
    )
  ).map(toWindow);
  if (!staged.length) return { staged, changes: new Map<string, WindowChange>() };
  const stored = (
    await connection.execute<Row[]>(
      `select product_id, valid_from, valid_to, list_price, currency from prices.list_price_window
        where product_id in (select product_id from prices.list_price_stage where import_id = ? and valid_from <> '-infinity')`,
      [importId],
      'all',
      tx,
    )
  ).map(toWindow);
  return { staged, changes: planListPriceWindows({ staged, stored }) };
}

/**
 * Applies an import's staged list prices, all or none, in one transaction; with dryRun only counts.
 * The import row (primary key: the import id) is written in the same transaction, so a second apply
 * (a retry after a lost answer) finds it and answers the first result without writing.
 */
export async function applyListPrices(
  ctx: PricesContext,
  input: { importId: string; dryRun: boolean; skipConflicts?: boolean },
): Promise<ListPriceImportResult> {
  return ctx.em.transactional(async (em) => {
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    await connection.execute(`select pg_advisory_xact_lock(hashtext('prices.list-price-import'))`, [], 'all', tx);
    const done = await em.findOne(ListPriceImport, { importId: input.importId });
    if (done) {
      // A retried run staged its chunks again: they are not needed.
      await connection.execute(`delete from prices.list_price_stage where import_id = ?`, [input.importId], 'all', tx);
      return done.result;
    }
    const rows = await connection.execute<{ productId: string; change: 'CREATED' | 'UPDATED' | 'UNCHANGED' }[]>(
      `select s.product_id as "productId",
              case when p.product_id is null then 'CREATED'
                   when p.list_price = s.list_price and p.currency = s.currency then 'UNCHANGED'
                   else 'UPDATED' end as change
         from prices.list_price_stage s left join prices.product_price p on p.product_id = s.product_id
        where s.import_id = ? and s.valid_from = '-infinity'`,
      [input.importId],
      'all',
      tx,
    );
    const windows = await planWindows(connection, tx, input.importId);
    const keyed = [...windows.changes];
    const conflicts = keyed.filter(([, c]) => c === 'OVERLAPPING_VALIDITY').map(([k]) => k);
    const result: ListPriceImportResult = {
      created: [
        ...rows.filter((r) => r.change === 'CREATED').map((r) => r.productId),
        ...keyed.filter(([, c]) => c === 'CREATED').map(([k]) => k),
      ],
      updated: [
        ...rows.filter((r) => r.change === 'UPDATED').map((r) => r.productId),
        ...keyed.filter(([, c]) => c === 'UPDATED').map(([k]) => k),
      ],
      unchanged: rows.filter((r) => r.change === 'UNCHANGED').length + keyed.filter(([, c]) => c === 'UNCHANGED').length,
      conflicts,
    };
    // An overlap applies nothing (a price list is never half loaded) unless the caller asked to leave the overlaps out.
    if (!input.dryRun && (conflicts.length === 0 || input.skipConflicts)) {
      await connection.execute(
        `insert into prices.product_price (product_id, list_price, currency)
         select product_id, list_price, currency from prices.list_price_stage where import_id = ? and valid_from = '-infinity'
         on conflict (product_id) do update set list_price = excluded.list_price, currency = excluded.currency
         where (prices.product_price.list_price, prices.product_price.currency) is distinct from (excluded.list_price, excluded.currency)`,
        [input.importId],
        'all',
        tx,
      );
      const writes = windows.staged.filter((w) => ['CREATED', 'UPDATED'].includes(windows.changes.get(windowKey(w))!));
      if (writes.length)
        await connection.execute(
          `insert into prices.list_price_window (product_id, valid_from, valid_to, list_price, currency)
           select r.product_id, r.valid_from, r.valid_to, r.list_price, r.currency
             from jsonb_to_recordset(?::jsonb) as r(product_id uuid, valid_from timestamptz, valid_to timestamptz, list_price bigint, currency text)
           on conflict (product_id, valid_from) do update set valid_to = excluded.valid_to, list_price = excluded.list_price, currency = excluded.currency`,
          [
            JSON.stringify(
              writes.map((w) => ({
                product_id: w.productId,
                valid_from: w.validFrom.toISOString(),
                valid_to: w.validTo?.toISOString() ?? null,
                list_price: w.listPrice,
                currency: w.currency,
              })),
            ),
          ],
          'all',
          tx,
        );
    }
    await connection.execute(`delete from prices.list_price_stage where import_id = ?`, [input.importId], 'all', tx);
    em.persist(em.create(ListPriceImport, { importId: input.importId, dryRun: input.dryRun, result }));
    await em.flush();
    return result;
  });
}
