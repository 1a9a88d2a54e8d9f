import { randomUUID } from 'node:crypto';

import { GraphQLClient, scanSecurityEventsAfterEach, socketCloseCode, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) {
  client { id name scopes dealer { name } costPerSecond costBurst requestsPerMinute revokedAt } clientSecret userErrors { code field } } }`;
const REVOKE = 'mutation($id: ID!) { revokeApiClient(id: $id) { client { id revokedAt } userErrors { code } } }';
const ROTATE = 'mutation($id: ID!) { rotateApiClientSecret(id: $id) { client { id revokedAt } clientSecret userErrors { code } } }';
const PRICED = '{ products(first: 2) { nodes { sku price { unitPrice { amount } } } } }';
const CATALOG = '{ products(first: 2) { nodes { sku name } } }';

interface TokenAnswer {
  status: number;
  body: { access_token?: string; token_type?: string; expires_in?: number; scope?: string; error?: string };
}

describe('API clients for integration partners, through the gateway', () => {
  let stack: TestStack;
  scanSecurityEventsAfterEach(() => stack);
  let admin: GraphQLClient;
  let platinumDealer: string;
  const tokenUrl = () => stack.gatewayUrl.replace('/graphql', '/oauth/token');
  const sql = (text: string, params: unknown[] = []) => stack.orms.dealers.em.getConnection().execute(text, params);

  async function token(form: Record<string, string>, basic?: [string, string]): Promise<TokenAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (basic)
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(basic[0])}:${encodeURIComponent(basic[1])}`).toString('base64')}`;
    stack.secrets.remember(form.client_secret, basic?.[1]);
    const response = await fetch(tokenUrl(), { method: 'POST', headers, body: new URLSearchParams(form).toString() });
    const body = (await response.json()) as TokenAnswer['body'];
    stack.secrets.remember(body.access_token);
    return { status: response.status, body };
  }

  async function issue(input: Record<string, unknown>): Promise<{ id: string; secret: string }> {
    const { createApiClient } = await admin.data(CREATE, { input });
    expect(createApiClient.userErrors).toEqual([]);
    return { id: createApiClient.client.id, secret: createApiClient.clientSecret };
  }

  async function clientWith(input: Record<string, unknown>): Promise<{ id: string; secret: string; api: GraphQLClient }> {
    const issued = await issue(input);
    const answer = await token({ grant_type: 'client_credentials' }, [issued.id, issued.secret]);
    expect(answer.status).toBe(200);
    const api = stack.client();
    api.accessToken = answer.body.access_token!;
    return { ...issued, api };
  }

  beforeAll(async () => {
    stack = await startTestStack({ gatewaySecurity: { sessionCheckTtlMs: 0 } });
    admin = await stack.loginAs('admin@demo.staff');
    const platinum = await stack.loginAs('platinum@demo.dealer');
    platinumDealer = (await platinum.data('{ me { dealer { id } } }')).me.dealer.id;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('is issued by ADMIN only, with a secret shown once and stored hashed', async () => {
    const { createApiClient } = await admin.data(CREATE, {
      input: { name: 'Acme shop sync', scopes: ['CATALOG_READ', 'PRICES_READ'], dealerId: platinumDealer },
    });
    expect(createApiClient).toMatchObject({
      client: {
        name: 'Acme shop sync',
        scopes: ['CATALOG_READ', 'PRICES_READ'],
        dealer: { name: 'Demo Platinum Dealer' },
        costPerSecond: 1000,
        costBurst: 5000,
        requestsPerMinute: 120,
        revokedAt: null,
      },
      userErrors: [],
    });
    const secret = createApiClient.clientSecret as string;
    expect((await sql('select count(*) from dealers.api_client where secret_hash = ?', [secret]))[0].count).toBe('0');
    expect((await admin.data('{ apiClients(first: 10) { nodes { id } } }')).apiClients.nodes.map((c: { id: string }) => c.id)).toContain(
      createApiClient.client.id,
    );

    const unbound = (await admin.data(CREATE, { input: { name: 'No dealer', scopes: ['ORDERS_WRITE'] } })).createApiClient;
    expect(unbound.userErrors).toEqual([{ code: 'DEALER_REQUIRED', field: ['input', 'dealerId'] }]);
    const gm = await stack.loginAs('gm@demo.staff');
    const byGm = await gm.request(CREATE, { input: { name: 'Sneaky', scopes: ['ERP_IMPORT'] } });
    expect(byGm.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const dealerAdmin = await stack.loginAs('platinum@demo.dealer');
    expect((await dealerAdmin.request('{ apiClients(first: 1) { totalCount } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(Number((await sql("select count(*) from dealers.api_client where name in ('No dealer', 'Sneaky')"))[0].count)).toBe(0);
  });

  it('trades client credentials for a short-lived token at POST /oauth/token (Basic or form), and refuses the rest by RFC 6749', async () => {
    const { id, secret } = await issue({ name: 'Token tester', scopes: ['CATALOG_READ', 'PRICES_READ'], dealerId: platinumDealer });
    const basic = await token({ grant_type: 'client_credentials' }, [id, secret]);
    expect(basic).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 300, scope: 'CATALOG_READ PRICES_READ' } });
    const [, payload] = basic.body.access_token!.split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      sub: id,
      cid: id,
      dealerId: platinumDealer,
      role: 'API_CLIENT',
      scopes: ['CATALOG_READ', 'PRICES_READ'],
    });
    const form = await token({ grant_type: 'client_credentials', client_id: id, client_secret: secret, scope: 'CATALOG_READ' });
    expect(form).toMatchObject({ status: 200, body: { scope: 'CATALOG_READ' } });

    expect(await token({ grant_type: 'client_credentials' }, [id, `${secret}x`])).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await token({ grant_type: 'client_credentials' }, [randomUUID(), secret])).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await token({ grant_type: 'password' }, [id, secret])).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await token({ grant_type: 'client_credentials', scope: 'ERP_IMPORT' }, [id, secret])).toMatchObject({
      status: 400,
      body: { error: 'invalid_scope' },
    });
  });

  it('authorizes every request by scope: outside them FORBIDDEN with the missing scope named, and nothing runs', async () => {
    const { api } = await clientWith({ name: 'Catalog and prices', scopes: ['CATALOG_READ', 'PRICES_READ'], dealerId: platinumDealer });
    const priced = (await api.data(PRICED)).products.nodes;
    expect(priced).toHaveLength(2);
    expect(priced[0].price.unitPrice.amount).toMatch(/^\d+\.\d{2}$/);

    const orders = await api.request('{ orders(first: 1) { totalCount } }');
    expect(orders.data ?? null).toBeNull();
    expect(orders.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', missingScope: 'ORDERS_WRITE' });
    const countOrders = async () =>
      Number((await stack.orms.orders.em.getConnection().execute('select count(*) from orders."order"'))[0].count);
    const before = await countOrders();
    const place = await api.request('mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id } userErrors { code } } }', {
      i: { idempotencyKey: randomUUID(), lines: [{ sku: priced[0].sku, quantity: 1 }] },
    });
    expect(place.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', missingScope: 'ORDERS_WRITE' });
    expect(await countOrders()).toBe(before);
    // Fields without a row in the matrix are closed to API clients.
    expect((await api.request('{ me { email } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.request('{ dealers(first: 1) { totalCount } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const { api: catalogOnly } = await clientWith({ name: 'Catalog only', scopes: ['CATALOG_READ'] });
    expect((await catalogOnly.data(CATALOG)).products.nodes).toHaveLength(2);
    const refused = await catalogOnly.request(PRICED);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', missingScope: 'PRICES_READ', coordinate: 'Product.price' });
  });

  it('places orders for its own dealer with ORDERS_WRITE, and records ERP rows with ERP_IMPORT', async () => {
    const { api } = await clientWith({ name: 'Platinum ERP orders', scopes: ['CATALOG_READ', 'ORDERS_WRITE'], dealerId: platinumDealer });
    const sku = (await api.data('{ products(first: 1, filter: { inStockOnly: true }) { nodes { sku } } }')).products.nodes[0].sku;
    const placed = (
      await api.data('mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id dealer { name } } userErrors { code } } }', {
        i: { idempotencyKey: randomUUID(), lines: [{ sku, quantity: 1 }], poNumber: 'API-1' },
      })
    ).placeOrder;
    expect(placed.userErrors).toEqual([]);
    expect(placed.order.dealer.name).toBe('Demo Platinum Dealer');

    const { api: erp } = await clientWith({ name: 'ERP import', scopes: ['ERP_IMPORT'] });
    const payment = await erp.request('mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { userErrors { code } } }', {
      i: { externalReference: `PAY-${randomUUID()}`, dealerId: platinumDealer, amount: '10.00', receivedAt: new Date().toISOString() },
    });
    expect(payment.errors).toBeUndefined();
    expect(payment.data.recordPayment.userErrors).toEqual([]);
    const notErp = await api.request('mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { userErrors { code } } }', {
      i: { externalReference: `PAY-${randomUUID()}`, dealerId: platinumDealer, amount: '10.00', receivedAt: new Date().toISOString() },
    });
    expect(notErp.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', missingScope: 'ERP_IMPORT' });
  });

  it('gives each client its own budget: cost per second and requests per minute, keyed by the client id', async () => {
    const { api: frugal } = await clientWith({ name: 'Frugal', scopes: ['CATALOG_READ'], costBurst: 40, costPerSecond: 1 });
    const first = await frugal.request(CATALOG);
    expect(first.errors).toBeUndefined();
    const cost = (first as unknown as { extensions: { cost: { requested: number; budgetPerSecond: number } } }).extensions.cost;
    expect(cost.budgetPerSecond).toBe(1);
    let limited: Record<string, unknown> | undefined;
    for (let i = 0; i < Math.ceil(40 / cost.requested) + 1 && !limited; i++) {
      limited = (await frugal.request(CATALOG)).errors?.[0].extensions;
    }
    expect(limited).toMatchObject({ code: 'RATE_LIMITED' });
    // Another client's budget is its own.
    const { api: other } = await clientWith({ name: 'Other', scopes: ['CATALOG_READ'] });
    expect((await other.request(CATALOG)).errors).toBeUndefined();

    const { api: slow } = await clientWith({ name: 'Two a minute', scopes: ['CATALOG_READ'], requestsPerMinute: 2 });
    expect((await slow.request(CATALOG)).errors).toBeUndefined();
    expect((await slow.request(CATALOG)).errors).toBeUndefined();
    expect((await slow.request(CATALOG)).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it("stops a revoked client's tokens at once and refuses it new ones", async () => {
    const { id, secret, api } = await clientWith({ name: 'To revoke', scopes: ['CATALOG_READ'] });
    expect((await api.request(CATALOG)).errors).toBeUndefined();
    expect((await admin.data(REVOKE, { id })).revokeApiClient.userErrors).toEqual([]);
    const after = await api.request(CATALOG);
    expect(after.data ?? null).toBeNull();
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await token({ grant_type: 'client_credentials' }, [id, secret])).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect((await admin.data(REVOKE, { id: randomUUID() })).revokeApiClient.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
  });

  it('rotates a secret: the new one is shown once, the old one gets no new token at once, tokens issued before run out on their own', async () => {
    const { id, secret: oldSecret, api: before } = await clientWith({ name: 'To rotate', scopes: ['CATALOG_READ'] });
    const { rotateApiClientSecret } = await admin.data(ROTATE, { id });
    expect(rotateApiClientSecret).toMatchObject({ client: { id, revokedAt: null }, userErrors: [] });
    const newSecret = rotateApiClientSecret.clientSecret as string;
    expect(newSecret).toMatch(/^dgs_[A-Za-z0-9_-]{43}$/);
    expect(newSecret).not.toBe(oldSecret);
    expect((await sql('select count(*) from dealers.api_client where secret_hash = ?', [newSecret]))[0].count).toBe('0');

    expect(await token({ grant_type: 'client_credentials' }, [id, oldSecret])).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    const fresh = await token({ grant_type: 'client_credentials' }, [id, newSecret]);
    expect(fresh).toMatchObject({ status: 200, body: { expires_in: 300 } });
    const after = stack.client();
    after.accessToken = fresh.body.access_token!;
    expect((await after.request(CATALOG)).errors).toBeUndefined();
    // A token issued with the old secret lives out its 5 minutes (the documented overlap).
    expect((await before.request(CATALOG)).errors).toBeUndefined();

    const events = await sql(
      "select actor_id, detail from dealers.security_event where kind = 'API_CLIENT_SECRET_ROTATED' and detail->>'clientId' = ?",
      [id],
    );
    expect(events).toEqual([
      { actor_id: (await sql("select id from dealers.user_account where email = 'admin@demo.staff'"))[0].id, detail: { clientId: id } },
    ]);

    const gm = await stack.loginAs('gm@demo.staff');
    expect((await gm.request(ROTATE, { id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await token({ grant_type: 'client_credentials' }, [id, newSecret])).toMatchObject({ status: 200 });
    expect((await admin.data(ROTATE, { id: randomUUID() })).rotateApiClientSecret).toEqual({
      client: null,
      clientSecret: null,
      userErrors: [{ code: 'NOT_FOUND' }],
    });
    expect((await admin.data(REVOKE, { id })).revokeApiClient.userErrors).toEqual([]);
    expect((await admin.data(ROTATE, { id })).rotateApiClientSecret).toEqual({
      client: null,
      clientSecret: null,
      userErrors: [{ code: 'REVOKED' }],
    });
    expect(await token({ grant_type: 'client_credentials' }, [id, newSecret])).toMatchObject({ status: 401 });
  });

  it('is refused on a socket: a client token has no session, so connection_init closes with 4403', async () => {
    const { api } = await clientWith({ name: 'Socket', scopes: ['CATALOG_READ', 'ORDERS_WRITE'], dealerId: platinumDealer });
    expect(await socketCloseCode(stack.gatewayUrl, api.accessToken)).toBe(4403);
  });
});
