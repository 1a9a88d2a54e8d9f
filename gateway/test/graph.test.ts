import { get as httpGet } from 'node:http';

import { parseAmount } from '@dealergraph/runtime';
import { startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DEALER_VIEW = /* GraphQL */ `
  query DealerView {
    me {
      email
      role
      dealer {
        id
        name
        tier
        credit {
          limit {
            amount
            currency
          }
          openBalance {
            amount
          }
          pendingOrders {
            amount
          }
          available {
            amount
          }
          overdue {
            amount
          }
          status
          exceedancePolicy
        }
      }
    }
    products(first: 5) {
      totalCount
      nodes {
        sku
        stock {
          status
          available
        }
        price {
          listPrice {
            amount
          }
          unitPrice {
            amount
          }
          appliedRules
        }
      }
    }
    orders(first: 3) {
      totalCount
      nodes {
        id
        number
        status
        total {
          amount
        }
      }
    }
  }
`;

const cents = parseAmount;

describe('the federated graph through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('signs in a demo dealer and refuses a wrong password with INVALID_CREDENTIALS', async () => {
    const client = stack.client();
    const ok = await client.data(
      'mutation { login(email: "Platinum@Demo.Dealer", password: "demo-pass-2026") { accessToken refreshToken user { email role } userErrors { code } } }',
    );
    expect(ok.login.userErrors).toEqual([]);
    expect(ok.login.accessToken).toMatch(/^ey/);
    expect(ok.login.user).toEqual({ email: 'platinum@demo.dealer', role: 'DEALER_ADMIN' });

    for (const [email, password] of [
      ['platinum@demo.dealer', 'wrong-password'],
      ['nobody@demo.dealer', 'demo-pass-2026'],
    ]) {
      const bad = await client.data(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken userErrors { code message } } }',
        {
          e: email,
          p: password,
        },
      );
      expect(bad.login.accessToken).toBeNull();
      expect(bad.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('answers one query with data from all five subgraphs for the signed-in dealer', async () => {
    const client = await stack.loginAs('platinum@demo.dealer');
    const data = await client.data(DEALER_VIEW);
    expect(data.me.email).toBe('platinum@demo.dealer');
    expect(data.me.dealer).toMatchObject({ name: 'Demo Platinum Dealer', tier: 'PLATINUM' });
    const credit = data.me.dealer.credit;
    expect(credit.exceedancePolicy).toBe('ROUTE_TO_APPROVAL');
    expect(credit.limit).toEqual({ amount: '250000.00', currency: 'USD' });
    expect(cents(credit.available.amount)).toBe(
      cents(credit.limit.amount) - cents(credit.openBalance.amount) - cents(credit.pendingOrders.amount),
    );
    expect(data.products.totalCount).toBeGreaterThanOrEqual(5000);
    expect(data.products.nodes).toHaveLength(5);
    for (const product of data.products.nodes) {
      expect(['IN_STOCK', 'LOW', 'OUT']).toContain(product.stock.status);
      expect(product.price.appliedRules.length).toBeGreaterThan(0);
      expect(cents(product.price.unitPrice.amount)).toBeLessThan(cents(product.price.listPrice.amount));
    }
    expect(data.orders.totalCount).toBeGreaterThan(0);
    expect(data.orders.nodes.length).toBe(Math.min(3, data.orders.totalCount));
  });

  it('prices the same product per dealer: PLATINUM gets 20 % off list, BRONZE 5 %', async () => {
    const query = 'query($sku: String!) { product(sku: $sku) { price { listPrice { amount } unitPrice { amount } appliedRules } } }';
    const platinum = await stack.loginAs('platinum@demo.dealer');
    const bronze = await stack.loginAs('bronze@demo.dealer');
    const page = await platinum.data('{ products(first: 100) { nodes { sku price { appliedRules } } } }');
    const plain = page.products.nodes.find((p: { price: { appliedRules: string[] } }) => p.price.appliedRules.join() === 'TIER');
    expect(plain, 'a product priced by tier alone').toBeDefined();
    const a = (await platinum.data(query, { sku: plain.sku })).product.price;
    const b = (await bronze.data(query, { sku: plain.sku })).product.price;
    expect(a.listPrice).toEqual(b.listPrice);
    const list = cents(a.listPrice.amount);
    expect(cents(a.unitPrice.amount)).toBe(Math.floor((list * 8000 * 2 + 10_000) / 20_000));
    expect(cents(b.unitPrice.amount)).toBe(Math.floor((list * 9500 * 2 + 10_000) / 20_000));
  });

  it("shows a dealer its own orders only and staff everyone's", async () => {
    const platinum = await stack.loginAs('platinum@demo.dealer');
    const bronze = await stack.loginAs('bronze@demo.dealer');
    const rep = await stack.loginAs('rep@demo.staff');
    const bronzeOrder = (await bronze.data('{ orders(first: 1) { nodes { id number } } }')).orders.nodes[0];
    const orderQuery = 'query($id: ID!) { order(id: $id) { id number dealer { name } } }';
    expect((await platinum.request(orderQuery, { id: bronzeOrder.id })).data?.order).toBeNull();
    expect((await bronze.data(orderQuery, { id: bronzeOrder.id })).order).toMatchObject({
      number: bronzeOrder.number,
      dealer: { name: 'Demo Bronze Dealer' },
    });
    expect((await rep.data(orderQuery, { id: bronzeOrder.id })).order.dealer.name).toBe('Demo Bronze Dealer');

    const bronzeDealerId = (await bronze.data('{ me { dealer { id } } }')).me.dealer.id;
    const dealerQuery = 'query($id: ID!) { dealer(id: $id) { name credit { limit { amount } } } }';
    expect((await platinum.data(dealerQuery, { id: bronzeDealerId })).dealer).toBeNull();
    expect((await rep.data(dealerQuery, { id: bronzeDealerId })).dealer).toEqual({
      name: 'Demo Bronze Dealer',
      credit: { limit: { amount: '25000.00' } },
    });

    const platinumTotal = (await platinum.data('{ orders(first: 1) { totalCount } }')).orders.totalCount;
    const allTotal = (await rep.data('{ orders(first: 1) { totalCount } }')).orders.totalCount;
    expect(allTotal).toBeGreaterThan(platinumTotal);
  });

  it('gives staff no dealer and no price without a dealer', async () => {
    const rep = await stack.loginAs('rep@demo.staff');
    const data = await rep.data(
      '{ me { role approvalLevel dealer { id } } products(first: 1) { nodes { price { unitPrice { amount } } } } }',
    );
    expect(data.me).toEqual({ role: 'SALES_REP', approvalLevel: 1, dealer: null });
    expect(data.products.nodes[0].price).toBeNull();
  });

  it('refuses anonymous callers everything but signing in', async () => {
    const anonymous = stack.client();
    const result = await anonymous.request('{ products(first: 1) { totalCount } }');
    expect(result.data?.products ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await anonymous.data('{ __typename }')).__typename).toBe('Query');
  });

  it('treats claims a client forges in extensions or headers as anonymous', async () => {
    const bronze = await stack.loginAs('bronze@demo.dealer');
    const me = (await bronze.data('{ me { id email role dealer { id } } }')).me;
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user-id': me.id },
      body: JSON.stringify({
        query: '{ me { email } }',
        extensions: { jwt: { payload: { sub: me.id, email: me.email, role: 'DEALER_ADMIN', dealerId: me.dealer.id } } },
      }),
    });
    const body = (await response.json()) as { data?: { me: unknown }; errors?: { extensions?: { code?: string } }[] };
    expect(body.data?.me ?? null).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a tampered or foreign access token', async () => {
    const client = await stack.loginAs('bronze@demo.dealer');
    const [header, payload, signature] = client.accessToken!.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN', dealerId: null })).toString('base64url');
    client.accessToken = `${header}.${forgedPayload}.${signature}`;
    const result = await client.request('{ me { role } }');
    expect(result.status).toBe(401);
    expect(result.data?.me ?? null).toBeNull();
    expect(result.errors?.[0].message).toMatch(/unauthenticated/i);
  });

  it('rotates refresh tokens and closes the session when an old one is replayed', async () => {
    const client = await stack.loginAs('orders@demo.dealer');
    const first = client.refreshToken!;
    const mutation = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken userErrors { code } } }';
    const rotated = (await client.data(mutation, { t: first })).refreshSession;
    expect(rotated.userErrors).toEqual([]);
    expect(rotated.refreshToken).not.toBe(first);
    // Once more within the grace (a lost answer): the same new refresh token; a second replay closes the session.
    const lost = (await client.data(mutation, { t: first })).refreshSession;
    expect(lost.refreshToken).toBe(rotated.refreshToken);
    const replay = (await client.data(mutation, { t: first })).refreshSession;
    expect(replay.userErrors[0].code).toBe('INVALID_REFRESH_TOKEN');
    const afterReplay = (await client.data(mutation, { t: rotated.refreshToken })).refreshSession;
    expect(afterReplay.userErrors[0].code).toBe('SESSION_EXPIRED');
  });
});

