export { dealersSubgraph, toolingDefinition } from './definition.js';
export { createTokenService, type TokenService } from './services/token.service.js';
export { loadConfig as loadDealersConfig, readTokenLifetimes, type DealersConfig, type TokenLifetimes } from './config.js';
