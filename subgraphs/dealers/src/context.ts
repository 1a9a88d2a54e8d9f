import type { BaseContext, InternalClient, Logger } from '@dealergraph/runtime';

import type { MfaPolicy } from './domain/mfa-requirement.js';
import type { DealerLoaders } from './loaders/dealer.loaders.js';
import type { PasswordHasher } from './services/password-hashing.service.js';
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
   * change through these; absent in tooling (composition).
   */
  services?: { prices: InternalClient<'prices'>; products: InternalClient<'products'> };
  logger?: Logger;
}
