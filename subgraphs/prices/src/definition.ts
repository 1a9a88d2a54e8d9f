import type { DemoData } from '@dealergraph/demo-data';
import { buildFederatedSchema, internalClient, normalizeId, type SubgraphDefinition } from '@dealergraph/runtime';

import type { PricesContext } from './context.js';
import { entities } from './entities/index.js';
import { PriceListResolver, ProductPriceResolver } from './graphql/price.resolver.js';
import { ProductStub } from './graphql/price.type.js';
import { PriceMasterResolver } from './graphql/price-master.resolver.js';
import { pricesInternalOperations } from './internal/internal-operations.js';
import { createPriceLoaders } from './loaders/price.loaders.js';
import { migrations } from './migrations/index.js';
import { seedPrices } from './seed/prices.seed.js';

export interface PricesSubgraphOptions {
  /** The clock requests price at (which promotions and special prices are active); the system clock by default. */
  clock?: () => Date;
}

/** The prices subgraph: list prices, tier rules, volume breaks, promotions, special prices; adds Product.price. */
export function pricesSubgraph(options: PricesSubgraphOptions = {}): SubgraphDefinition<PricesContext, DemoData> {
  const clock = options.clock ?? (() => new Date());
  return {
    name: 'prices',
    entities,
    migrations,
    // The schema reads everything from the context, so one build serves every instance in a process.
    schemaCacheKey: 'prices',
    buildSchema: () =>
      buildFederatedSchema({
        resolvers: [ProductPriceResolver, PriceListResolver, PriceMasterResolver],
        orphanedTypes: [ProductStub],
        referenceResolvers: {
          // The product reference carries no dealer data; its price field checks who may see which price.
          // A malformed id names no product: null, so Product.price never takes it to PostgreSQL.
          Product: {
            __resolveReference: (ref: { id: string }) => {
              const id = normalizeId(ref.id);
              return id ? { id } : null;
            },
          },
        },
      }),
    // What the ERP's client writes here counts as a sync for the integration monitor.
    erpSyncs: { upsertPromotion: 'PRICES', upsertSpecialPriceAgreement: 'PRICES', upsertTierRule: 'PRICES', replaceVolumeBreaks: 'PRICES' },
    context: (base, runtime) => {
      const now = clock();
      const config = runtime?.config;
      const client = <S extends 'products' | 'dealers'>(service: S) =>
        internalClient(service, { baseUrl: config!.serviceUrls[service], key: config!.internalKey, timeoutMs: 10_000 });
      const services = config ? { products: client('products'), dealers: client('dealers') } : undefined;
      return { ...base, now, services, loaders: createPriceLoaders(base.em, now) };
    },
    internalOperations: (newContext) => pricesInternalOperations(newContext),
    seed: seedPrices,
  };
}

/** The schema alone, for composition and migrations: no database needed. */
export const toolingDefinition = pricesSubgraph();
