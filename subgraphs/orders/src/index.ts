export { loadConfig as loadOrdersConfig, type NotificationSettings, type OrdersConfig, type WorkflowSettings } from './config.js';
export { type OrdersOptions, ordersSubgraph, toolingDefinition } from './definition.js';
