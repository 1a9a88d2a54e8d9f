export * from './contracts.js';
export * from './faults.js';
export * from './internal-client.js';
export * from './internal-input.js';
export * from './internal-server.js';
export * from './service-signature.js';
