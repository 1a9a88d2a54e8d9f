// Browser sessions against the real graph with 8-second access tokens: the refresh token in an
// HttpOnly SameSite=Strict cookie and nowhere a script can read, the CSRF rule on the cookie routes,
// tabs that share one session across refreshes, a live view that outlives its token (the gateway
// closes the socket with 4401 at expiry), and the coded TOKEN_EXPIRED / INVALID_AUTHORIZATION answers.
import { request as httpRequest } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { type BrowserWorld, newContext, pageStates, PASSWORD, sessionTrail, signIn, startBrowserWorld } from './browser.js';

const ACCESS_TTL = 8;

/** A raw HTTP request (so that Host and Origin can be set as a browser or an attacker would). */
function raw(
  port: number,
  path: string,
  headers: Record<string, string>,
  body = '{}',
): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString() || 'null') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The close code and reason of a graphql-ws connection_init with these connectionParams. */
function closeOf(url: string, params: Record<string, unknown>): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: params })));
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.on('error', reject);
  });
}

describe('browser sessions', () => {
  let world: BrowserWorld;
  let port: number;

  beforeAll(async () => {
    world = await startBrowserWorld({ tokenLifetimes: { accessTokenTtlSeconds: ACCESS_TTL, refreshTokenTtlSeconds: 3600 } });
    port = world.stack.gateway.port;
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('keeps the refresh token in an HttpOnly, SameSite=Strict cookie and no token where a script can read it', async () => {
    const context = await newContext(world);
    const page = await context.newPage();
    await signIn(page, 'platinum@demo.dealer');
    const cookies = await context.cookies();
    expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite, secure: c.secure, path: c.path }))).toEqual([
      // Plain http://localhost: no Secure and so no __Host- prefix (see the next test for any other host).
      { name: 'dealergraph-session', httpOnly: true, sameSite: 'Strict', secure: false, path: '/' },
    ]);
    const visible = await page.evaluate(() => ({ cookie: document.cookie, local: { ...localStorage }, session: { ...sessionStorage } }));
    expect(visible).toEqual({ cookie: '', local: {}, session: {} });
    // A reload signs in again from the cookie, without the form.
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('names the cookie __Host- and marks it Secure for any host but a loopback one', async () => {
    const answer = await raw(
      port,
      '/auth/sign-in',
      { host: 'portal.example.com', 'x-dealergraph-csrf': '1' },
      JSON.stringify({ email: 'orders@demo.dealer', password: PASSWORD }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.accessToken).toMatch(/^ey/);
    expect(answer.body).not.toHaveProperty('refreshToken');
    const [cookie] = answer.headers['set-cookie'] as string[];
    expect(cookie).toMatch(/^__Host-dealergraph-session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Secure; Max-Age=3600$/);
  });

  it('refuses the cookie routes without the CSRF header or from another origin, and answers wrong passwords with a code', async () => {
    const login = JSON.stringify({ email: 'platinum@demo.dealer', password: PASSWORD });
    const host = `localhost:${port}`;
    expect((await raw(port, '/auth/sign-in', { host }, login)).body.userErrors[0].code).toBe('CSRF_REJECTED');
    const foreign = await raw(port, '/auth/refresh', { host, origin: 'https://evil.example', 'x-dealergraph-csrf': '1' });
    expect([foreign.status, foreign.body.userErrors[0].code]).toEqual([403, 'CSRF_REJECTED']);
    const own = await raw(port, '/auth/sign-in', { host, origin: `http://${host}`, 'x-dealergraph-csrf': '1' }, login);
    expect(own.status).toBe(200);
    const wrong = await raw(
      port,
      '/auth/sign-in',
      { host, 'x-dealergraph-csrf': '1' },
      JSON.stringify({ email: 'platinum@demo.dealer', password: 'nope' }),
    );
    expect(wrong.body).toEqual({
      accessToken: null,
      expiresIn: null,
      userErrors: [expect.objectContaining({ code: 'INVALID_CREDENTIALS' })],
    });
    expect(wrong.headers['set-cookie']).toEqual([expect.stringMatching(/^dealergraph-session=; .*Max-Age=0$/)]);
  });

  it('answers an expired token with TOKEN_EXPIRED over HTTP and graphql-ws, and a token without "Bearer" with INVALID_AUTHORIZATION', async () => {
    const client = await world.stack.loginAs('platinum@demo.dealer');
    const token = client.accessToken!;
    const noScheme = await client.request('{ me { email } }', {}, { authorization: token });
    expect([noScheme.status, noScheme.errors?.[0].extensions?.code]).toEqual([401, 'INVALID_AUTHORIZATION']);
    expect(await closeOf(world.stack.gatewayUrl, { authorization: token })).toEqual({
      code: 4400,
      reason: expect.stringMatching(/^INVALID_AUTHORIZATION/),
    });
    // Wait for the expiry by asking until the answer changes (the token lives ACCESS_TTL seconds).
    await expect
      .poll(async () => (await client.request('{ me { email } }')).errors?.[0]?.extensions?.code ?? 'OK', {
        timeout: (ACCESS_TTL + 5) * 1000,
        interval: 500,
      })
      .toBe('TOKEN_EXPIRED');
    expect((await client.request('{ me { email } }')).status).toBe(401);
    expect(await closeOf(world.stack.gatewayUrl, { authorization: `Bearer ${token}` })).toEqual({
      code: 4401,
      reason: expect.stringMatching(/^TOKEN_EXPIRED/),
    });
  });

  it('keeps a live order page live across token expiry (4401, then a new socket with a fresh token)', async () => {
    const dealerApi = await world.stack.loginAs('platinum@demo.dealer');
    const { products } = await dealerApi.data(
      '{ products(first: 50, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } } } } }',
    );
    const [best] = products.nodes
      .filter((p: any) => p.price)
      .sort((a: any, b: any) => b.stock.available * b.price.unitPrice.amount - a.stock.available * a.price.unitPrice.amount);
    const quantity = Math.min(best.stock.available, Math.ceil(12_500 / (best.price.unitPrice.amount * 0.85)));
    const { placeOrder } = await dealerApi.data(
      'mutation($lines: [PlaceOrderLineInput!]) { placeOrder(input: { idempotencyKey: "web-session-live", lines: $lines }) { order { id status } userErrors { code message } } }',
      { lines: [{ sku: best.sku, quantity }] },
    );
    expect(placeOrder.order?.status, JSON.stringify(placeOrder.userErrors)).toBe('PENDING_APPROVAL');

    const context = await newContext(world);
    const trail = sessionTrail(context);
    const explain = async (error: Error) => {
      throw new Error(`${error.message}\npage ${await pageStates([page])}\n${trail.join('\n')}`);
    };
    const page = await context.newPage();
    const closes: number[] = [];
    let opened = 0;
    page.on('websocket', (socket) => {
      opened += 1;
      socket.on('close', () => closes.push(Date.now()));
    });
    await signIn(page, 'platinum@demo.dealer', `/orders/${placeOrder.order.id}`);
    await expect.poll(() => page.getByTestId('order-status').textContent()).toBe('Waiting for approval');
    // The first socket is closed when its token expires; the page opens another with a fresh token.
    await expect.poll(() => closes.length, { timeout: (ACCESS_TTL + 10) * 1000 }).toBeGreaterThan(0);
    // Generous: on a busy two-core machine the page's refresh and new socket can take a while.
    await expect
      .poll(() => opened, { timeout: 40_000 })
      .toBeGreaterThan(1)
      .catch(explain);
    await page.getByText('Live', { exact: true }).waitFor().catch(explain);

    const manager = await world.stack.loginAs('manager@demo.staff');
    const { approveOrder } = await manager.data(
      'mutation($id: ID!) { approveOrder(orderId: $id) { order { status } userErrors { code message } } }',
      {
        id: placeOrder.order.id,
      },
    );
    expect(approveOrder.order?.status, JSON.stringify(approveOrder.userErrors)).toBe('APPROVED');
    await expect.poll(() => page.getByTestId('order-status').textContent(), { timeout: 20_000 }).toBe('Approved');
    await page.context().close();
  }, 120_000);

  it('lets two tabs refresh the one session at the same moment without ending it (one refresh at a time)', async () => {
    const context = await newContext(world);
    // What each tab's session routes answered, printed when the test fails so that a race explains itself.
    const trail = sessionTrail(context);
    const first = await context.newPage();
    await signIn(first, 'orders@demo.dealer', '/orders');
    const second = await context.newPage();
    // Each load trades the cookie for a new access token; a refresh token spent twice would end the
    // session, so the two tabs' refreshes must take turns (a Web Lock), each with the newest cookie.
    for (let round = 0; round < 3; round += 1) {
      await Promise.all([first.reload(), second.goto('/orders')]);
      await Promise.all([first, second].map((page) => page.getByRole('heading', { name: 'Orders' }).waitFor({ timeout: 45_000 }))).catch(
        async (error: Error) => {
          const pages = await pageStates([first, second]);
          throw new Error(`${error.message}\nround ${round}; pages ${pages}\n${trail.join('\n')}`);
        },
      );
    }
    expect(await first.getByLabel('Email').count()).toBe(0);
    expect(await second.getByLabel('Email').count()).toBe(0);
    await context.close();
  }, 120_000);
});
