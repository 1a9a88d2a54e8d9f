import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What a caller may learn beyond its grant, tried through the real gateway: nested fields of an API
 * client's answer, accounts it does not administer (inviteUser), lookalike addresses, and the status
 * of an order outside an approver's scope.
 */
const INVITE = `mutation($e: String!, $d: ID, $r: Role!) { inviteUser(input: { email: $e, dealerId: $d, role: $r }) {
  invitation { email } userErrors { code } } }`;
const CREATE_CLIENT =
  'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } clientSecret userErrors { code } } }';

describe('access that leaks, tried through the gateway', () => {
  let stack: TestStack;
  let admin: GraphQLClient;
  let platinum: GraphQLClient;
  let platinumDealer: string;
  const sql = (text: string, params: unknown[] = []) => stack.orms.dealers.em.getConnection().execute(text, params);
  const codeOf = (r: { data?: { inviteUser?: { userErrors: { code: string }[] } } }) =>
    r.data?.inviteUser?.userErrors[0]?.code ?? 'INVITED';

  beforeAll(async () => {
    stack = await startTestStack();
    [admin, platinum] = await Promise.all([stack.loginAs('admin@demo.staff'), stack.loginAs('platinum@demo.dealer')]);
    platinumDealer = (await platinum.data('{ me { dealer { id } } }')).me.dealer.id;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  describe('an ORDERS_WRITE-only API client', () => {
    let api: GraphQLClient;
    beforeAll(async () => {
      const { createApiClient } = await admin.data(CREATE_CLIENT, {
        input: { name: 'Orders only', scopes: ['ORDERS_WRITE'], dealerId: platinumDealer },
      });
      const response = await fetch(stack.gatewayUrl.replace('/graphql', '/oauth/token'), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${createApiClient.client.id}:${createApiClient.clientSecret}`).toString('base64')}`,
        },
        body: 'grant_type=client_credentials',
      });
      api = stack.client();
      api.accessToken = ((await response.json()) as { access_token: string }).access_token;
    });

    it('reads its orders and cart, but not its dealer’s credit, invoices and statements through an order', async () => {
      const own = await api.request(
        '{ orders(first: 2) { nodes { id number total { amount } dealer { name } } } cart { lines { sku quantity } } }',
      );
      expect(own.errors).toBeUndefined();
      for (const query of [
        '{ orders(first: 5) { nodes { dealer { credit { available { amount } } } } } }',
        '{ orders(first: 5) { nodes { dealer { credit { invoices(first: 50) { nodes { number pdfUrl } } } } } } }',
        '{ orders(first: 5) { nodes { dealer { credit { statement(from: "2026-01-01", to: "2026-12-01") { pdfUrl csvUrl } } } } } }',
      ]) {
        const leak = await api.request(query);
        expect(leak.data ?? null).toBeNull();
        expect(leak.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
        expect(leak.errors?.map((e) => e.extensions?.coordinate)).toContain('Dealer.credit');
      }
    });

    it('reads no prices through its cart without PRICES_READ', async () => {
      const leak = await api.request('{ cart { lines { sku unitPrice { amount } lineTotal { amount } } total { amount } } }');
      expect(leak.data ?? null).toBeNull();
      expect(new Set(leak.errors?.map((e) => e.extensions?.missingScope))).toEqual(new Set(['PRICES_READ']));
      expect(leak.errors?.map((e) => e.extensions?.coordinate)).toEqual(expect.arrayContaining(['CartLine.unitPrice', 'Cart.total']));
    });
  });

  it('answers EMAIL_TAKEN only for accounts the inviter administers: staff and other dealers are not confirmed', async () => {
    const asDealerAdmin = async (email: string) => codeOf(await platinum.request(INVITE, { e: email, r: 'VIEW_ONLY' }));
    expect(await asDealerAdmin('viewer@demo.dealer')).toBe('EMAIL_TAKEN');
    expect(await asDealerAdmin('admin@demo.staff')).toBe('INVITED');
    expect(await asDealerAdmin('bronze@demo.dealer')).toBe('INVITED');
    expect(await asDealerAdmin('nobody-yet@demo.dealer')).toBe('INVITED');
    expect(codeOf(await admin.request(INVITE, { e: 'bronze@demo.dealer', d: platinumDealer, r: 'VIEW_ONLY' }))).toBe('EMAIL_TAKEN');
  });

  it('refuses invitations for lookalikes of an existing address (Cyrillic, fullwidth, zero-width, RTL, rn for m)', async () => {
    // Invisible and bidi characters are refused at the door (INVALID_CHARACTERS, the input rules)
    // or, past it, stripped by the normalisation: either way no lookalike is invited.
    const lookalikes: [string, RegExp][] = [
      ['\u0430dmin@demo.staff', /^EMAIL_CONFUSABLE$/], // Cyrillic а
      ['adm\u0456n@demo.staff', /^EMAIL_CONFUSABLE$/], // Cyrillic і
      ['\uFF41dmin@demo.staff', /^EMAIL_TAKEN$/], // fullwidth ａ: the same address once normalised
      ['ad\u200Bmin@demo.staff', /^(EMAIL_TAKEN|INVALID_CHARACTERS)$/], // zero-width space
      ['\u202Eadmin@demo.staff\u202C', /^(EMAIL_TAKEN|INVALID_CHARACTERS)$/], // right-to-left override
      ['adrnin@demo.staff', /^EMAIL_CONFUSABLE$/],
      ['admin@dem0.staff', /^EMAIL_CONFUSABLE$/],
    ];
    const before = Number((await sql('select count(*) from dealers.invitation'))[0].count);
    const codes = await Promise.all(lookalikes.map(([e]) => admin.request(INVITE, { e, r: 'SALES_REP' }).then(codeOf)));
    codes.forEach((code, i) => expect(code).toMatch(lookalikes[i][1]));
    expect(Number((await sql('select count(*) from dealers.invitation'))[0].count)).toBe(before);
  });

  it("refuses an approver outside the order's scope before telling anything of its state", async () => {
    const rep = await stack.loginAs('rep@demo.staff');
    const repId = (await sql("select id from dealers.user_account where email = 'rep@demo.staff'"))[0].id;
    const [order] = await stack.orms.orders.em
      .getConnection()
      .execute(`select id from orders."order" where status not in ('PENDING_APPROVAL') and sales_rep_user_id is distinct from ? limit 1`, [
        repId,
      ]);
    for (const mutation of [
      'mutation($id: ID!) { approveOrder(orderId: $id) { order { status } userErrors { code message } } }',
      'mutation($id: ID!) { rejectOrder(orderId: $id, reason: "No") { order { status } userErrors { code message } } }',
    ]) {
      const { userErrors, order: changed } = Object.values(await rep.data(mutation, { id: order.id }))[0] as {
        order: unknown;
        userErrors: { code: string; message: string }[];
      };
      expect(changed).toBeNull();
      expect(userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
      expect(userErrors[0].message).not.toMatch(/DELIVERED|SHIPPED|APPROVED|REJECTED|CANCELLED|PROCESSING/);
    }
  });
});
