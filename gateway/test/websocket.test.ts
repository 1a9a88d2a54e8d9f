import { startTestStack, type TestStack } from '@dealergraph/testing';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

function query(client: Client, document: string): Promise<{ data?: any; errors?: any[] }> {
  return new Promise((resolve, reject) => {
    let result: { data?: any; errors?: any[] } = {};
    client.subscribe({ query: document }, { next: (r) => (result = r as never), error: reject, complete: () => resolve(result) });
  });
}

describe('graphql-ws on the gateway path', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('authenticates with connectionParams and resolves across subgraphs over the socket', async () => {
    const http = await stack.loginAs('platinum@demo.dealer');
    const client = createClient({
      url: stack.gatewayUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${http.accessToken}` },
      retryAttempts: 0,
    });
    try {
      const result = await query(client, '{ me { email dealer { name credit { status } } } }');
      expect(result.errors).toBeUndefined();
      expect(result.data.me.email).toBe('platinum@demo.dealer');
      expect(result.data.me.dealer.name).toBe('Demo Platinum Dealer');
      expect(['OK', 'WARNING', 'RESTRICTED', 'BLOCKED']).toContain(result.data.me.dealer.credit.status);
    } finally {
      await client.dispose();
    }
  });

  it('keeps an anonymous socket to sign-in only', async () => {
    const client = createClient({ url: stack.gatewayUrl.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const result = await query(client, '{ me { email } }');
      expect(result.data?.me ?? null).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await client.dispose();
    }
  });
});
