import 'reflect-metadata';

export * from './money.js';
export * from './pagination.js';
export * from './loaders.js';
export * from './config.js';
export * from './logger.js';
export * from './auth/roles.js';
export * from './auth/claims.js';
export * from './auth/signature.js';
export * from './auth/tokens.js';
export * from './db/orm.js';
export * from './graphql/common.types.js';
export * from './graphql/entity-descriptions.js';
export * from './graphql/money.mapper.js';
export * from './server/auth-checker.js';
export * from './server/federated-schema.js';
export * from './server/subgraph-server.js';
export * from './server/subgraph.js';
