export { dealersSubgraph, toolingDefinition } from './definition.js';
export { createTokenService, type TokenService } from './services/token.service.js';
export { loadConfig as loadDealersConfig, readMfaPolicy, readSecurityEventRetentionDays, readTokenLifetimes, type DealersConfig, type TokenLifetimes } from './config.js';
export type { MfaPolicy } from './domain/mfa-requirement.js';
export { pruneSecurityEvents, startSecurityEventRetention, type RetentionSettings } from './services/security-event-retention.service.js';
