/**
 * Subgraphs that serve subscriptions, reached over graphql-ws at the same path as their HTTP endpoint.
 * The gateway opens one upstream socket per subgraph (no per-client connectionParams: the caller's
 * claims travel, signed, inside each subscribe message).
 */
export function subscriptionTransportEntries() {
  const ws = () => ({ options: { subscriptions: { kind: 'ws', location: '/graphql' } } });
  // orders: orderUpdated and the approval feeds; products: stockChanged.
  return { orders: ws(), products: ws() };
}
