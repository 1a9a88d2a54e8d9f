// @dealergraph/client: the typed SDK of the dealergraph API. Every operation of client/operations is a
// typed document (client/generated, by graphql-codegen); pass one to `request` or `subscribe`.
export * from '../../generated/graphql.js';
export {
  type ClientOptions,
  createDealerGraphClient,
  type Credentials,
  type DealerGraphClient,
  DealerGraphError,
  type SubscriptionHandlers,
} from './client.js';
export { backoffMs, isIdempotent, isTransient, retryDelayMs, retryHintSeconds } from './domain/retry-policy.js';
export { documentIdOf, type PersistedDocument } from './operations.js';
