import type { DemoData } from '@dealergraph/demo-data';
import { buildFederatedSchema, EventHub, listenPgNotifications, serveSubscriptions, type SubgraphDefinition } from '@dealergraph/runtime';

import type { ProductsContext } from './context.js';
import { entities } from './entities/index.js';
import { AssortmentResolver } from './graphql/assortment.resolver.js';
import { CatalogResolver, CategoryResolver } from './graphql/catalog.resolver.js';
import { toProductType } from './graphql/mappers.js';
import { ProductResolver } from './graphql/product.resolver.js';
import { ProductDetailsResolver } from './graphql/product-details.resolver.js';
import { ProductMasterResolver } from './graphql/product-master.resolver.js';
import { InTransitStockResolver, StockResolver, WarehouseStockResolver } from './graphql/stock.resolver.js';
import { StockChangeResolver } from './graphql/stock-change.resolver.js';
import { StockImportResolver } from './graphql/stock-import.resolver.js';
import { productsInternalOperations } from './internal/internal-operations.js';
import { createProductLoaders } from './loaders/product.loaders.js';
import { migrations } from './migrations/index.js';
import { SCHEMA } from './schema-name.js';
import { seedProducts } from './seed/products.seed.js';
import { assortmentDealer } from './services/assortment.service.js';
import { findProductById } from './services/product.service.js';
import { STOCK_CHANNEL, type StockChangeMessage } from './services/stock-events.service.js';

/** The products subgraph: catalog tree, brands, products, warehouses, stock and in-transit stock. */
export function productsSubgraph(): SubgraphDefinition<ProductsContext, DemoData> {
  const stockEvents = new EventHub<StockChangeMessage>('Stock changes are published by PostgreSQL on commit (stock-events.service.ts).');
  return {
    name: SCHEMA,
    // What the ERP's client writes here counts as a sync for the integration monitor.
    erpSyncs: {
      importStockLevels: 'INVENTORY',
      upsertProduct: 'PRODUCTS',
      deactivateProduct: 'PRODUCTS',
      upsertInTransit: 'INVENTORY',
      upsertCategory: 'PRODUCTS',
      upsertWarehouse: 'INVENTORY',
    },
    entities,
    migrations,
    // The schema reads everything from the context (stock changes too), so one build serves every instance.
    schemaCacheKey: SCHEMA,
    buildSchema: () =>
      buildFederatedSchema({
        resolvers: [
          ProductResolver,
          AssortmentResolver,
          ProductDetailsResolver,
          CategoryResolver,
          CatalogResolver,
          StockResolver,
          WarehouseStockResolver,
          InTransitStockResolver,
          StockChangeResolver,
          StockImportResolver,
          ProductMasterResolver,
        ],
        pubSub: stockEvents,
        referenceResolvers: {
          Product: {
            // A product outside a dealer user's assortment resolves to null (findProductById checks it).
            async __resolveReference(ref: { id: string }, ctx: ProductsContext) {
              if (!ctx.claims) return null;
              const product = await findProductById(ctx, ref.id);
              return product ? toProductType(product) : null;
            },
          },
        },
      }),
    // The dealer's preferred warehouse is read with the stock rows (see stockByProducts), keyed by its id.
    context: (base) => ({ ...base, loaders: createProductLoaders(base.em, assortmentDealer(base.claims)), stockEvents }),
    internalOperations: (newContext) => productsInternalOperations(newContext),
    // stockChanged: committed changes arrive by LISTEN (every instance hears them, see
    // stock-events.service.ts) and go out over graphql-ws on this server, to the gateway.
    start: async (runtime, _newContext, serving) => {
      const source = await listenPgNotifications<StockChangeMessage>({
        databaseUrl: runtime.config.databaseUrl,
        channel: STOCK_CHANNEL,
        logger: runtime.logger,
      });
      stockEvents.attach(source);
      const stopServing = serveSubscriptions({
        httpServer: serving.httpServer,
        schema: serving.schema,
        hmacSecret: runtime.config.hmacSecret,
        logger: runtime.logger,
        contextFor: serving.contextFor,
      });
      return async () => {
        await stopServing();
        stockEvents.stop();
        await source.close();
      };
    },
    seed: seedProducts,
  };
}

/** The schema alone, for composition and migrations: needs nothing from the environment. */
export const toolingDefinition = productsSubgraph();
