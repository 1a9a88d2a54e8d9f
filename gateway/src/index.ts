export {
  type GatewayConfig,
  loadConfig as loadGatewayConfig,
  readSecuritySettings,
  type SecuritySettings,
  SUBGRAPH_NAMES,
  type SubgraphName,
} from './config.js';
export { createGateway, type RunningGateway, startGateway } from './gateway.js';
export { readSupergraph, withSubgraphUrls } from './supergraph.js';