describe('GraphiQL in demo mode', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('loads its scripts from the gateway, not from a CDN, so it works offline', async () => {
    const page = await (await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('/graphiql-assets/yoga-graphiql.umd.js');
    expect(page).not.toMatch(/https?:\/\/(unpkg|cdn|raw\.githubusercontent)/);
    expect(page).toContain('platinum@demo.dealer');
    const script = await fetch(new URL('/graphiql-assets/yoga-graphiql.umd.js', stack.gatewayUrl));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await script.text()).length).toBeGreaterThan(0);
    const outside = await fetch(new URL('/graphiql-assets/%2e%2e/package.json', stack.gatewayUrl));
    expect(outside.status).toBeGreaterThanOrEqual(400);
    expect(await outside.text()).not.toContain('"name"');
  });

  it('is usable on a phone, says what it loads, uses the web app session, and serves its scripts compressed and cached', async () => {
    const page = await (await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('<meta name=viewport content="width=device-width, initial-scale=1">');
    expect(page).not.toContain('__TITLE__');
    expect(page).toContain('<link rel=icon href=/favicon.ico>');
    // The session hook comes before GraphiQL's script, so that its first request is signed in.
    expect(page.indexOf("fetch('/auth/refresh'")).toBeGreaterThan(0);
    expect(page.indexOf("fetch('/auth/refresh'")).toBeLessThan(page.indexOf('yoga-graphiql.umd.js'));
    // One operation in the sample, so Run needs no choice; no line wider than the editor shows.
    const sample = JSON.parse(/"query":("(?:[^"\\]|\\.)*")/.exec(page)![1]) as string;
    expect(sample.match(/^\s*(query|mutation|subscription)\b/gm)).toHaveLength(1);
    expect(Math.max(...sample.split('\n').map((line) => line.length))).toBeLessThanOrEqual(64);

    const url = new URL('/graphiql-assets/yoga-graphiql.umd.js', stack.gatewayUrl);
    const raw = await new Promise<{ status: number; headers: Record<string, unknown>; size: number }>((resolve, reject) => {
      httpGet(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
        let size = 0;
        res.on('data', (c: Buffer) => (size += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, size }));
      }).on('error', reject);
    });
    expect(raw.status).toBe(200);
    expect(raw.headers['content-encoding']).toBe('br');
    expect(raw.headers['cache-control']).toBe('public, max-age=86400');
    expect(raw.size).toBeLessThan(2_000_000);
    const again = await fetch(url, { headers: { 'if-none-match': String(raw.headers.etag) } });
    expect(again.status).toBe(304);
  });
});
