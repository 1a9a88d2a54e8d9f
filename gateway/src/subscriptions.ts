/**
 * Subgraphs that serve subscriptions, reached over graphql-ws at the same path as their HTTP endpoint.
 * The gateway opens one upstream socket per subgraph (no per-client connectionParams: the caller's
 * claims travel, signed, inside each subscribe message).
 */
export function subscriptionTransportEntries() {
  return { orders: { options: { subscriptions: { kind: 'ws', location: '/graphql' } } } };
}
