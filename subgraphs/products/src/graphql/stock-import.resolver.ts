import { userErrorsOf } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import type { ProductsContext } from '../context.js';
import { importStockLevels } from '../services/stock-import.service.js';
import { ImportStockLevelsInput, ImportStockLevelsPayload } from './stock-import.type.js';

@Resolver()
export class StockImportResolver {
  // Who imports is the authorization matrix's row: the staff who manage stock, and API clients with ERP_IMPORT.
  @Authorized()
  @Mutation(() => ImportStockLevelsPayload, {
    description:
      'ERP input: sets units on hand per product and warehouse, all rows or none; sending the same counts again changes nothing. Watchers of stockChanged hear the products that changed.',
  })
  async importStockLevels(
    @Arg('input', () => ImportStockLevelsInput, { description: 'The counts.' }) input: ImportStockLevelsInput,
    @Ctx() ctx: ProductsContext,
  ): Promise<ImportStockLevelsPayload> {
    const result = await importStockLevels(ctx, input.levels);
    return { changed: result.ok ? result.value : 0, userErrors: userErrorsOf(result) };
  }
}
