import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sseSubscription, until, wsSubscription } from './live-access.helpers.js';

/**
 * Live updates end when access ends, on every transport: graphql-ws with the token in
 * connectionParams or only in the upgrade request's Authorization header, and GraphQL over SSE. Each
 * case opens a real subscription, waits until the gateway holds it, ends the access, and waits for
 * the server to end the stream (the test's timeout is the bound, no timed assertion).
 */
const ORDER_FEED = 'subscription { orderUpdated { id status } }';
const stockFeed = (sku: string) => `subscription { stockChanged(skus: [${JSON.stringify(sku)}]) { sku } }`;
const LOGOUT = 'mutation($t: String!) { logout(refreshToken: $t) { loggedOut } }';
const CREATE_CLIENT = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } clientSecret userErrors { code } } }`;

describe('live subscriptions end with the access that opened them', () => {
  let stack: TestStack;
  let admin: GraphQLClient;
  let platinumAdmin: GraphQLClient;
  const sql = (text: string, params: unknown[] = []) => stack.orms.dealers.em.getConnection().execute(text, params);
  const idOf = async (email: string) => (await sql('select id from dealers.user_account where email = ?', [email]))[0].id as string;
  const members = () => stack.gateway.subscriptionStats().members;

  beforeAll(async () => {
    stack = await startTestStack({ gatewaySecurity: { sessionCheckTtlMs: 0, socketSweepMs: 200, signInBurst: 500 } });
    [admin, platinumAdmin] = await Promise.all([stack.loginAs('admin@demo.staff'), stack.loginAs('platinum@demo.dealer')]);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Opens a subscription, waits until the gateway holds it, ends access with `end`, and returns how it ended. */
  async function endedBy<T extends { ended: Promise<{ code: string | null; results: unknown[] }>; dispose(): unknown }>(
    open: () => T,
    end: () => Promise<unknown>,
  ) {
    const before = members();
    const live = open();
    let early: unknown = null;
    void live.ended.then((e) => (early = e));
    try {
      await until(() => members() > before || early !== null);
      // Refused when it subscribed: not the case under test.
      expect(early).toBeNull();
      await end();
      return (await live.ended).code;
    } finally {
      await live.dispose();
    }
  }

  it.each(['params', 'header', 'sse'] as const)('ends on sign-out (%s)', async (via) => {
    const user = await stack.loginAs('viewer@demo.dealer');
    const open = () =>
      via === 'sse'
        ? sseSubscription(stack.gatewayUrl, user.accessToken!, ORDER_FEED)
        : wsSubscription(stack.gatewayUrl, user.accessToken!, via, ORDER_FEED);
    const code = await endedBy(open, () => user.data(LOGOUT, { t: user.refreshToken }));
    expect(code).toMatch(/^(SESSION_ENDED|4401)$/);
  });

  it('ends on disableUser and on a role change (token in the upgrade header, and SSE)', async () => {
    const ordersId = await idOf('orders@demo.dealer');
    const disabled = await stack.loginAs('orders@demo.dealer');
    const byDisable = await endedBy(
      () => wsSubscription(stack.gatewayUrl, disabled.accessToken!, 'header', ORDER_FEED),
      () => platinumAdmin.data('mutation($u: ID!) { disableUser(userId: $u) { userErrors { code } } }', { u: ordersId }),
    );
    expect(byDisable).toMatch(/^(SESSION_ENDED|4401)$/);
    await platinumAdmin.data('mutation($u: ID!) { enableUser(userId: $u) { userErrors { code } } }', { u: ordersId });

    const demoted = await stack.loginAs('orders@demo.dealer');
    const byRole = await endedBy(
      () => sseSubscription(stack.gatewayUrl, demoted.accessToken!, ORDER_FEED),
      () => platinumAdmin.data('mutation($u: ID!) { setUserRole(userId: $u, role: VIEW_ONLY) { userErrors { code } } }', { u: ordersId }),
    );
    expect(byRole).toBe('SESSION_ENDED');
    await platinumAdmin.data('mutation($u: ID!) { setUserRole(userId: $u, role: ORDER_ENTRY) { userErrors { code } } }', { u: ordersId });
  });

  it("ends when the dealer's allow-list no longer holds the stream's address (SSE and the upgrade header)", async () => {
    const dealerId = (await sql("select dealer_id from dealers.user_account where email = 'bronze@demo.dealer'"))[0].dealer_id;
    const allowOnly = (ranges: string[]) =>
      sql('update dealers.dealer set ip_allow_list = ?::text[] where id = ?', [`{${ranges.join(',')}}`, dealerId]);
    const user = stack.client();
    await user.login('bronze@demo.dealer', 'demo-pass-2026');
    try {
      const overSse = await endedBy(
        () => sseSubscription(stack.gatewayUrl, user.accessToken!, ORDER_FEED),
        () => allowOnly(['203.0.113.0/24']),
      );
      expect(overSse).toBe('IP_NOT_ALLOWED');
      await allowOnly([]);
      const overSocket = await endedBy(
        () => wsSubscription(stack.gatewayUrl, user.accessToken!, 'header', ORDER_FEED),
        () => allowOnly(['203.0.113.0/24']),
      );
      expect(overSocket).toMatch(/^(IP_NOT_ALLOWED|4403)$/);
    } finally {
      await allowOnly([]);
    }
  });

  describe('API clients', () => {
    let client: { id: string; token: string };
    let STOCK_FEED: string;
    beforeAll(async () => {
      const [product] = await stack.orms.products.em.getConnection().execute('select sku from products.product order by sku limit 1');
      STOCK_FEED = stockFeed(product.sku);
      const { createApiClient } = await admin.data(CREATE_CLIENT, { input: { name: 'Live feed', scopes: ['CATALOG_READ'] } });
      const response = await fetch(stack.gatewayUrl.replace('/graphql', '/oauth/token'), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${createApiClient.client.id}:${createApiClient.clientSecret}`).toString('base64')}`,
        },
        body: 'grant_type=client_credentials',
      });
      client = { id: createApiClient.client.id, token: ((await response.json()) as { access_token: string }).access_token };
    });

    it('may not open a socket, with the token in connectionParams or in the upgrade header (4403)', async () => {
      for (const via of ['params', 'header'] as const) {
        const socket = wsSubscription(stack.gatewayUrl, client.token, via, STOCK_FEED);
        expect((await socket.ended).code).toBe('4403');
        await socket.dispose();
      }
    });

    it('loses its event stream when it is revoked', async () => {
      const code = await endedBy(
        () => sseSubscription(stack.gatewayUrl, client.token, STOCK_FEED),
        () => admin.data('mutation($id: ID!) { revokeApiClient(id: $id) { userErrors { code } } }', { id: client.id }),
      );
      expect(code).toBe('SESSION_ENDED');
    });
  });
});

describe('live subscriptions end when their token expires', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      gatewaySecurity: { socketSweepMs: 200 },
      tokenLifetimes: { accessTokenTtlSeconds: 8, refreshTokenTtlSeconds: 3600 },
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('over SSE and over a socket signed in by its upgrade header', async () => {
    const user = await stack.loginAs('viewer@demo.dealer');
    const streams = [
      sseSubscription(stack.gatewayUrl, user.accessToken!, ORDER_FEED),
      wsSubscription(stack.gatewayUrl, user.accessToken!, 'header', ORDER_FEED),
    ];
    try {
      // Both are held before the token runs out: it is the expiry that ends them, not the subscribe check.
      await until(() => stack.gateway.subscriptionStats().members >= 2);
      const codes = await Promise.all(streams.map((s) => s.ended.then((e) => e.code)));
      expect(codes[0]).toBe('TOKEN_EXPIRED');
      expect(codes[1]).toMatch(/^(TOKEN_EXPIRED|4401)$/);
    } finally {
      await Promise.all(streams.map((s) => s.dispose()));
    }
  });
});
