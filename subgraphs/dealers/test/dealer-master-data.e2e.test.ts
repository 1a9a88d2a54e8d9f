import { demoAssortment, type DemoDealer, generateDemoData } from '@dealergraph/demo-data';
import { GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Dealer master data through the real gateway: upsertDealer by code (ADMIN, ERP_IMPORT clients),
 * audited, idempotent, one row under a burst; and the tier owned by dealers alone, reaching prices
 * and assortments at once (their dealer_pricing / dealer_segment are projections dealers writes).
 */
const data = generateDemoData();
const assortment = demoAssortment(data);
const restriction = new Map(assortment.restrictions.map((r) => [r.productId, r.restriction]));
const limitedIds = new Set(assortment.categoryLimits.map((l) => l.dealerId));
const grantedIds = new Set(assortment.grants.map((g) => g.value));
// A BRONZE dealer with no category limits and no grant of its own, so only its tier decides.
const dealer = data.dealers.find((d, i) => i >= 12 && !limitedIds.has(d.id) && !grantedIds.has(d.id) && d.tier === 'BRONZE')!;
const adminOf = (d: DemoDealer) => data.users.find((u) => u.dealerId === d.id && u.role === 'DEALER_ADMIN')!;
const contractOnly = data.products.find((p) => restriction.get(p.id) === 'CONTRACT_ONLY')!;
const open = data.products.find((p) => !restriction.has(p.id))!;

const UPSERT = `mutation($input: UpsertDealerInput!) { upsertDealer(input: $input) {
  status dealer { id code tier } userErrors { code field } } }`;
const PRICE = 'query($sku: String!) { product(sku: $sku) { sku price { discountPercent appliedRules } } }';
const GRANT = 'mutation($i: AssortmentGrantInput!) { grantProductAccess(input: $i) { changed userErrors { code } } }';
const CREATE_CLIENT = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } clientSecret userErrors { code } } }`;

const inputOf = (d: DemoDealer, change: Record<string, unknown> = {}) => ({
  code: d.code,
  name: d.name,
  tier: d.tier,
  region: d.region,
  city: d.city,
  email: d.email,
  phone: d.phone,
  ...change,
});

describe('dealer master data', () => {
  let stack: TestStack;
  let admin: GraphQLClient;
  let dealerUser: GraphQLClient;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    stack.orms.dealers.em.getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    expect(dealer && contractOnly && open).toBeTruthy();
    stack = await startTestStack();
    admin = await stack.loginAs('admin@demo.staff');
    dealerUser = await stack.loginAs(adminOf(dealer).email);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('a tier change reaches prices and assortments at once, audited; the same upsert again changes nothing', async () => {
    const director = await stack.loginAs('director@demo.staff');
    expect(
      (await director.data(GRANT, { i: { skus: [contractOnly.sku], scope: 'TIER', value: 'PLATINUM' } })).grantProductAccess.userErrors,
    ).toEqual([]);
    expect((await dealerUser.data(PRICE, { sku: contractOnly.sku })).product).toBeNull();
    // Tier discounts off list, rounded to cents: BRONZE about 5 %, PLATINUM about 20 %.
    const discount = async () => Number((await dealerUser.data(PRICE, { sku: open.sku })).product.price.discountPercent);
    expect(await discount()).toBeCloseTo(5, 0);

    const changed = (await admin.data(UPSERT, { input: inputOf(dealer, { tier: 'PLATINUM', dealerType: 'RETAILER' }) })).upsertDealer;
    expect(changed).toEqual({ status: 'UPDATED', dealer: { id: dealer.id, code: dealer.code, tier: 'PLATINUM' }, userErrors: [] });
    // The next request, no wait: the price list and the assortment follow the owner.
    expect(await discount()).toBeCloseTo(20, 0);
    expect((await dealerUser.data(PRICE, { sku: contractOnly.sku })).product.sku).toBe(contractOnly.sku);
    const copies = await sql<{ pricing: string; segment: string; type: string }>(
      `select p.tier as pricing, s.tier as segment, s.dealer_type as type from prices.dealer_pricing p
         join products.dealer_segment s on s.dealer_id = p.dealer_id where p.dealer_id = ?`,
      [dealer.id],
    );
    expect(copies).toEqual([{ pricing: 'PLATINUM', segment: 'PLATINUM', type: 'RETAILER' }]);

    const again = (await admin.data(UPSERT, { input: inputOf(dealer, { tier: 'PLATINUM', dealerType: 'RETAILER' }) })).upsertDealer;
    expect(again.status).toBe('UNCHANGED');
    const audit = await sql<{ actor_name: string; before: { tier: string }; after: { tier: string } }>(
      'select actor_name, before, after from dealers.master_data_change where subject_id = ? order by at',
      [dealer.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_name: 'admin@demo.staff', before: { tier: 'BRONZE' }, after: { tier: 'PLATINUM' } });

    // Back, so the demo dealer is as seeded.
    expect((await admin.data(UPSERT, { input: inputOf(dealer) })).upsertDealer.status).toBe('UPDATED');
    expect(await discount()).toBeCloseTo(5, 0);
    expect((await dealerUser.data(PRICE, { sku: contractOnly.sku })).product).toBeNull();
  });

  it('a burst of parallel upserts of one new code leaves exactly one dealer and one audit row', async () => {
    const input = { code: 'ERP-BURST-1', name: 'Burst Trading', tier: 'GOLD', region: 'NORTH', city: 'Bergen', email: 'buy@burst.example' };
    const results = await Promise.all(Array.from({ length: 20 }, () => admin.data(UPSERT, { input })));
    const statuses = results.map((r) => r.upsertDealer.status).sort();
    expect(statuses.filter((s) => s === 'CREATED')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'UNCHANGED')).toHaveLength(19);
    expect(await sql(`select count(*)::int as n from dealers.dealer where code = 'ERP-BURST-1'`)).toEqual([{ n: 1 }]);
    const id = results[0]!.upsertDealer.dealer.id;
    expect(await sql('select count(*)::int as n from dealers.master_data_change where subject_id = ?', [id])).toEqual([{ n: 1 }]);
    const projected = await sql('select tier from prices.dealer_pricing where dealer_id = ?', [id]);
    expect(projected).toEqual([{ tier: 'GOLD' }]);
  });

  it('refuses bad input with codes and writes nothing; an ERP_IMPORT client may upsert, a dealer user may not', async () => {
    const before = await sql('select count(*)::int as n from dealers.dealer');
    const bad = (
      await admin.data(UPSERT, {
        input: { code: 'has space', name: ' ', tier: 'GOLD', region: 'NORTH', city: 'Oslo', email: 'not-an-email' },
      })
    ).upsertDealer;
    expect(bad.status).toBeNull();
    expect(bad.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_CODE', 'REQUIRED', 'INVALID_EMAIL']);
    expect(await sql('select count(*)::int as n from dealers.dealer')).toEqual(before);

    const refused = await dealerUser.request(UPSERT, { input: inputOf(dealer, { tier: 'PLATINUM' }) });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const { createApiClient } = await admin.data(CREATE_CLIENT, { input: { name: 'ERP master data', scopes: ['ERP_IMPORT'] } });
    const tokenUrl = stack.gatewayUrl.replace('/graphql', '/oauth/token');
    const basic = Buffer.from(`${createApiClient.client.id}:${createApiClient.clientSecret}`).toString('base64');
    const answer = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
    });
    const { access_token } = (await answer.json()) as { access_token: string };
    const api = new GraphQLClient(stack.gatewayUrl);
    api.accessToken = access_token;
    const created = (
      await api.data(UPSERT, {
        input: { code: 'ERP-CLIENT-1', name: 'Client Made', tier: 'SILVER', region: 'SOUTH', city: 'Rome', email: 'c@client.example' },
      })
    ).upsertDealer;
    expect(created).toMatchObject({ status: 'CREATED', userErrors: [] });
  });
});
