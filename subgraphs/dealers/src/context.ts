import type { BaseContext, InternalClient, Logger } from '@dealergraph/runtime';

import type { MfaPolicy } from './domain/mfa-requirement.js';
import type { DealerLoaders } from './loaders/dealer.loaders.js';
import type { PasswordHasher } from './services/password-hashing.service.js';
import type { TierSettings } from './services/tier.service.js';
import type { TokenService } from './services/token.service.js';

/** The per-request context of the dealers subgraph. */
export interface DealersContext extends BaseContext {
  loaders: DealerLoaders;
  tokens: TokenService;
  /** Who must use two-factor sign-in besides the dealers that require it. */
  mfaPolicy: MfaPolicy;
  passwords: PasswordHasher;
  /**
   * The projections of dealer master data: prices (tier) and products (segment) are told of every
   * change through these; credit answers the ledger facts of the tier evaluation. Absent in tooling
   * (composition).
   */
  services?: { prices: InternalClient<'prices'>; products: InternalClient<'products'>; credit: InternalClient<'credit'> };
  /** How tiers are evaluated: the criteria, the review period and the downgrade grace. */
  tierSettings: TierSettings;
  logger?: Logger;
}
