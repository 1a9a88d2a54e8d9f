import { type InternalClient, internalClient, type SubgraphRuntime } from '@dealergraph/runtime';

/** Signed callers of the services the order workflow writes to; one set per process. */
export interface ServiceClients {
  dealers: InternalClient<'dealers'>;
  products: InternalClient<'products'>;
  prices: InternalClient<'prices'>;
  credit: InternalClient<'credit'>;
}

const byRuntime = new WeakMap<SubgraphRuntime, ServiceClients>();

const notRunning = new Proxy({} as ServiceClients, {
  get() {
    throw new Error('This orders context was built without a running service (a unit test?): internal calls need runSubgraph.');
  },
});

/** The clients for this running service, built once from its config. */
export function serviceClients(runtime: SubgraphRuntime | undefined, timeoutMs = 10_000): ServiceClients {
  if (!runtime) return notRunning;
  let clients = byRuntime.get(runtime);
  if (!clients) {
    const { serviceUrls, internalKey: key } = runtime.config;
    clients = {
      dealers: internalClient('dealers', { baseUrl: serviceUrls.dealers, key, timeoutMs }),
      products: internalClient('products', { baseUrl: serviceUrls.products, key, timeoutMs }),
      prices: internalClient('prices', { baseUrl: serviceUrls.prices, key, timeoutMs }),
      credit: internalClient('credit', { baseUrl: serviceUrls.credit, key, timeoutMs }),
    };
    byRuntime.set(runtime, clients);
  }
  return clients;
}
