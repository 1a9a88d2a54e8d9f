export { createGateway, startGateway, type RunningGateway } from './gateway.js';
export { loadConfig as loadGatewayConfig, readSecuritySettings, SUBGRAPH_NAMES, type GatewayConfig, type SecuritySettings, type SubgraphName } from './config.js';
export { readSupergraph, withSubgraphUrls } from './supergraph.js';
