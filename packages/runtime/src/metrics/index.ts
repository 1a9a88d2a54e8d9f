export * from './graphql-metrics.plugin.js';
export * from './metrics-server.js';
export * from './service-metrics.js';
