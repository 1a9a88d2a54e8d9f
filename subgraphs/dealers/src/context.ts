import type { BaseContext } from '@dealergraph/runtime';

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
}
