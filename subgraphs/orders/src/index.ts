export { ordersSubgraph, toolingDefinition } from './definition.js';
export { loadConfig as loadOrdersConfig, type OrdersConfig } from './config.js';
