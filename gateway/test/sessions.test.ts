import { openSocket, scanSecurityEventsAfterEach, startTestStack, type TestStack } from '@dealergraph/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken userErrors { code } } }';
const LOGOUT = 'mutation($t: String!) { logout(refreshToken: $t) { loggedOut } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken userErrors { code } } }';

describe('sessions, tried through the gateway', () => {
  let stack: TestStack;
  scanSecurityEventsAfterEach(() => stack);
  beforeAll(async () => {
    // No cache of live sessions: each request asks, so the tests need not wait out the cache time.
    // About 30 sign-ins and sign-outs from one address in well under a minute: room above the per-address
    // budget, which sign-in-abuse.test.ts tests on its own.
    stack = await startTestStack({ gatewaySecurity: { sessionCheckTtlMs: 0, socketSweepMs: 200, signInBurst: 200 } });
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
    // The first replay within 30 s is a lost answer (refresh-grace.test.ts); the second is a stolen copy.
    expect((await user.data(REFRESH, { t: first })).refreshSession.refreshToken).toBe(next.refreshToken);
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
      // Refused per operation, closed by the session sweep (4401), or refused at connection_init (4403)
      // when the client reconnects.
      const ws: { data?: any; errors?: any[] } = await overSocket().catch((failure) =>
        Array.isArray(failure) ? { errors: failure } : { errors: [{ extensions: { code: String((failure as { code: number }).code) } }] },
      );
      expect(ws.data?.me ?? null).toBeNull();
      expect(ws.errors?.[0].extensions?.code).toMatch(/^(UNAUTHENTICATED|4401|4403)$/);
    } finally {
      await socket.dispose();
    }
  });
  const socketTo = (token: string) => {
    let closed: (event: { code: number; reason: string }) => void = () => {};
    const closedEvent = new Promise<{ code: number; reason: string }>((resolve) => (closed = resolve));
    let accepted: () => void = () => {};
    const connected = new Promise<void>((resolve) => (accepted = resolve));
    const client = openSocket(stack.gatewayUrl, token, { eager: true, onConnected: accepted, onClosed: closed });
    return { client, closedEvent, connected };
  };

  it('lists my live sessions with device, address and last seen, and marks the current one', async () => {
    const phone = stack.client();
    await phone
      .request(
        LOGIN,
        { e: 'bronze@demo.dealer', p: 'demo-pass-2026' },
        { 'user-agent': 'DealerApp/2.1 (iPhone)', 'x-forwarded-for': '198.51.100.21' },
      )
      .then((r) => {
        phone.accessToken = r.data.login.accessToken;
        phone.refreshToken = r.data.login.refreshToken;
      });
    const web = await stack.loginAs('bronze@demo.dealer');
    const { mySessions } = await web.data('{ mySessions { id device ipAddress createdAt lastSeenAt current } }');
    const mine = mySessions.find((s: { current: boolean }) => s.current);
    const other = mySessions.find((s: { device: string | null }) => s.device === 'DealerApp/2.1 (iPhone)');
    expect(mine.id).toBe(web.refreshToken!.split('.')[0]);
    expect(other).toMatchObject({ ipAddress: '198.51.100.21', current: false });
    expect(Date.parse(other.lastSeenAt)).toBeGreaterThan(0);
  });

  it("revokes one session of mine (its token and socket stop), but not somebody else's", async () => {
    const phone = await stack.loginAs('bronze@demo.dealer');
    const web = await stack.loginAs('bronze@demo.dealer');
    const phoneSid = phone.refreshToken!.split('.')[0];
    const stranger = await stack.loginAs('platinum@demo.dealer');
    const notYours = await stranger.data('mutation($id: ID!) { revokeSession(id: $id) { revokedCount userErrors { code } } }', {
      id: phoneSid,
    });
    expect(notYours.revokeSession).toEqual({ revokedCount: 0, userErrors: [{ code: 'NOT_FOUND' }] });
    expect((await phone.data('{ me { email } }')).me.email).toBe('bronze@demo.dealer');

    const socket = socketTo(phone.accessToken!);
    try {
      // The socket is live (connection_init accepted) before its session is revoked.
      await socket.connected;
      const revoked = await web.data('mutation($id: ID!) { revokeSession(id: $id) { revokedCount userErrors { code } } }', {
        id: phoneSid,
      });
      expect(revoked.revokeSession).toEqual({ revokedCount: 1, userErrors: [] });
      expect((await phone.request('{ me { email } }')).errors?.[0].extensions?.reason).toBe('SESSION_ENDED');
      const closed = await socket.closedEvent;
      expect(closed.code).toBe(4401);
      expect(closed.reason).toMatch(/Session ended/);
    } finally {
      await socket.client.dispose();
    }
    expect((await web.data('{ me { email } }')).me.email).toBe('bronze@demo.dealer');
  });

  it('signs out everywhere, or everywhere else', async () => {
    const a = await stack.loginAs('rep@demo.staff');
    const b = await stack.loginAs('rep@demo.staff');
    const c = await stack.loginAs('rep@demo.staff');
    const elsewhere = await a.data('mutation { revokeAllSessions(keepCurrent: true) { revokedCount } }');
    expect(elsewhere.revokeAllSessions.revokedCount).toBeGreaterThanOrEqual(2);
    expect((await b.request('{ me { email } }')).errors?.[0].extensions?.reason).toBe('SESSION_ENDED');
    expect((await c.request('{ me { email } }')).errors?.[0].extensions?.reason).toBe('SESSION_ENDED');
    expect((await a.data('{ mySessions { current } }')).mySessions).toEqual([{ current: true }]);
    await a.data('mutation { revokeAllSessions { revokedCount } }');
    expect((await a.request('{ me { email } }')).errors?.[0].extensions?.reason).toBe('SESSION_ENDED');
  });

  it('ends an idle session: its token and its refresh token stop working', async () => {
    const user = await stack.loginAs('manager@demo.staff');
    const sid = user.refreshToken!.split('.')[0];
    await stack.orms.dealers.em
      .getConnection()
      .execute("update dealers.session set last_used_at = now() - interval '9 hours' where id = ?", [sid]);
    expect((await user.request('{ me { email } }')).errors?.[0].extensions?.reason).toBe('SESSION_ENDED');
    expect((await stack.client().data(REFRESH, { t: user.refreshToken })).refreshSession.userErrors).toEqual([{ code: 'SESSION_EXPIRED' }]);
  });

  it('keeps at most ten live sessions per user: an eleventh sign-in ends the least recently used', async () => {
    const first = await stack.loginAs('director@demo.staff');
    await stack.orms.dealers.em
      .getConnection()
      .execute("update dealers.session set last_used_at = now() - interval '1 hour' where id = ?", [first.refreshToken!.split('.')[0]]);
    const later = [];
    for (let i = 0; i < 10; i++) later.push(await stack.loginAs('director@demo.staff'));
    expect((await first.request('{ me { email } }')).errors?.[0].extensions?.reason).toBe('SESSION_ENDED');
    expect((await later[9].data('{ mySessions { id } }')).mySessions).toHaveLength(10);
  });

  it('verifies connection_init on its own: a forged, or a signed-out, token is refused there', async () => {
    const forged = socketTo('eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln');
    expect((await forged.closedEvent).code).toBe(4403);
    await forged.client.dispose();
    const user = await stack.loginAs('finance@demo.staff');
    await user.data(LOGOUT, { t: user.refreshToken });
    const ended = socketTo(user.accessToken!);
    expect((await ended.closedEvent).code).toBe(4403);
    await ended.client.dispose();
  });
});

describe('request body size at the gateway', () => {
  let stack: TestStack;
  scanSecurityEventsAfterEach(() => stack);
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
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a body under the limit as usual', async () => {
    const result = await stack.client().request('{ __typename }', { padding: 'x'.repeat(32 * 1024) });
    expect(result.data).toEqual({ __typename: 'Query' });
  });
});
