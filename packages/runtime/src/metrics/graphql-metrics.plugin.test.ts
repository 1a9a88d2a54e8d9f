import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';

import { graphqlMetricsPlugin } from './graphql-metrics.plugin.js';
import { createServiceMetrics } from './service-metrics.js';

describe('the subgraph metrics plugin', () => {
  it('names an operation sent without a name by its type and root fields, and counts errors by code', async () => {
    const metrics = createServiceMetrics('products');
    const server = new ApolloServer({
      typeDefs: 'type Query { products: [String!]! broken: String }',
      resolvers: { Query: { products: () => ['BRG-1'], broken: () => Promise.reject(new Error('down')) } },
      plugins: [graphqlMetricsPlugin(metrics)],
    });
    await server.start();
    await server.executeOperation({ query: '{ products }' });
    await server.executeOperation({ query: 'query Named { products }' });
    await server.executeOperation({ query: '{ broken }' });
    await server.stop();
    const text = await metrics.registry.metrics();
    expect(text).toContain('dealergraph_graphql_operations_total{operation="query products",outcome="ok",service="products"} 1');
    expect(text).toContain('dealergraph_graphql_operations_total{operation="Named",outcome="ok",service="products"} 1');
    expect(text).toContain('dealergraph_graphql_operations_total{operation="query broken",outcome="error",service="products"} 1');
    expect(text).toContain('dealergraph_graphql_errors_total{code="INTERNAL_SERVER_ERROR",service="products"} 1');
  });
});
