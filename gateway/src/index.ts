export { createGateway, startGateway, type RunningGateway } from './gateway.js';
export { loadConfig as loadGatewayConfig, SUBGRAPH_NAMES, type GatewayConfig, type SubgraphName } from './config.js';
export { readSupergraph, withSubgraphUrls } from './supergraph.js';
