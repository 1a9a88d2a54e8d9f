import { GraphQLClient, scanSecurityEventsAfterEach, startTestStack, type TestStack } from '@dealergraph/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

/**
 * Per-dealer address allow-lists, tried through the real gateway. Client addresses are forged with
 * X-Forwarded-For, which the gateway believes from its trusted proxy (loopback, where the tests run).
 */
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken userErrors { code message } } }';
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken userErrors { code } } }';
const UPDATE = `mutation($input: UpdateDealerSecurityPolicyInput!) {
  updateDealerSecurityPolicy(input: $input) { policy { mfaRequired ipAllowList } userErrors { code message field } } }`;
const POLICY = 'query($id: ID!) { dealer(id: $id) { securityPolicy { mfaRequired ipAllowList } } }';
const IP_EVENTS = '{ securityEvents(filter: { kinds: [IP_REFUSED] }, first: 50) { totalCount nodes { kind email ipAddress detail } } }';
const PASSWORD = 'demo-pass-2026';

const INSIDE_V4 = '203.0.113.10';
const INSIDE_V6 = '2001:db8:42::7';
const OUTSIDE_V4 = '198.51.100.7';
const OUTSIDE_V6 = '2001:db8:43::1';

/** A client whose every request comes, as the gateway sees it, from `ip`. */
class ClientAt extends GraphQLClient {
  constructor(
    url: string,
    public ip: string,
  ) {
    super(url);
  }
  override request<T = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
    return super.request<T>(query, variables, { 'x-forwarded-for': this.ip, ...headers });
  }
}

