export { type IntegrationConfig, loadConfig as loadIntegrationConfig } from './config.js';
export type { IntegrationContext } from './context.js';
export { type IntegrationOptions, integrationSubgraph, toolingDefinition } from './definition.js';
export { type ErpSimulator, startErpSimulator } from './simulator/erp-simulator.js';
export { registerSimulator } from './simulator/erp-simulator.register.js';
