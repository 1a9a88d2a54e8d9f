import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { GraphQLError } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { maskError } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { fromSubgraph } from '../src/subscription-errors.plugin.js';

interface Outcome {
  data?: unknown;
  errors?: { message: string; path?: unknown; extensions?: Record<string, unknown> }[];
}

/**
 * Errors of subscriptions through the gateway, in production mode: what a subgraph refuses on purpose
 * (a code of its own) reaches the client with that code and message, over graphql-ws and SSE; what
 * breaks unexpectedly stays masked.
 */
describe('subscription errors through the gateway (production mode)', () => {
  let stack: TestStack;
  let platinum: GraphQLClient;
  let other: GraphQLClient;
  const sockets: Client[] = [];

  beforeAll(async () => {
    // Documents as text in production: this file is about errors, not persisted documents.
    stack = await startTestStack({ production: true, gatewaySecurity: { persistedDocumentsRequired: false } });
    platinum = await stack.loginAs('platinum@demo.dealer');
    other = await stack.loginAs('admin@d0003.dealer');
  }, 180_000);
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await stack?.stop();
  });

  function socket(token?: string | null): Client {
    const client = createClient({
      url: stack.gatewayUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    });
    sockets.push(client);
    return client;
  }

  /** The first result of a subscription that the server is expected to end at once. */
  function firstResult(
    client: Client,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ result: Outcome; completed: boolean }> {
    return new Promise((resolve, reject) => {
      let result: Outcome | undefined;
      client.subscribe(
        { query, variables },
        { next: (r) => void (result ??= r as Outcome), error: reject, complete: () => resolve({ result: result ?? {}, completed: true }) },
      );
    });
  }

  /** The same over GraphQL over SSE (POST, Accept: text/event-stream): the `next` payloads of the stream. */
  async function overSse(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Outcome[]> {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text();
    expect(text).toContain('event: complete');
    return [...text.matchAll(/event: next\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]) as Outcome);
  }

  const STOCK_CHANGED = 'subscription($skus: [String!]!) { stockChanged(skus: $skus) { sku } }';

  it("passes the products subgraph's BAD_USER_INPUT for an empty watch list, over graphql-ws and SSE", async () => {
    const { result, completed } = await firstResult(socket(platinum.accessToken), STOCK_CHANGED, { skus: [] });
    expect(completed).toBe(true);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toEqual([
      {
        message: 'Name at least one sku to watch.',
        path: ['stockChanged'],
        extensions: { code: 'BAD_USER_INPUT', field: 'skus', serviceName: 'products' },
      },
    ]);

    const results = await overSse(platinum.accessToken, STOCK_CHANGED, { skus: [] });
    expect(results).toHaveLength(1);
    expect(results[0].errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', 'Name at least one sku to watch.']]);
  }, 60_000);

  it('refuses an anonymous subscriber with UNAUTHENTICATED at the gateway, and a bad token at connection_init', async () => {
    const { result } = await firstResult(socket(), STOCK_CHANGED, { skus: ['ANY'] });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);

    // A token that does not verify never gets a socket: the guard closes it with 4403 (no subscription runs).
    const refused = await firstResult(socket(`${platinum.accessToken}x`), STOCK_CHANGED, { skus: ['ANY'] }).then(
      () => null,
      (error: { code?: number }) => error.code,
    );
    expect(refused).toBe(4403);
  }, 60_000);

  it("refuses a dealer user the approvers' feed with FORBIDDEN (the authorization matrix, at the gateway)", async () => {
    // An ORDER_ENTRY user: a DEALER_ADMIN has a queue of its own (its users' orders over their spending limits).
    const orderEntry = await stack.loginAs('orders@demo.dealer');
    const { result } = await firstResult(socket(orderEntry.accessToken), 'subscription { approvalQueueChanged { id } }');
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    // The gateway's matrix check answers before any subgraph is asked (the orders subgraph would too).
    expect(result.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(result.errors![0].extensions).not.toHaveProperty('serviceName');
    expect(result.errors![0].message).not.toBe('Unexpected error.');
  }, 60_000);

  it("refuses orderUpdated for another dealer's order with NOT_FOUND, the same answer as for no order at all", async () => {
    const { orders } = await platinum.data('{ orders(first: 1) { nodes { id } } }');
    const platinumOrder = orders.nodes[0].id as string;
    const ORDER_UPDATED = 'subscription($orderId: ID) { orderUpdated(orderId: $orderId) { id status } }';
    const foreign = await firstResult(socket(other.accessToken), ORDER_UPDATED, { orderId: platinumOrder });
    const missing = await firstResult(socket(other.accessToken), ORDER_UPDATED, { orderId: '00000000-0000-4000-8000-000000000000' });
    for (const { result, completed } of [foreign, missing]) {
      expect(completed).toBe(true);
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toEqual([
        {
          message: 'There is no such order.',
          path: ['orderUpdated'],
          extensions: { code: 'NOT_FOUND', field: 'orderId', serviceName: 'orders' },
        },
      ]);
    }
    const sse = await overSse(other.accessToken, ORDER_UPDATED, { orderId: platinumOrder });
    expect(sse.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(['NOT_FOUND']);
  }, 60_000);

  it('refuses a sku PostgreSQL cannot take as input at fault, saying nothing of SQL', async () => {
    // A NUL byte used to make the products subgraph's SQL fail (masked as unexpected); the input guard
    // now refuses it before the resolver runs. Masking of unexpected errors: see fromSubgraph below.
    const { result } = await firstResult(socket(platinum.accessToken), STOCK_CHANGED, { skus: ['A\u0000B'] });
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result)).not.toMatch(/select|sql|postgres/i);

    const [sse] = await overSse(platinum.accessToken, STOCK_CHANGED, { skus: ['A\u0000B'] });
    expect(sse.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  }, 60_000);
});

describe('fromSubgraph', () => {
  const masked = (error: unknown) => maskError(error, 'Unexpected error.', false) as GraphQLError;

  it('keeps a coded subgraph error as it is; anything else comes out masked', () => {
    const coded = fromSubgraph({
      message: 'No.',
      path: ['f'],
      locations: [{ line: 1, column: 2 }],
      extensions: { code: 'FORBIDDEN', serviceName: 's' },
    });
    expect(coded).toBeInstanceOf(GraphQLError);
    expect(masked(coded).toJSON()).toEqual({ message: 'No.', path: ['f'], extensions: { code: 'FORBIDDEN', serviceName: 's' } });
    for (const raw of [
      { message: 'select * from secrets' },
      { message: 'select * from secrets', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 's' } },
      { message: 'select * from secrets', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      { message: 'select * from secrets', extensions: { code: 42 } },
    ]) {
      const out = masked(fromSubgraph(raw));
      expect(out.message).toBe('Unexpected error.');
      expect(JSON.stringify(out.toJSON())).not.toContain('secrets');
    }
    const already = new GraphQLError('x');
    expect(fromSubgraph(already)).toBe(already);
  });
});