describe('IP allow-lists per dealer, tried through the gateway', () => {
  let stack: TestStack;
  scanSecurityEventsAfterEach(() => stack);
  let dealerId: string;
  let admin: ClientAt;

  const signIn = async (email: string, ip: string, password = PASSWORD) => {
    const client = new ClientAt(stack.gatewayUrl, ip);
    const result = await client.request(LOGIN, { e: email, p: password });
    client.accessToken = result.data?.login.accessToken ?? null;
    client.refreshToken = result.data?.login.refreshToken ?? null;
    return { client, codes: (result.data?.login.userErrors ?? []).map((e: { code: string }) => e.code) as string[] };
  };
  const policy = async () => (await admin.data(POLICY, { id: dealerId })).dealer.securityPolicy;
  const errorCode = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

  /** A graphql-ws client whose upgrade request comes from `ip`; resolves how the socket closed. */
  const socketFrom = (ip: string, token: string) => {
    class From extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { 'x-forwarded-for': ip } });
      }
    }
    let closed: (event: { code: number; reason: string }) => void = () => {};
    const closedEvent = new Promise<{ code: number; reason: string }>((resolve) => (closed = resolve));
    const client = createClient({
      url: stack.gatewayUrl.replace('http', 'ws'),
      webSocketImpl: From,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      on: { closed: (event) => closed(event as { code: number; reason: string }) },
      onNonLazyError: () => {},
    });
    const once = (query: string) =>
      new Promise<{ data?: any; errors?: any[] }>((resolve) => {
        let result = {};
        client.subscribe(
          { query },
          {
            next: (r) => (result = r),
            error: (e) =>
              resolve(Array.isArray(e) ? { errors: e } : { errors: [{ extensions: { code: String((e as { code?: number }).code) } }] }),
            complete: () => resolve(result),
          },
        );
      });
    return { client, closedEvent, once };
  };

  beforeAll(async () => {
    stack = await startTestStack({ gatewaySecurity: { sessionCheckTtlMs: 0, socketSweepMs: 200 } });
    admin = (await signIn('platinum@demo.dealer', INSIDE_V4)).client;
    dealerId = (await admin.data('{ me { dealer { id } } }')).me.dealer.id;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a malformed range with a userError naming the entry, and changes nothing', async () => {
    const result = (
      await admin.data(UPDATE, { input: { dealerId, ipAllowList: ['203.0.113.0/24', '203.0.113.0/33', '2001:db8::/129', '10.1'] } })
    ).updateDealerSecurityPolicy;
    expect(result.policy).toBeNull();
    expect(result.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field])).toEqual([
      ['INVALID_CIDR', ['ipAllowList', '1']],
      ['INVALID_CIDR', ['ipAllowList', '2']],
      ['INVALID_CIDR', ['ipAllowList', '3']],
    ]);
    expect(await policy()).toEqual({ mfaRequired: false, ipAllowList: [] });
  });

  it("refuses a list that leaves out the caller's own address unless confirmed", async () => {
    const result = (await admin.data(UPDATE, { input: { dealerId, ipAllowList: ['198.51.100.0/24'] } })).updateDealerSecurityPolicy;
    expect(result.userErrors.map((e: { code: string }) => e.code)).toEqual(['OWN_ADDRESS_EXCLUDED']);
    expect(result.userErrors[0].message).toContain(INSIDE_V4);
    expect(await policy()).toEqual({ mfaRequired: false, ipAllowList: [] });
  });

  it("lets only the dealer's own DEALER_ADMIN or an ADMIN set it", async () => {
    const input = { dealerId, ipAllowList: ['192.0.2.0/24'] };
    for (const email of ['bronze@demo.dealer', 'orders@demo.dealer', 'gm@demo.staff']) {
      const { client } = await signIn(email, INSIDE_V4);
      const result = await client.request(UPDATE, { input });
      const codes = result.data
        ? result.data.updateDealerSecurityPolicy.userErrors.map((e: { code: string }) => e.code)
        : [errorCode(result)];
      expect(codes, email).toEqual(['FORBIDDEN']);
      // Nor may they read it.
      const read = await client.request(POLICY, { id: dealerId });
      expect(read.data?.dealer?.securityPolicy ?? null, email).toBeNull();
    }
    expect(await policy()).toEqual({ mfaRequired: false, ipAllowList: [] });
  });

  it('enforces the list (IPv4 and IPv6) at sign-in, on every request and refresh, and on the socket; refusals are audited', async () => {
    // Sessions opened before the list exists, inside and outside it.
    const early = await signIn('viewer@demo.dealer', OUTSIDE_V4);
    const socketBefore = socketFrom(INSIDE_V4, (await signIn('orders@demo.dealer', INSIDE_V4)).client.accessToken!);
    expect((await socketBefore.once('{ me { email } }')).data?.me.email).toBe('orders@demo.dealer');

    const set = (await admin.data(UPDATE, { input: { dealerId, ipAllowList: ['203.0.113.0/24', '2001:DB8:42::/48'] } }))
      .updateDealerSecurityPolicy;
    expect(set).toEqual({ policy: { mfaRequired: false, ipAllowList: ['203.0.113.0/24', '2001:db8:42::/48'] }, userErrors: [] });

    // Sign-in: refused outside (only to the right password), allowed inside, both families.
    for (const ip of [OUTSIDE_V4, OUTSIDE_V6]) {
      const refused = await signIn('orders@demo.dealer', ip);
      expect(refused.codes, ip).toEqual(['IP_NOT_ALLOWED']);
      expect(refused.client.accessToken).toBeNull();
    }
    expect((await signIn('orders@demo.dealer', OUTSIDE_V4, 'wrong-password')).codes).toEqual(['INVALID_CREDENTIALS']);
    const v6 = await signIn('orders@demo.dealer', INSIDE_V6);
    expect(v6.codes).toEqual([]);
    expect((await v6.client.data('{ me { email } }')).me.email).toBe('orders@demo.dealer');

    // Every request: the same token from outside is refused, and nothing happens.
    const cartBefore = (await v6.client.data('{ cart { lines { sku quantity } } }')).cart.lines;
    v6.client.ip = OUTSIDE_V6;
    const outsideRead = await v6.client.request('{ me { email } }');
    expect(outsideRead.data ?? null).toBeNull();
    expect(errorCode(outsideRead)).toBe('IP_NOT_ALLOWED');
    const sku = (await admin.data('{ products(first: 1) { nodes { sku } } }')).products.nodes[0].sku;
    const outsideWrite = await v6.client.request('mutation($l: [CartLineInput!]!) { addToCart(lines: $l) { userErrors { code } } }', {
      l: [{ sku, quantity: 3 }],
    });
    expect(errorCode(outsideWrite)).toBe('IP_NOT_ALLOWED');
    v6.client.ip = INSIDE_V6;
    expect((await v6.client.data('{ cart { lines { sku quantity } } }')).cart.lines).toEqual(cartBefore);

    // A session from before the list: its token and its refresh token stop working outside.
    expect(errorCode(await early.client.request('{ me { email } }'))).toBe('IP_NOT_ALLOWED');
    expect((await early.client.data(REFRESH, { t: early.client.refreshToken })).refreshSession.userErrors).toEqual([
      { code: 'IP_NOT_ALLOWED' },
    ]);

    // A forged hop in front of the real one does not help: the nearest untrusted address counts.
    const chained = await stack
      .client()
      .request(LOGIN, { e: 'orders@demo.dealer', p: PASSWORD }, { 'x-forwarded-for': `${INSIDE_V4}, ${OUTSIDE_V4}` });
    expect(chained.data.login.userErrors.map((e: { code: string }) => e.code)).toEqual(['IP_NOT_ALLOWED']);

    // Staff are not bound by a dealer's list.
    expect((await signIn('rep@demo.staff', OUTSIDE_V4)).codes).toEqual([]);

    // Socket: connection_init from outside is refused; inside works; a new subscription on a socket
    // from an address the list has dropped is refused (or the socket is closed by the sweep).
    const token = v6.client.accessToken!;
    const outside = socketFrom(OUTSIDE_V6, token);
    expect((await outside.closedEvent).code).toBe(4403);
    await outside.client.dispose();
    const inside = socketFrom(INSIDE_V6, token);
    expect((await inside.once('{ me { email } }')).data?.me.email).toBe('orders@demo.dealer');
    await inside.client.dispose();
    // Drop the IPv4 range the older socket (and the admin) came from.
    const dropped = (await admin.data(UPDATE, { input: { dealerId, ipAllowList: ['2001:db8:42::/48'], confirmOwnAddressExcluded: true } }))
      .updateDealerSecurityPolicy;
    expect(dropped.userErrors).toEqual([]);
    const after = await socketBefore.once('{ me { email } }');
    expect(after.data?.me ?? null).toBeNull();
    expect(after.errors?.[0].extensions?.code).toMatch(/^(IP_NOT_ALLOWED|4403)$/);
    expect((await socketBefore.closedEvent).code).toBe(4403);
    await socketBefore.client.dispose();

    // The admin (confirmed out of its own list) is refused now too; from inside, it reads the audit log.
    expect(errorCode(await admin.request(IP_EVENTS))).toBe('IP_NOT_ALLOWED');
    admin.ip = INSIDE_V6;
    const events = (await admin.data(IP_EVENTS)).securityEvents;
    const seen = events.nodes.map((e: { email: string; ipAddress: string; detail: string }) => [
      e.email,
      e.ipAddress,
      JSON.parse(e.detail).at,
    ]);
    expect(seen).toContainEqual(['orders@demo.dealer', OUTSIDE_V4, 'SIGN_IN']);
    expect(seen).toContainEqual(['orders@demo.dealer', OUTSIDE_V6, 'SIGN_IN']);
    expect(seen).toContainEqual(['orders@demo.dealer', OUTSIDE_V6, 'REQUEST']);
    expect(seen).toContainEqual(['viewer@demo.dealer', OUTSIDE_V4, 'REFRESH']);
    expect(seen).toContainEqual(['orders@demo.dealer', INSIDE_V4, 'REQUEST']);
  });
});
