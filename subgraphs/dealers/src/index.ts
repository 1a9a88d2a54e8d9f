export { dealersSubgraph, toolingDefinition } from './definition.js';
export { createTokenService, type TokenService } from './services/token.service.js';
export { loadConfig as loadDealersConfig, readMfaPolicy, readTokenLifetimes, type DealersConfig, type TokenLifetimes } from './config.js';
export type { MfaPolicy } from './domain/mfa-requirement.js';
