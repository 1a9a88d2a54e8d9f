import { startTestStack, type TestStack } from '@dealergraph/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken userErrors { code } } }';
const LOGOUT = 'mutation($t: String!) { logout(refreshToken: $t) { loggedOut } }';

describe('sessions, tried through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // No cache of live sessions: each request asks, so the tests need not wait out the cache time.
    stack = await startTestStack({ gatewaySecurity: { sessionCheckTtlMs: 0 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("does not end someone's session for knowing its id: <sid>.<junk> is refused and changes nothing", async () => {
    const victim = await stack.loginAs('platinum@demo.dealer');
    const sid = victim.refreshToken!.split('.')[0];
    const forged = await stack.client().data(REFRESH, { t: `${sid}.${'A'.repeat(43)}` });
    expect(forged.refreshSession).toEqual({ accessToken: null, refreshToken: null, userErrors: [{ code: 'INVALID_REFRESH_TOKEN' }] });
    await stack.client().data(LOGOUT, { t: `${sid}.${'B'.repeat(43)}` });
    expect((await victim.data('{ me { email } }')).me.email).toBe('platinum@demo.dealer');
    const rotated = await victim.data(REFRESH, { t: victim.refreshToken });
    expect(rotated.refreshSession.userErrors).toEqual([]);
  });

  it('still closes the session when a used refresh token comes back (a stolen copy)', async () => {
    const user = await stack.loginAs('orders@demo.dealer');
    const first = user.refreshToken!;
    const next = (await user.data(REFRESH, { t: first })).refreshSession;
    expect((await user.data(REFRESH, { t: first })).refreshSession.userErrors).toEqual([{ code: 'INVALID_REFRESH_TOKEN' }]);
    expect((await user.data(REFRESH, { t: next.refreshToken })).refreshSession.userErrors).toEqual([{ code: 'SESSION_EXPIRED' }]);
  });

  it("stops a signed-out session's access token at once, over HTTP and over a socket", async () => {
    const user = await stack.loginAs('viewer@demo.dealer');
    expect((await user.data('{ me { email } }')).me.email).toBe('viewer@demo.dealer');
    const socket = createClient({
      url: stack.gatewayUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.accessToken}` },
      retryAttempts: 0,
    });
    const overSocket = () =>
      new Promise<{ data?: any; errors?: any[] }>((resolve, reject) => {
        let result = {};
        socket.subscribe({ query: '{ me { email } }' }, { next: (r) => (result = r), error: reject, complete: () => resolve(result) });
      });
    try {
      expect((await overSocket()).data?.me.email).toBe('viewer@demo.dealer');
      await user.data(LOGOUT, { t: user.refreshToken });
      const http = await user.request('{ me { email } }');
      expect(http.data?.me ?? null).toBeNull();
      expect(http.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(http.errors?.[0].extensions?.reason).toBe('SESSION_ENDED');
      const ws: { data?: any; errors?: any[] } = await overSocket().catch((errors) => ({ errors: errors as any[] }));
      expect(ws.data?.me ?? null).toBeNull();
      expect(ws.errors?.[0].extensions?.code ?? ws.errors?.[0].message).toMatch(/UNAUTHENTICATED|session has ended/);
    } finally {
      await socket.dispose();
    }
  });
});

describe('request body size at the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ gatewaySecurity: { maxBodyBytes: 64 * 1024 } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a 20 MiB body with 413 before parsing it', async () => {
    const padding = 'x'.repeat(20 * 1024 * 1024);
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding } }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a streamed body without a length once it passes the limit', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 16) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('answers a body under the limit as usual', async () => {
    const result = await stack.client().request('{ __typename }', { padding: 'x'.repeat(32 * 1024) });
    expect(result.data).toEqual({ __typename: 'Query' });
  });
});
