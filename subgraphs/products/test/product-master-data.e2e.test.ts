import { GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Product master data through the real gateway: upsertProduct by SKU (ADMIN, ERP_IMPORT clients),
 * idempotent, audited in products.master_data_change; deactivateProduct; upsertInTransit by the
 * ERP's shipment reference. What a dealer sees is read back through the gateway.
 */
const UPSERT = `mutation($input: UpsertProductInput!) { upsertProduct(input: $input) {
  status product { id sku name brand packSize restriction category { slug } specifications { name type value unit numberValue }
    images { url } } userErrors { code field message } } }`;
const DEACTIVATE = 'mutation($sku: String!) { deactivateProduct(sku: $sku) { status userErrors { code } } }';
const TRANSIT = `mutation($input: UpsertInTransitInput!) { upsertInTransit(input: $input) { status userErrors { code field } } }`;
const CREATE_CLIENT = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } clientSecret userErrors { code } } }`;

describe('product master data', () => {
  let stack: TestStack;
  let admin: GraphQLClient;
  /** The ERP's client: ERP_IMPORT writes, CATALOG_READ reads the product in the answer. */
  let erp: GraphQLClient;
  /** An ERP client with ERP_IMPORT alone: it writes and reads the status, not the catalog. */
  let erpOnly: GraphQLClient;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    stack.orms.products.em.getConnection().execute<T[]>(text, params);

  const clientWith = async (input: Record<string, unknown>) => {
    const { createApiClient } = await admin.data(CREATE_CLIENT, { input });
    expect(createApiClient.userErrors).toEqual([]);
    const response = await fetch(stack.gatewayUrl.replace('/graphql', '/oauth/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: createApiClient.client.id,
        client_secret: createApiClient.clientSecret,
      }),
    });
    const client = new GraphQLClient(stack.gatewayUrl);
    client.accessToken = ((await response.json()) as { access_token: string }).access_token;
    return client;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.loginAs('admin@demo.staff');
    erp = await clientWith({ name: 'ERP', scopes: ['ERP_IMPORT', 'CATALOG_READ'] });
    erpOnly = await clientWith({ name: 'ERP writer', scopes: ['ERP_IMPORT'] });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('creates a product, then an equal upsert changes nothing; a change is audited with before and after', async () => {
    const [substitute] = await sql<{ sku: string }>(`select sku from products.product where active order by sku limit 1`);
    const input = {
      sku: 'NEW-PART-0001',
      name: 'Hydraulic seal kit',
      brand: 'Brand New Seals',
      category: 'seals-gaskets',
      unit: 'SET',
      packSize: 12,
      specs: [
        { name: 'Bore diameter', value: '35', unit: 'mm' },
        { name: 'Material', value: 'NBR' },
        { name: 'Food grade', value: 'true' },
      ],
      images: ['https://images.example.com/new-part-0001.jpg'],
      substitutes: [substitute!.sku],
    };
    const created = (await erp.data(UPSERT, { input })).upsertProduct;
    expect(created.userErrors).toEqual([]);
    expect(created.status).toBe('CREATED');
    expect(created.product).toMatchObject({
      sku: 'NEW-PART-0001',
      brand: 'Brand New Seals',
      packSize: 12,
      restriction: null,
      category: { slug: 'seals-gaskets' },
      images: [{ url: 'https://images.example.com/new-part-0001.jpg' }],
    });
    expect(created.product.specifications).toEqual([
      { name: 'Bore diameter', type: 'NUMBER', value: '35', unit: 'mm', numberValue: 35 },
      { name: 'Material', type: 'TEXT', value: 'NBR', unit: null, numberValue: null },
      { name: 'Food grade', type: 'BOOLEAN', value: 'true', unit: null, numberValue: null },
    ]);
    // The named substitute comes first among the product's alternatives.
    const subs = (await admin.data('query($s: String!) { product(sku: $s) { substitutes(first: 3) { sku } } }', { s: 'NEW-PART-0001' }))
      .product.substitutes;
    expect(subs[0].sku).toBe(substitute!.sku);

    // The same input again (SKU in another case): nothing written, no audit row.
    const again = (await admin.data(UPSERT, { input: { ...input, sku: 'new-part-0001' } })).upsertProduct;
    expect(again).toMatchObject({ status: 'UNCHANGED', userErrors: [] });
    expect((await sql(`select count(*)::int as n from products.master_data_change where external_key = 'NEW-PART-0001'`))[0]).toEqual({
      n: 1,
    });

    // A change of one field; lists left out keep what the product had.
    const { specs: _s, images: _i, substitutes: _u, ...withoutLists } = input;
    const changed = (
      await admin.data(UPSERT, { input: { ...withoutLists, name: 'Hydraulic seal kit, 12 pieces', handlingClass: 'IMPORTED' } })
    ).upsertProduct;
    expect(changed).toMatchObject({ status: 'UPDATED', product: { name: 'Hydraulic seal kit, 12 pieces', restriction: 'IMPORTED' } });
    expect(changed.product.specifications).toHaveLength(3);
    const audits = await sql<{ actor_id: string; actor_name: string; before: { name: string } | null; after: { name: string } }>(
      `select actor_id, actor_name, before, after from products.master_data_change where external_key = 'NEW-PART-0001' order by at`,
    );
    expect(audits.map((a) => [a.before?.name ?? null, a.after.name, a.actor_name])).toEqual([
      [null, 'Hydraulic seal kit', expect.stringMatching(/^client:/)],
      ['Hydraulic seal kit', 'Hydraulic seal kit, 12 pieces', 'admin@demo.staff'],
    ]);
  });

  it('refuses bad values and unknown references with codes, writing nothing', async () => {
    const base = { sku: 'NEW-PART-0002', name: 'Probe', brand: 'Probe', category: 'bearings' };
    const before = await sql(`select count(*)::int as n from products.product`);
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ category: 'no-such-category' }, 'UNKNOWN_CATEGORY', ['input', 'category']],
      [{ substitutes: ['NO-SUCH-SKU'] }, 'UNKNOWN_SUBSTITUTE', ['input', 'substitutes']],
      [{ substitutes: ['new-part-0002'] }, 'SELF_SUBSTITUTE', ['input', 'substitutes']],
      [{ packSize: 0 }, 'INVALID_PACK_SIZE', ['input', 'packSize']],
      [{ unit: 'LITRE' }, 'INVALID_UNIT', ['input', 'unit']],
      [{ images: ['http://insecure.example.com/a.jpg'] }, 'INVALID_URL', ['input', 'images']],
      [{ sku: 'has space' }, 'INVALID_SKU', ['input', 'sku']],
      [
        {
          specs: [
            { name: 'Width', value: '1' },
            { name: 'width', value: '2' },
          ],
        },
        'INVALID_SPEC',
        ['input', 'specs'],
      ],
    ];
    for (const [change, code, field] of cases) {
      const result = (await admin.data(UPSERT, { input: { ...base, ...change } })).upsertProduct;
      expect([result.status, result.userErrors[0]?.code, result.userErrors[0]?.field], code).toEqual([null, code, field]);
    }
    expect(await sql(`select count(*)::int as n from products.product`)).toEqual(before);
  });

  it('deactivates a product once: it leaves the catalog, and the audit says so', async () => {
    const first = (await erpOnly.data(DEACTIVATE, { sku: 'NEW-PART-0001' })).deactivateProduct;
    expect(first).toEqual({ status: 'UPDATED', userErrors: [] });
    expect((await erpOnly.data(DEACTIVATE, { sku: 'NEW-PART-0001' })).deactivateProduct.status).toBe('UNCHANGED');
    expect((await erpOnly.data(DEACTIVATE, { sku: 'NO-SUCH-SKU' })).deactivateProduct.userErrors).toEqual([{ code: 'UNKNOWN_SKU' }]);
    const dealer = await stack.loginAs('platinum@demo.dealer');
    const listed = await dealer.data('{ products(first: 5, filter: { search: "NEW-PART-0001" }) { nodes { sku } } }');
    expect(listed.products.nodes).toEqual([]);
    const [last] = await sql<{ before: { active: boolean }; after: { active: boolean } }>(
      `select before, after from products.master_data_change where external_key = 'NEW-PART-0001' order by at desc limit 1`,
    );
    expect([last!.before.active, last!.after.active]).toEqual([true, false]);
  });

  it('keeps inbound shipments by the ERP reference: created, moved, removed with quantity 0', async () => {
    const [product] = await sql<{ sku: string; id: string }>(
      `select sku, id from products.product where active order by sku limit 1 offset 5`,
    );
    const transit = async (input: Record<string, unknown>) =>
      (await erpOnly.data(TRANSIT, { input: { reference: 'ASN-4711', sku: product!.sku, warehouseCode: 'wh-north', ...input } }))
        .upsertInTransit;
    const rows = () =>
      sql(`select quantity, to_char(eta at time zone 'UTC', 'YYYY-MM-DD') as eta from products.in_transit where reference = 'ASN-4711'`);
    expect(await transit({ quantity: 40, eta: '2027-01-15' })).toEqual({ status: 'CREATED', userErrors: [] });
    expect(await transit({ quantity: 40, eta: '2027-01-15' })).toEqual({ status: 'UNCHANGED', userErrors: [] });
    expect(await transit({ quantity: 55, eta: '2027-01-20' })).toEqual({ status: 'UPDATED', userErrors: [] });
    expect(await rows()).toEqual([{ quantity: 55, eta: '2027-01-20' }]);
    expect(await transit({ quantity: 5, eta: '2027-02-30' })).toMatchObject({ status: null, userErrors: [{ code: 'INVALID_DATE' }] });
    expect(await transit({ quantity: 5, warehouseCode: 'WH-MOON' })).toMatchObject({
      userErrors: [{ code: 'UNKNOWN_WAREHOUSE', field: ['input', 'warehouseCode'] }],
    });
    expect(await transit({ quantity: 0 })).toEqual({ status: 'UPDATED', userErrors: [] });
    expect(await rows()).toEqual([]);
    expect(await transit({ quantity: 0 })).toEqual({ status: 'UNCHANGED', userErrors: [] });
    const audits = await sql(
      `select count(*)::int as n from products.master_data_change where subject = 'IN_TRANSIT' and external_key = 'ASN-4711'`,
    );
    expect(audits).toEqual([{ n: 3 }]);
  });

  it('is for the portal administrator and ERP clients only', async () => {
    for (const email of ['platinum@demo.dealer', 'gm@demo.staff']) {
      const client = await stack.loginAs(email);
      const result = await client.request(DEACTIVATE, { sku: 'NO-SUCH-SKU' });
      expect(result.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
    }
  });
});
