export {
  type DealersConfig,
  loadConfig as loadDealersConfig,
  readMfaPolicy,
  readSecurityEventRetentionDays,
  readTokenLifetimes,
  type TokenLifetimes,
} from './config.js';
export { dealersSubgraph, toolingDefinition } from './definition.js';
export type { MfaPolicy } from './domain/mfa-requirement.js';
export { createFirstAdmin, type FirstAdmin } from './services/first-admin.service.js';
export { PASSWORD_HASH_COST, type PasswordHashCost } from './services/password-hashing.service.js';
export { pruneSecurityEvents, type RetentionSettings, startSecurityEventRetention } from './services/security-event-retention.service.js';
export { createTokenService, type TokenService } from './services/token.service.js';
