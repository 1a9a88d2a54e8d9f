import type { BaseContext, EntityManager, InternalClient } from '@dealergraph/runtime';

import type { CreditThresholds } from './domain/credit.js';
import type { CreditLoaders } from './loaders/credit.loaders.js';

/** What the credit services need: a database handle, the clock and the graduated-action thresholds. */
export interface CreditServiceContext {
  em: EntityManager;
  /** The current instant. One request sees one instant; tests inject a fixed one. */
  now(): Date;
  thresholds: CreditThresholds;
  /** The approval level a SOFT_WARNING exceedance waits for (FINANCE, 4, when unset). */
  softWarningApprovalLevel?: number;
  /** Orders' internal operations (the ordered prices); absent where no other service runs (schema tooling, unit tests). */
  orders?: () => InternalClient<'orders'>;
}

/** The per-request context of the credit subgraph. */
export interface CreditContext extends BaseContext, CreditServiceContext {
  loaders: CreditLoaders;
  /** Signs document download links; null where links cannot be made (schema tooling). */
  documentKey: Buffer | null;
  /** How long a download link stays valid, in seconds. */
  documentLinkTtlSeconds: number;
  /** Dealers' internal operations (dealer codes to ids, for upsertCreditAccount); absent outside a running service. */
  services?: { dealers: InternalClient<'dealers'> };
}
