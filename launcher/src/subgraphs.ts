import { creditSubgraph, type CreditThresholds } from '@dealergraph/credit';
import { createTokenService, dealersSubgraph } from '@dealergraph/dealers';
import type { DemoData } from '@dealergraph/demo-data';
import { ordersSubgraph } from '@dealergraph/orders';
import { pricesSubgraph } from '@dealergraph/prices';
import { productsSubgraph } from '@dealergraph/products';
import type { SubgraphDefinition } from '@dealergraph/runtime';

export type SubgraphName = 'dealers' | 'products' | 'prices' | 'credit' | 'orders';

/** The five subgraphs as one process runs them; only dealers needs a secret (the token key). */
export async function subgraphDefinitions(
  jwtPrivateKey: string,
  creditThresholds?: CreditThresholds,
): Promise<Record<SubgraphName, SubgraphDefinition<any, DemoData>>> {
  const tokens = await createTokenService({ privateKeyPem: jwtPrivateKey, accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 30 * 24 * 3600 });
  return {
    dealers: dealersSubgraph(tokens),
    products: productsSubgraph(),
    prices: pricesSubgraph(),
    credit: creditSubgraph({ thresholds: creditThresholds }),
    orders: ordersSubgraph(),
  };
}
