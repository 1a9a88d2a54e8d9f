import type { InternalListPrice, ListPriceImportResult } from '@dealergraph/runtime';

import type { PricesContext } from '../context.js';
import { ListPriceImport, ListPriceStage } from '../entities/list-price-import.entity.js';

/** Stages one chunk of an import's list prices; a repeated chunk replaces its rows. */
export async function stageListPrices(ctx: PricesContext, input: { importId: string; prices: InternalListPrice[] }): Promise<number> {
  if (!input.prices.length) return 0;
  await ctx.em
    .createQueryBuilder(ListPriceStage)
    .insert(input.prices.map((p) => ({ importId: input.importId, productId: p.productId, listPrice: p.listPrice, currency: p.currency })))
    .onConflict(['importId', 'productId'])
    .merge(['listPrice', 'currency'])
    .execute();
  return input.prices.length;
}

/**
 * Applies an import's staged list prices, all or none, in one transaction; with dryRun only counts.
 * The import row (primary key: the import id) is written in the same transaction, so a second apply
 * (a retry after a lost answer) finds it and answers the first result without writing.
 */
export async function applyListPrices(ctx: PricesContext, input: { importId: string; dryRun: boolean }): Promise<ListPriceImportResult> {
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
        where s.import_id = ?`,
      [input.importId],
      'all',
      tx,
    );
    const result: ListPriceImportResult = {
      created: rows.filter((r) => r.change === 'CREATED').map((r) => r.productId),
      updated: rows.filter((r) => r.change === 'UPDATED').map((r) => r.productId),
      unchanged: rows.filter((r) => r.change === 'UNCHANGED').length,
    };
    if (!input.dryRun) {
      await connection.execute(
        `insert into prices.product_price (product_id, list_price, currency)
         select product_id, list_price, currency from prices.list_price_stage where import_id = ?
         on conflict (product_id) do update set list_price = excluded.list_price, currency = excluded.currency
         where (prices.product_price.list_price, prices.product_price.currency) is distinct from (excluded.list_price, excluded.currency)`,
        [input.importId],
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
