import './provided.js';

export { createTestDatabase, type TestDatabase } from './database.js';
export { GraphQLClient, type GraphQLResponse } from './graphql-client.js';
export { checkOrderInvariants, type InvariantViolation, type OrderInvariantOptions } from './order-invariants.js';
export type { TestDatabaseServer } from './provided.js';
export { scanSecurityEventsAfterEach, SecretLedger, secretsIn } from './secret-scan.js';
export { openSocket, socketCloseCode, type SocketOptions } from './socket.js';
export { startTestStack, type TestStack } from './stack.js';
export { until } from './until.js';
