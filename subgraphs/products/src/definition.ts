import type { DemoData } from '@dealergraph/demo-data';
import { buildFederatedSchema, type SubgraphDefinition } from '@dealergraph/runtime';
import type { ProductsContext } from './context.js';
import { entities } from './entities/index.js';
import { CatalogResolver, CategoryResolver } from './graphql/catalog.resolver.js';
import { toProductType } from './graphql/mappers.js';
import { AssortmentResolver } from './graphql/assortment.resolver.js';
import { ProductDetailsResolver } from './graphql/product-details.resolver.js';
import { ProductResolver } from './graphql/product.resolver.js';
import { InTransitStockResolver, StockResolver, WarehouseStockResolver } from './graphql/stock.resolver.js';
import { productsInternalOperations } from './internal/internal-operations.js';
import { createProductLoaders } from './loaders/product.loaders.js';
import { migrations } from './migrations/index.js';
import { SCHEMA } from './schema-name.js';
import { seedProducts } from './seed/products.seed.js';
import { findProductById } from './services/product.service.js';

/** The products subgraph: catalog tree, brands, products, warehouses, stock and in-transit stock. */
export function productsSubgraph(): SubgraphDefinition<ProductsContext, DemoData> {
  return {
    name: SCHEMA,
    entities,
    migrations,
    buildSchema: () =>
      buildFederatedSchema({
        resolvers: [ProductResolver, AssortmentResolver, ProductDetailsResolver, CategoryResolver, CatalogResolver, StockResolver, WarehouseStockResolver, InTransitStockResolver],
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
    context: (base) => ({ ...base, loaders: createProductLoaders(base.em) }),
    internalOperations: (newContext) => productsInternalOperations(newContext),
    seed: seedProducts,
  };
}

/** The schema alone, for composition and migrations: needs nothing from the environment. */
export const toolingDefinition = productsSubgraph();
