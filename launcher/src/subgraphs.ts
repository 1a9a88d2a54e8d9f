import { creditSubgraph, type CreditThresholds } from '@dealergraph/credit';
import {
  createTokenService,
  dealersSubgraph,
  type MfaPolicy,
  type PasswordHashCost,
  readTokenLifetimes,
  type TokenLifetimes,
} from '@dealergraph/dealers';
import type { DemoData } from '@dealergraph/demo-data';
import { type IntegrationOptions, integrationSubgraph } from '@dealergraph/integration';
import { type OrdersOptions, ordersSubgraph, type WorkflowSettings } from '@dealergraph/orders';
import { pricesSubgraph } from '@dealergraph/prices';
import { productsSubgraph } from '@dealergraph/products';
import type { SubgraphDefinition } from '@dealergraph/runtime';

export type SubgraphName = 'dealers' | 'products' | 'prices' | 'credit' | 'orders' | 'integration';

/** What a one-process stack may set on the orders subgraph (tests: the approval clock, the timers' mode). */
export interface OrdersStackSettings extends OrdersOptions {
  workflow?: Partial<WorkflowSettings>;
}

/** The five subgraphs as one process runs them; only dealers needs a secret (the token key). */
export async function subgraphDefinitions(
  jwtPrivateKey: string,
  settings: {
    creditThresholds?: CreditThresholds;
    tokenLifetimes?: TokenLifetimes;
    hmacSecret?: string;
    mfaPolicy?: MfaPolicy;
    orders?: OrdersStackSettings;
    integration?: IntegrationOptions;
    /** Tests only: a cheaper argon2 (the default is the production cost). */
    passwordHashCost?: PasswordHashCost;
  } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any context type share one registry
): Promise<Record<SubgraphName, SubgraphDefinition<any, DemoData>>> {
  const tokens = await createTokenService({
    privateKeyPem: jwtPrivateKey,
    ...(settings.tokenLifetimes ?? readTokenLifetimes({})),
  });
  return {
    dealers: dealersSubgraph(tokens, settings.mfaPolicy, undefined, settings.passwordHashCost),
    products: productsSubgraph(),
    prices: pricesSubgraph(),
    // Credit mints the document download links that the gateway checks with the same secret.
    credit: creditSubgraph({ thresholds: settings.creditThresholds, documentLinkSecret: settings.hmacSecret }),
    // Integration before orders: orders hands it the ERP events, so it must know integration's port.
    integration: integrationSubgraph(settings.integration),
    orders: ordersSubgraph(settings.orders?.workflow, {
      clock: settings.orders?.clock,
      events: settings.orders?.events,
      notifications: settings.orders?.notifications,
    }),
  };
}
