export { ordersSubgraph, toolingDefinition, type OrdersOptions } from './definition.js';
export { loadConfig as loadOrdersConfig, type OrdersConfig, type WorkflowSettings } from './config.js';
