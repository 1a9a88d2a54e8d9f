import type { BaseContext, InternalClient } from '@dealergraph/runtime';

/** The per-request context of the integration subgraph. */
export interface IntegrationContext extends BaseContext {
  /** The owners' internal operations: imports write into them through these, never into their tables. */
  services: { products: InternalClient<'products'>; prices: InternalClient<'prices'> };
  /** Tells the import worker of this process that a job is waiting (it also polls). */
  wakeImports(): void;
}
