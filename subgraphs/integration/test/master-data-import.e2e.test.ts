import { readFileSync } from 'node:fs';

import { type GraphQLClient, startTestStack, type TestStack, until } from '@dealergraph/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Master data imports (DEALERS, PRODUCTS, STOCK, IN_TRANSIT, CATEGORIES, WAREHOUSES, ...) through the real gateway: the job runs in
 * the integration subgraph and hands the rows to their owner's internal operation, which checks them,
 * writes them in one transaction with its audit, and answers each row. The sample files under
 * docs/samples are the good files; the databases are read after.
 */
const START = 'mutation($input: StartImportInput!) { startImport(input: $input) { job { id status } userErrors { code message field } } }';
const JOB = `query($id: ID!) { importJob(id: $id) { id kind status message counts { created updated unchanged failed }
  rows(first: 100) { nodes { row key status message } totalCount } } }`;

const sample = (name: string) => readFileSync(new URL(`../../../docs/samples/${name}`, import.meta.url)).toString('base64');
const csv = (lines: string[]) => Buffer.from(lines.join('\n')).toString('base64');
const statuses = (job: { rows: { nodes: { row: number; status: string }[] } }) => job.rows.nodes.map((r) => [r.row, r.status]);

describe('master data imports', () => {
  let stack: TestStack;
  let admin: GraphQLClient;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    stack.orms.integration.em.getConnection().execute<T[]>(text, params);

  const start = async (input: Record<string, unknown>) => {
    const started = (await admin.data(START, { input })).startImport;
    expect(started.userErrors).toEqual([]);
    return started.job.id as string;
  };
  const finished = (id: string) =>
    until('the import to end', async () => {
      const job = (await admin.data(JOB, { id })).importJob;
      return (job.status === 'SUCCEEDED' || job.status === 'FAILED') && job;
    });
  const importFile = async (input: Record<string, unknown>) => finished(await start(input));

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.loginAs('admin@demo.staff');
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('imports each sample file: a dry run writes nothing, the import writes and audits, the same file again changes nothing', async () => {
    const files: [string, string, number][] = [
      ['DEALERS', 'dealers.csv', 3],
      ['CREDIT_ACCOUNTS', 'credit-accounts.csv', 3],
      ['PRODUCTS', 'products.csv', 3],
      ['STOCK', 'stock.csv', 3],
      ['IN_TRANSIT', 'in-transit.csv', 2],
    ];
    for (const [kind, filename, rows] of files) {
      const dry = await importFile({ kind, filename, contentBase64: sample(filename), dryRun: true });
      expect([kind, dry.status, dry.counts]).toEqual([kind, 'SUCCEEDED', { created: rows, updated: 0, unchanged: 0, failed: 0 }]);
      const real = await importFile({ kind, filename, contentBase64: sample(filename) });
      expect([kind, real.status, real.counts], real.message).toEqual([
        kind,
        'SUCCEEDED',
        { created: rows, updated: 0, unchanged: 0, failed: 0 },
      ]);
      const again = await importFile({ kind, filename, contentBase64: sample(filename) });
      expect([kind, again.counts]).toEqual([kind, { created: 0, updated: 0, unchanged: rows, failed: 0 }]);
    }
    // The owners hold what the files said, and their projections of the new dealers' tiers.
    expect(await sql(`select code, tier, dealer_type from dealers.dealer where code like 'D90%' order by code`)).toEqual([
      { code: 'D9001', tier: 'GOLD', dealer_type: 'WHOLESALER' },
      { code: 'D9002', tier: 'SILVER', dealer_type: 'RETAILER' },
      { code: 'D9003', tier: 'BRONZE', dealer_type: 'DISTRIBUTOR' },
    ]);
    expect(
      await sql(
        `select dp.tier from prices.dealer_pricing dp join dealers.dealer d on d.id = dp.dealer_id where d.code like 'D90%' order by d.code`,
      ),
    ).toEqual([{ tier: 'GOLD' }, { tier: 'SILVER' }, { tier: 'BRONZE' }]);
    const staff = await stack.loginAs('gm@demo.staff');
    const product = (
      await staff.data(`{ product(sku: "ORG-9002") { packSize unit brand category { slug } specifications { name value unit } images { url }
        substitutes(first: 1) { sku } stock { warehouses { warehouse { code } available } } } }`)
    ).product;
    expect(product).toMatchObject({
      packSize: 100,
      unit: 'BOX',
      brand: 'Gasketeer',
      category: { slug: 'o-rings' },
      substitutes: [{ sku: 'ORG-9003' }],
    });
    expect(product.specifications).toEqual([
      { name: 'Inner diameter', value: '20', unit: 'mm' },
      { name: 'Cross section', value: '2', unit: 'mm' },
      { name: 'Material', value: 'FKM', unit: null },
    ]);
    expect(product.images).toHaveLength(2);
    expect(product.stock.warehouses).toContainEqual({ warehouse: { code: 'WH-CENTRAL' }, available: 300 });
    expect(await sql(`select quantity from products.in_transit where reference like 'ASN-2027-%' order by reference`)).toEqual([
      { quantity: 60 },
      { quantity: 500 },
    ]);
    // One audit row per record changed, naming the job; the repeats wrote none.
    const audits = await sql<{ subject: string; n: number; actor: string }>(
      `select subject, count(*)::int as n, min(actor_name) as actor from products.master_data_change group by subject order by subject`,
    );
    expect(audits.map((a) => [a.subject, a.n])).toEqual([
      ['IN_TRANSIT', 2],
      ['PRODUCT', 3],
      ['STOCK_LEVEL', 3],
    ]);
    expect(audits[0]!.actor).toMatch(/^import [0-9a-f-]{36} \(in-transit\.csv\)$/);
    expect(await sql(`select count(*)::int as n from dealers.master_data_change where external_key like 'D90%'`)).toEqual([{ n: 3 }]);
    expect(
      await sql(`select d.code, c.credit_limit::int as "limit", c.payment_terms_days as terms, c.exceedance_policy as policy
                   from credit.credit_account c join dealers.dealer d on d.id = c.dealer_id where d.code like 'D90%' order by d.code`),
    ).toEqual([
      { code: 'D9001', limit: 5_000_000, terms: 30, policy: 'ROUTE_TO_APPROVAL' },
      { code: 'D9002', limit: 2_000_000, terms: 30, policy: 'SOFT_WARNING' },
      { code: 'D9003', limit: 500_000, terms: 14, policy: 'HARD_BLOCK' },
    ]);
    expect(await sql(`select count(*)::int as n from credit.master_data_change where external_key like 'D90%'`)).toEqual([{ n: 3 }]);
  });

  it('categories and warehouses: the samples are the demo tree; a new tree in any row order; cycles and unknown parents fail', async () => {
    const samples = await Promise.all([
      importFile({ kind: 'CATEGORIES', filename: 'categories.csv', contentBase64: sample('categories.csv') }),
      importFile({ kind: 'WAREHOUSES', filename: 'warehouses.csv', contentBase64: sample('warehouses.csv') }),
    ]);
    expect(samples.map((j) => [j.status, j.counts])).toEqual([
      ['SUCCEEDED', { created: 0, updated: 0, unchanged: 3, failed: 0 }],
      ['SUCCEEDED', { created: 0, updated: 0, unchanged: 3, failed: 0 }],
    ]);
    // A child before its parent, a parent that is stored, a rename.
    const tree = csv(['slug,name,parent', 'gasket-kits-small,Small Gasket Kits,gasket-kits', 'Gasket-Kits,Gasket Kits,seals-gaskets']);
    const created = await importFile({ kind: 'CATEGORIES', filename: 'tree.csv', contentBase64: tree });
    expect([created.status, created.counts]).toEqual(['SUCCEEDED', { created: 2, updated: 0, unchanged: 0, failed: 0 }]);
    expect(
      await sql(`select c.slug, p.slug as parent from products.category c join products.category p on p.id = c.parent_id
                  where c.slug like 'gasket-kits%' order by c.slug`),
    ).toEqual([
      { slug: 'gasket-kits', parent: 'seals-gaskets' },
      { slug: 'gasket-kits-small', parent: 'gasket-kits' },
    ]);
    expect((await importFile({ kind: 'CATEGORIES', filename: 'tree.csv', contentBase64: tree })).counts).toMatchObject({ unchanged: 2 });
    const categories = () => sql(`select slug, name, parent_id from products.category order by slug`);
    const before = await categories();
    const bad = await importFile({
      kind: 'CATEGORIES',
      filename: 'bad.csv',
      contentBase64: csv([
        'slug,name,parent',
        'seals-gaskets,Seals & Gaskets,gasket-kits-small',
        'new-root,New Root,',
        'orphan,Orphan,no-such-category',
        'child-of-orphan,Child,orphan',
        'Bad Slug,Bad,',
        'self,Self,self',
        'twice,Twice,',
        'TWICE,Twice,',
      ]),
    });
    expect(statuses(bad)).toEqual([
      [2, 'CATEGORY_CYCLE'],
      [3, 'OK'],
      [4, 'UNKNOWN_PARENT'],
      [5, 'UNKNOWN_PARENT'],
      [6, 'INVALID_SLUG'],
      [7, 'CATEGORY_CYCLE'],
      [8, 'DUPLICATE_KEY'],
      [9, 'DUPLICATE_KEY'],
    ]);
    expect(await categories()).toEqual(before);

    const warehouses = csv(['code,name,city', 'wh-east,East Distribution Center,Columbus', 'WH-SOUTH,South Distribution Center,Houston']);
    const stored = await importFile({ kind: 'WAREHOUSES', filename: 'w.csv', contentBase64: warehouses });
    expect([stored.status, stored.counts]).toEqual(['SUCCEEDED', { created: 1, updated: 1, unchanged: 0, failed: 0 }]);
    expect(await sql(`select code, city from products.warehouse where code in ('WH-EAST', 'WH-SOUTH') order by code`)).toEqual([
      { code: 'WH-EAST', city: 'Columbus' },
      { code: 'WH-SOUTH', city: 'Houston' },
    ]);
    expect(
      await sql(`select subject, external_key, before->>'city' as before, after->>'city' as after from products.master_data_change
                  where subject in ('CATEGORY', 'WAREHOUSE') order by subject, external_key`),
    ).toEqual([
      { subject: 'CATEGORY', external_key: 'gasket-kits', before: null, after: null },
      { subject: 'CATEGORY', external_key: 'gasket-kits-small', before: null, after: null },
      { subject: 'WAREHOUSE', external_key: 'WH-EAST', before: null, after: 'Columbus' },
      { subject: 'WAREHOUSE', external_key: 'WH-SOUTH', before: 'Dallas', after: 'Houston' },
    ]);

    // The mutations: the same rules, one row; a burst of the same upsert creates once.
    const CATEGORY = `mutation($input: UpsertCategoryInput!) { upsertCategory(input: $input) {
      status category { slug name parent { slug } } userErrors { code field } } }`;
    const WAREHOUSE = `mutation($input: UpsertWarehouseInput!) { upsertWarehouse(input: $input) {
      status warehouse { code name city } userErrors { code field } } }`;
    const burst = await Promise.all(
      Array.from({ length: 6 }, () =>
        admin.data(CATEGORY, { input: { slug: 'Hose-Clamps', name: 'Hose Clamps', parentSlug: 'gasket-kits' } }),
      ),
    );
    expect(burst.map((r) => r.upsertCategory.status).sort()).toEqual([
      'CREATED',
      'UNCHANGED',
      'UNCHANGED',
      'UNCHANGED',
      'UNCHANGED',
      'UNCHANGED',
    ]);
    expect(burst[0]!.upsertCategory.category).toEqual({ slug: 'hose-clamps', name: 'Hose Clamps', parent: { slug: 'gasket-kits' } });
    // parentSlug left out keeps the parent; null makes a root.
    expect((await admin.data(CATEGORY, { input: { slug: 'hose-clamps', name: 'Hose clamps' } })).upsertCategory).toMatchObject({
      status: 'UPDATED',
      category: { parent: { slug: 'gasket-kits' } },
    });
    expect(
      (await admin.data(CATEGORY, { input: { slug: 'hose-clamps', name: 'Hose clamps', parentSlug: null } })).upsertCategory.category,
    ).toMatchObject({ parent: null });
    expect(
      (await admin.data(CATEGORY, { input: { slug: 'gasket-kits', name: 'Gasket Kits', parentSlug: 'gasket-kits-small' } })).upsertCategory,
    ).toEqual({ status: null, category: null, userErrors: [{ code: 'CATEGORY_CYCLE', field: ['input', 'parentSlug'] }] });
    expect((await admin.data(WAREHOUSE, { input: { code: 'wh-east', name: 'East DC', city: 'Columbus' } })).upsertWarehouse).toEqual({
      status: 'UPDATED',
      warehouse: { code: 'WH-EAST', name: 'East DC', city: 'Columbus' },
      userErrors: [],
    });
    expect((await admin.data(WAREHOUSE, { input: { code: 'WH EAST', name: '', city: 'X' } })).upsertWarehouse.userErrors).toEqual([
      { code: 'INVALID_CODE', field: ['input', 'code'] },
    ]);
    expect(await sql(`select count(*)::int as n from products.category where slug = 'hose-clamps'`)).toEqual([{ n: 1 }]);
  });

  it('promotions and special price agreements: the samples, then every bad row its code and nothing written', async () => {
    for (const [kind, filename] of [
      ['DEALERS', 'dealers.csv'],
      ['PRODUCTS', 'products.csv'],
    ])
      expect((await importFile({ kind, filename, contentBase64: sample(filename) })).status).toBe('SUCCEEDED');
    const files: [string, string][] = [
      ['PROMOTIONS', 'promotions.csv'],
      ['SPECIAL_PRICES', 'special-prices.csv'],
    ];
    for (const [kind, filename] of files) {
      const real = await importFile({ kind, filename, contentBase64: sample(filename) });
      expect([kind, real.status, real.counts], real.message).toEqual([
        kind,
        'SUCCEEDED',
        { created: 2, updated: 0, unchanged: 0, failed: 0 },
      ]);
      const again = await importFile({ kind, filename, contentBase64: sample(filename) });
      expect([kind, again.counts]).toEqual([kind, { created: 0, updated: 0, unchanged: 2, failed: 0 }]);
    }
    expect(
      await sql(`select m.code, p.sku, m.discount_bp as bp, to_char(m.valid_to at time zone 'UTC', 'YYYY-MM-DD') as until
                   from prices.promotion m join products.product p on p.id = m.product_id where m.code = 'WINTER-27' order by p.sku`),
    ).toEqual([
      { code: 'WINTER-27', sku: 'ORG-9002', bp: 1000, until: '2027-04-01' },
      { code: 'WINTER-27', sku: 'ORG-9003', bp: 750, until: '2027-04-01' },
    ]);
    expect(
      await sql(`select s.reference, d.code, p.sku, s.unit_price::int as price, to_char(s.valid_to at time zone 'UTC', 'YYYY-MM-DD') as until
                   from prices.special_price s
                   join dealers.dealer d on d.id = s.dealer_id join products.product p on p.id = s.product_id
                  where s.reference like 'SPA-2026-%' order by s.reference`),
    ).toEqual([
      { reference: 'SPA-2026-0001', code: 'D9001', sku: 'ORK-9001', price: 7500, until: null },
      { reference: 'SPA-2026-0002', code: 'D9002', sku: 'ORG-9002', price: 1990, until: '2027-12-01' },
    ]);

    const promotions = () => sql(`select code, product_id, discount_bp, valid_from, valid_to from prices.promotion order by id`);
    const agreements = () =>
      sql(`select reference, dealer_id, product_id, unit_price, valid_from, valid_to from prices.special_price order by id`);
    const [beforePromotions, beforeAgreements] = [await promotions(), await agreements()];
    const badPromotions = await importFile({
      kind: 'PROMOTIONS',
      filename: 'p.csv',
      contentBase64: csv([
        'code,name,sku,discount_percent,valid_from,valid_to',
        'SUMMER-27,Summer,ORK-9001,5,2027-06-01,2027-08-31',
        'SUMMER-27,Summer,NO-SUCH-SKU,5,2027-06-01,2027-08-31',
        'SUMMER-27,Summer,ORG-9002,95,2027-06-01,2027-08-31',
        'SUMMER-27,Summer,ORG-9003,5,2027-08-31,2027-06-01',
        'SUMMER-27,Summer,ORK-9001,6,2027-06-01,2027-08-31',
        'JULY-27,July,ORG-9003,4,2027-07-01,2027-07-31',
        'AUGUST-27,August,ORG-9003,4,2027-07-15,2027-08-15',
        'BAD DATE,Bad,ORG-9002,4,31.07.2027,2027-08-15',
      ]),
    });
    expect(statuses(badPromotions)).toEqual([
      [2, 'DUPLICATE_KEY'],
      [3, 'UNKNOWN_SKU'],
      [4, 'ABSURD_DISCOUNT'],
      [5, 'INVALID_VALIDITY'],
      [6, 'DUPLICATE_KEY'],
      [7, 'OVERLAPPING_VALIDITY'],
      [8, 'OVERLAPPING_VALIDITY'],
      [9, 'INVALID_CODE'],
    ]);
    const badAgreements = await importFile({
      kind: 'SPECIAL_PRICES',
      filename: 's.csv',
      contentBase64: csv([
        'reference,dealer_code,sku,unit_price,currency,valid_from,valid_to',
        'SPA-2027-0100,D9001,ORG-9003,9.50,USD,2027-01-01,',
        'SPA-2027-0101,NO-SUCH-DEALER,ORG-9003,9.50,USD,2027-01-01,',
        'SPA-2027-0102,D9001,ORK-9001,70.00,USD,2027-02-01,2027-02-28',
        'SPA-2027-0103,D9002,ORG-9003,-1.00,USD,2027-01-01,',
        'SPA-2027-0104,D9002,ORG-9003,"9,50",USD,2027-01-01,',
        'SPA-2027-0105,D9003,ORG-9003,99999999.00,USD,2027-01-01,',
        'SPA-2027-0106,D9003,ORG-9002,9.50,USD,2027-02-30,',
      ]),
    });
    expect(statuses(badAgreements)).toEqual([
      [2, 'OK'],
      [3, 'UNKNOWN_DEALER'],
      [4, 'OVERLAPPING_VALIDITY'],
      [5, 'INVALID_AMOUNT'],
      [6, 'INVALID_AMOUNT'],
      [7, 'ABSURD_PRICE'],
      [8, 'INVALID_DATE'],
    ]);
    expect([await promotions(), await agreements()]).toEqual([beforePromotions, beforeAgreements]);

    // The mutations: the same rules, one row; a burst of one upsert creates once; the price follows.
    const PROMOTION = `mutation($input: UpsertPromotionInput!) { upsertPromotion(input: $input) { status userErrors { code field } } }`;
    const AGREEMENT = `mutation($input: UpsertSpecialPriceAgreementInput!) { upsertSpecialPriceAgreement(input: $input) {
      status userErrors { code field } } }`;
    const agreement = { reference: 'SPA-2027-0200', dealerCode: 'd0001', sku: 'org-9003', unitPrice: '8.80', validFrom: '2026-01-01' };
    const burst = await Promise.all(Array.from({ length: 5 }, () => admin.data(AGREEMENT, { input: agreement })));
    expect(burst.map((r) => r.upsertSpecialPriceAgreement.status).sort()).toEqual([
      'CREATED',
      'UNCHANGED',
      'UNCHANGED',
      'UNCHANGED',
      'UNCHANGED',
    ]);
    expect(
      (await admin.data(AGREEMENT, { input: { ...agreement, reference: 'SPA-2027-0201', validFrom: '2026-06-01' } }))
        .upsertSpecialPriceAgreement,
    ).toEqual({ status: null, userErrors: [{ code: 'OVERLAPPING_VALIDITY', field: ['input', 'validFrom'] }] });
    expect((await admin.data(AGREEMENT, { input: { ...agreement, unitPrice: '8.50' } })).upsertSpecialPriceAgreement.status).toBe(
      'UPDATED',
    );
    const promotion = {
      code: 'PROBE-27',
      name: 'Probe',
      sku: 'ORK-9001',
      discountPercent: '3',
      validFrom: '2027-05-01',
      validTo: '2027-05-31',
    };
    expect((await admin.data(PROMOTION, { input: promotion })).upsertPromotion).toEqual({ status: 'CREATED', userErrors: [] });
    expect((await admin.data(PROMOTION, { input: promotion })).upsertPromotion.status).toBe('UNCHANGED');
    expect((await admin.data(PROMOTION, { input: { ...promotion, sku: 'NOPE' } })).upsertPromotion.userErrors).toEqual([
      { code: 'UNKNOWN_SKU', field: ['input', 'sku'] },
    ]);
    expect(
      await sql(`select subject, count(*)::int as n from prices.master_data_change where subject in ('PROMOTION', 'SPECIAL_PRICE')
                  group by subject order by subject`),
    ).toEqual([
      { subject: 'PROMOTION', n: 3 },
      { subject: 'SPECIAL_PRICE', n: 4 },
    ]);
  });

  it("dealers' addresses and contacts: the samples; one default per kind; bad rows each their code; the dealer's users see them", async () => {
    expect((await importFile({ kind: 'DEALERS', filename: 'dealers.csv', contentBase64: sample('dealers.csv') })).status).toBe('SUCCEEDED');
    for (const [kind, filename, rows] of [
      ['DEALER_ADDRESSES', 'dealer-addresses.csv', 4],
      ['DEALER_CONTACTS', 'dealer-contacts.csv', 3],
    ] as const) {
      const real = await importFile({ kind, filename, contentBase64: sample(filename) });
      expect([kind, real.status, real.counts], real.message).toEqual([
        kind,
        'SUCCEEDED',
        { created: rows, updated: 0, unchanged: 0, failed: 0 },
      ]);
      expect((await importFile({ kind, filename, contentBase64: sample(filename) })).counts).toMatchObject({ unchanged: rows });
    }
    const DEALER = `query($id: ID!) { dealer(id: $id) { addresses { code kind city isDefault } contacts { email role } } }`;
    const [{ id }] = await sql<{ id: string }>(`select id from dealers.dealer where code = 'D9001'`);
    expect((await admin.data(DEALER, { id })).dealer).toEqual({
      addresses: [
        { code: 'BILL-1', kind: 'BILLING', city: 'Milwaukee', isDefault: true },
        { code: 'SHIP-1', kind: 'SHIP_TO', city: 'Cudahy', isDefault: true },
        { code: 'SHIP-2', kind: 'SHIP_TO', city: 'Milwaukee', isDefault: false },
      ],
      contacts: [
        { email: 'purchasing@greatlakes-hydraulics.example', role: 'Purchasing' },
        { email: 'ap@greatlakes-hydraulics.example', role: 'Accounts payable' },
      ],
    });
    const addresses = () => sql(`select dealer_id, code, is_default, active from dealers.dealer_address order by dealer_id, code`);
    const before = await addresses();
    const bad = await importFile({
      kind: 'DEALER_ADDRESSES',
      filename: 'a.csv',
      contentBase64: csv([
        'dealer_code,code,kind,name,street,postal_code,city,country,default',
        'D9001,SHIP-3,SHIP_TO,Dock 3,1 Dock Rd,53110,Cudahy,US,true',
        'D9001,SHIP-4,SHIP_TO,Dock 4,4 Dock Rd,53110,Cudahy,US,true',
        'NO-SUCH-DEALER,SHIP-1,SHIP_TO,X,1 Main St,1,X,US,',
        'D9002,SHIP-1,HOME,X,1 Main St,1,X,US,',
        'D9002,SHIP-2,SHIP_TO,X,1 Main St,1,X,USA,',
        'D9002,SHIP-3,SHIP_TO,X,,1,X,US,',
        'D9003,SHIP-1,SHIP_TO,X,1 Main St,1,X,US,maybe',
      ]),
    });
    expect(statuses(bad)).toEqual([
      [2, 'DUPLICATE_DEFAULT'],
      [3, 'DUPLICATE_DEFAULT'],
      [4, 'UNKNOWN_DEALER'],
      [5, 'INVALID_KIND'],
      [6, 'INVALID_COUNTRY'],
      [7, 'REQUIRED'],
      [8, 'INVALID_FLAG'],
    ]);
    expect(await addresses()).toEqual(before);

    // A new default takes the flag from the old one (both audited); the dealer's own user sees the change.
    const ADDRESS = `mutation($input: UpsertDealerAddressInput!) { upsertDealerAddress(input: $input) {
      status address { code isDefault } userErrors { code field } } }`;
    const input = {
      dealerCode: 'd9001',
      code: 'SHIP-2',
      kind: 'SHIP_TO',
      name: 'Service Center',
      street: '1900 W Canal St',
      postalCode: '53233',
      city: 'Milwaukee',
      country: 'US',
      isDefault: true,
    };
    expect((await admin.data(ADDRESS, { input })).upsertDealerAddress).toEqual({
      status: 'UPDATED',
      address: { code: 'SHIP-2', isDefault: true },
      userErrors: [],
    });
    expect((await admin.data(ADDRESS, { input })).upsertDealerAddress.status).toBe('UNCHANGED');
    expect(
      (await admin.data(DEALER, { id })).dealer.addresses.map((a: { code: string; isDefault: boolean }) => [a.code, a.isDefault]),
    ).toEqual([
      ['BILL-1', true],
      ['SHIP-2', true],
      ['SHIP-1', false],
    ]);
    expect((await admin.data(ADDRESS, { input: { ...input, dealerCode: 'NOPE' } })).upsertDealerAddress.userErrors).toEqual([
      { code: 'UNKNOWN_DEALER', field: ['input', 'dealerCode'] },
    ]);
    const CONTACT = `mutation($input: UpsertDealerContactInput!) { upsertDealerContact(input: $input) { status contact { email active } userErrors { code field } } }`;
    const left = {
      dealerCode: 'D9001',
      email: 'AP@greatlakes-hydraulics.example',
      name: 'Lee Novak',
      role: 'Accounts payable',
      phone: '+1 414 555 0103',
      active: false,
    };
    expect((await admin.data(CONTACT, { input: left })).upsertDealerContact).toEqual({
      status: 'UPDATED',
      contact: { email: 'ap@greatlakes-hydraulics.example', active: false },
      userErrors: [],
    });
    expect((await admin.data(DEALER, { id })).dealer.contacts).toEqual([
      { email: 'purchasing@greatlakes-hydraulics.example', role: 'Purchasing' },
    ]);
    expect(
      await sql(
        `select subject, count(*)::int as n from dealers.master_data_change where subject like 'DEALER_%' group by subject order by subject`,
      ),
    ).toEqual([
      { subject: 'DEALER_ADDRESS', n: 6 },
      { subject: 'DEALER_CONTACT', n: 4 },
    ]);
    // They are not dealer.changed events: nothing of them waits in the outbox.
    expect(
      await sql(`select count(*)::int as n from dealers.master_data_change where subject like 'DEALER_%' and erp_forwarded_at is null`),
    ).toEqual([{ n: 0 }]);
  });

  it('upsertCreditAccount: by dealer code, idempotent; a limit change goes into both audit trails', async () => {
    const UPSERT = `mutation($input: UpsertCreditAccountInput!) { upsertCreditAccount(input: $input) {
      status account { limit { amount } paymentTermsDays exceedancePolicy } userErrors { code field } } }`;
    const input = {
      dealerCode: 'd9003',
      creditLimit: '7500.00',
      currency: 'USD',
      paymentTermsDays: 14,
      exceedancePolicy: 'HARD_BLOCK',
      reason: 'Annual review',
    };
    const first = (await admin.data(UPSERT, { input })).upsertCreditAccount;
    expect(first).toMatchObject({ status: 'UPDATED', userErrors: [], account: { limit: { amount: '7500.00' }, paymentTermsDays: 14 } });
    expect((await admin.data(UPSERT, { input })).upsertCreditAccount.status).toBe('UNCHANGED');
    const trail = await sql(
      `select old_limit::int as old, new_limit::int as new, reason, changed_by_email as who from credit.credit_limit_change c
         join dealers.dealer d on d.id = c.dealer_id where d.code = 'D9003'`,
    );
    expect(trail).toEqual([{ old: 500_000, new: 750_000, reason: 'Annual review', who: 'admin@demo.staff' }]);
    const refusals: [Record<string, unknown>, string, string[]][] = [
      [{ dealerCode: 'NO-SUCH-DEALER' }, 'UNKNOWN_DEALER', ['input', 'dealerCode']],
      [{ creditLimit: '-1.00' }, 'INVALID_AMOUNT', ['input', 'creditLimit']],
      [{ creditLimit: '99999999999.00' }, 'ABSURD_LIMIT', ['input', 'creditLimit']],
      [{ currency: 'EUR' }, 'CURRENCY_MISMATCH', ['input', 'currency']],
      [{ paymentTermsDays: 400 }, 'INVALID_TERMS', ['input', 'paymentTermsDays']],
    ];
    for (const [change, code, field] of refusals) {
      const result = (await admin.data(UPSERT, { input: { ...input, ...change } })).upsertCreditAccount;
      expect([result.status, result.userErrors], code).toEqual([null, [{ code, field }]]);
    }
  });

  it('tier rules and volume breaks: the samples are the demo figures; a change prices at once; bad tables write nothing', async () => {
    const breaks = () =>
      sql(`select min_quantity as min, max_quantity as max, discount_bp as bp from prices.volume_break order by min_quantity`);
    const demoBreaks = await breaks();
    const samples = await Promise.all([
      importFile({ kind: 'TIER_RULES', filename: 'tier-rules.csv', contentBase64: sample('tier-rules.csv') }),
      importFile({ kind: 'VOLUME_BREAKS', filename: 'volume-breaks.csv', contentBase64: sample('volume-breaks.csv') }),
    ]);
    expect(samples.map((j) => j.counts)).toEqual([
      { created: 0, updated: 0, unchanged: 4, failed: 0 },
      { created: 0, updated: 0, unchanged: 4, failed: 0 },
    ]);
    const dealer = await stack.loginAs('bronze@demo.dealer');
    const price = async () =>
      Number(
        (await dealer.data('{ products(first: 1) { nodes { price(quantity: 1) { discountPercent } } } }')).products.nodes[0].price
          .discountPercent,
      );
    const before = await price();
    expect(before).toBeCloseTo(5, 0);
    const tiers = csv(['tier,discount_percent', 'BRONZE,7.5']);
    expect((await importFile({ kind: 'TIER_RULES', filename: 't.csv', contentBase64: tiers })).counts).toMatchObject({ updated: 1 });
    // The dealer's next request is priced with the new tier discount (2.5 points more off the list price).
    expect((await price()) - before).toBeCloseTo(2.5, 1);
    expect((await importFile({ kind: 'TIER_RULES', filename: 't.csv', contentBase64: tiers })).counts).toMatchObject({
      updated: 0,
      unchanged: 1,
    });

    const badTiers = await importFile({
      kind: 'TIER_RULES',
      filename: 't.csv',
      contentBase64: csv(['tier,discount_percent', 'GOLD,95', 'SILVER,-1', 'DIAMOND,5', 'BRONZE,5', 'bronze,6']),
    });
    expect(statuses(badTiers)).toEqual([
      [2, 'ABSURD_DISCOUNT'],
      [3, 'INVALID_PERCENT'],
      [4, 'INVALID_TIER'],
      [5, 'DUPLICATE_KEY'],
      [6, 'DUPLICATE_KEY'],
    ]);
    const badBreaks = await importFile({
      kind: 'VOLUME_BREAKS',
      filename: 'b.csv',
      contentBase64: csv(['min_quantity,max_quantity,discount_percent', '1,9,0', '5,20,3', '21,10,4', '30,,8', '40,50,9']),
      validRowsOnly: true,
    });
    expect(statuses(badBreaks)).toEqual([
      [2, 'OVERLAPPING_RANGE'],
      [3, 'OVERLAPPING_RANGE'],
      [4, 'INVALID_RANGE'],
      [5, 'OVERLAPPING_RANGE'],
      [6, 'OVERLAPPING_RANGE'],
    ]);
    expect(await breaks()).toEqual(demoBreaks);

    // A new table replaces the old one (a break not in the file is removed); the same file again changes nothing.
    const table = csv(['min_quantity,max_quantity,discount_percent', '1,24,0', '25,,12.5']);
    const replaced = await importFile({ kind: 'VOLUME_BREAKS', filename: 'b.csv', contentBase64: table });
    expect([replaced.status, replaced.counts]).toEqual(['SUCCEEDED', { created: 1, updated: 1, unchanged: 0, failed: 0 }]);
    expect(await breaks()).toEqual([
      { min: 1, max: 24, bp: 0 },
      { min: 25, max: null, bp: 1250 },
    ]);
    expect((await importFile({ kind: 'VOLUME_BREAKS', filename: 'b.csv', contentBase64: table })).counts).toMatchObject({ unchanged: 2 });
    const audits = await sql(
      `select subject, count(*)::int as n from prices.master_data_change where subject in ('TIER_RULE', 'VOLUME_BREAK')
        group by subject order by subject`,
    );
    expect(audits).toEqual([
      { subject: 'TIER_RULE', n: 1 },
      { subject: 'VOLUME_BREAK', n: 5 },
    ]);
    // Back to the demo figures for the other tests.
    await importFile({ kind: 'TIER_RULES', filename: 'tier-rules.csv', contentBase64: sample('tier-rules.csv') });
    await importFile({ kind: 'VOLUME_BREAKS', filename: 'volume-breaks.csv', contentBase64: sample('volume-breaks.csv') });
    expect(await breaks()).toEqual(demoBreaks);
  });

  it('upsertTierRule and replaceVolumeBreaks: the same rules as the files, one change at a time', async () => {
    const TIER = `mutation($input: UpsertTierRuleInput!) { upsertTierRule(input: $input) { status userErrors { code field } } }`;
    const BREAKS = `mutation($breaks: [VolumeBreakInput!]!) { replaceVolumeBreaks(breaks: $breaks) { statuses userErrors { code field } } }`;
    expect((await admin.data(TIER, { input: { tier: 'bronze', discountPercent: '5' } })).upsertTierRule).toEqual({
      status: 'UNCHANGED',
      userErrors: [],
    });
    expect((await admin.data(TIER, { input: { tier: 'GOLD', discountPercent: '16' } })).upsertTierRule.status).toBe('UPDATED');
    expect((await admin.data(TIER, { input: { tier: 'GOLD', discountPercent: '15' } })).upsertTierRule.status).toBe('UPDATED');
    expect((await admin.data(TIER, { input: { tier: 'GOLD', discountPercent: '91' } })).upsertTierRule.userErrors).toEqual([
      { code: 'ABSURD_DISCOUNT', field: ['input', 'discountPercent'] },
    ]);
    const demo = [
      { minQuantity: 1, maxQuantity: 9, discountPercent: '0' },
      { minQuantity: 10, maxQuantity: 49, discountPercent: '5' },
      { minQuantity: 50, maxQuantity: 99, discountPercent: '10' },
      { minQuantity: 100, discountPercent: '15' },
    ];
    expect((await admin.data(BREAKS, { breaks: demo })).replaceVolumeBreaks).toEqual({
      statuses: ['UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED'],
      userErrors: [],
    });
    const overlapping = [demo[0], { ...demo[1], minQuantity: 5 }];
    expect((await admin.data(BREAKS, { breaks: overlapping })).replaceVolumeBreaks).toEqual({
      statuses: [],
      userErrors: [
        { code: 'OVERLAPPING_RANGE', field: ['breaks', '0', 'minQuantity'] },
        { code: 'OVERLAPPING_RANGE', field: ['breaks', '1', 'minQuantity'] },
      ],
    });
    expect((await admin.data(BREAKS, { breaks: [] })).replaceVolumeBreaks.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['breaks'] },
    ]);
    expect(await sql(`select count(*)::int as n from prices.volume_break`)).toEqual([{ n: 4 }]);
  });

  it('reads XML the same way: the ERP export sample of the categories, then a bad XML file refused whole', async () => {
    const job = await importFile({ kind: 'CATEGORIES', filename: 'categories.xml', contentBase64: sample('categories.xml'), dryRun: true });
    expect(job.status).toBe('SUCCEEDED');
    expect(job.rows.totalCount).toBe(2);
    expect(job.counts.failed).toBe(0);
    const broken = await importFile({
      kind: 'CATEGORIES',
      filename: 'c.xml',
      contentBase64: csv(['<categories><category><slug>x</category>']),
    });
    expect([broken.status, broken.message]).toEqual(['FAILED', expect.stringMatching(/not well-formed/)]);
  });

  it('reads XLSX the same way (numbers and dates as cells)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Transit');
    sheet.addRow(['Reference', 'SKU', 'Warehouse', 'Quantity', 'ETA']);
    sheet.addRow(['ASN-2027-0001', 'ORK-9001', 'WH-NORTH', 75, new Date(Date.UTC(2027, 0, 18))]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const job = await importFile({ kind: 'IN_TRANSIT', filename: 'transit.xlsx', contentBase64: content });
    expect([job.status, job.counts]).toEqual(['SUCCEEDED', { created: 0, updated: 1, unchanged: 0, failed: 0 }]);
    expect(
      await sql(
        `select quantity, to_char(eta at time zone 'UTC', 'YYYY-MM-DD') as eta from products.in_transit where reference = 'ASN-2027-0001'`,
      ),
    ).toEqual([{ quantity: 75, eta: '2027-01-18' }]);
  });

  it('gives every bad row its code and writes nothing, unless valid rows only are asked for', async () => {
    const file = csv([
      'sku,name,brand,category,pack_size,substitutes',
      'ORG-9100,Good O-ring,SealPro,o-rings,10,',
      'ORG-9101,Unknown category,SealPro,no-such-category,1,',
      'ORG-9102,Unknown substitute,SealPro,o-rings,1,NO-SUCH-SKU',
      'ORG-9103,Twice,SealPro,o-rings,1,',
      'org-9103,Twice again,SealPro,o-rings,1,',
      'ORG-9104,Bad pack,SealPro,o-rings,0,',
      ',No SKU,SealPro,o-rings,1,',
      'ORG-9105,Bell\u0007in the name,SealPro,o-rings,1,',
    ]);
    const count = async () => (await sql<{ n: number }>(`select count(*)::int as n from products.product where sku like 'ORG-91%'`))[0]!.n;
    const job = await importFile({ kind: 'PRODUCTS', filename: 'bad.csv', contentBase64: file });
    expect(job.status).toBe('FAILED');
    expect(job.message).toMatch(/^INVALID_ROWS: 7 of 8 rows/);
    expect(job.counts).toEqual({ created: 0, updated: 0, unchanged: 0, failed: 7 });
    expect(statuses(job)).toEqual([
      [2, 'OK'],
      [3, 'UNKNOWN_CATEGORY'],
      [4, 'UNKNOWN_SUBSTITUTE'],
      [5, 'DUPLICATE_KEY'],
      [6, 'DUPLICATE_KEY'],
      [7, 'INVALID_PACK_SIZE'],
      [8, 'REQUIRED'],
      [9, 'INVALID_TEXT'],
    ]);
    expect(await count()).toBe(0);

    const partial = await importFile({ kind: 'PRODUCTS', filename: 'bad.csv', contentBase64: file, validRowsOnly: true });
    expect([partial.status, partial.counts]).toEqual(['SUCCEEDED', { created: 1, updated: 0, unchanged: 0, failed: 7 }]);
    expect(await count()).toBe(1);
  });

  it('reports unknown references, duplicates and bad values of stock, shipments and dealers', async () => {
    const stock = await importFile({
      kind: 'STOCK',
      filename: 'stock.csv',
      contentBase64: csv([
        'sku,warehouse,on_hand',
        'ORK-9001,WH-NORTH,41',
        'NO-SUCH-SKU,WH-NORTH,1',
        'ORK-9001,WH-MOON,1',
        'ORG-9002,wh-central,-3',
        'ORG-9003,WH-SOUTH,1',
        'org-9003,wh-south,2',
      ]),
    });
    expect(statuses(stock)).toEqual([
      [2, 'OK'],
      [3, 'UNKNOWN_SKU'],
      [4, 'UNKNOWN_WAREHOUSE'],
      [5, 'INVALID_QUANTITY'],
      [6, 'DUPLICATE_KEY'],
      [7, 'DUPLICATE_KEY'],
    ]);
    expect(
      await sql(
        `select sum(on_hand)::int as n from products.stock_level s join products.product p on p.id = s.product_id where p.sku = 'ORK-9001'`,
      ),
    ).toEqual([{ n: 52 }]);
    const transit = await importFile({
      kind: 'IN_TRANSIT',
      filename: 't.csv',
      contentBase64: csv([
        'reference,sku,warehouse,quantity,eta',
        'ASN-X1,ORK-9001,WH-NORTH,5,2027-02-30',
        'ASN-X2,NOPE,WH-NORTH,5,',
        'ASN-X3,ORK-9001,WH-NORTH,1.5,',
      ]),
      dryRun: true,
    });
    expect(statuses(transit)).toEqual([
      [2, 'INVALID_DATE'],
      [3, 'UNKNOWN_SKU'],
      [4, 'INVALID_QUANTITY'],
    ]);
    const dealers = await importFile({
      kind: 'DEALERS',
      filename: 'd.csv',
      contentBase64: csv([
        'code,name,tier,region,city,email',
        'D9101,A,DIAMOND,Midwest,Omaha,a@example.com',
        'D9102,B,GOLD,Midwest,Omaha,not-an-email',
        'D9103,C,GOLD,Midwest,Omaha,c@example.com',
        'd9103,C,GOLD,Midwest,Omaha,c@example.com',
      ]),
    });
    expect(statuses(dealers)).toEqual([
      [2, 'INVALID_TIER'],
      [3, 'INVALID_EMAIL'],
      [4, 'DUPLICATE_KEY'],
      [5, 'DUPLICATE_KEY'],
    ]);
    expect(await sql(`select count(*)::int as n from dealers.dealer where code like 'D91%'`)).toEqual([{ n: 0 }]);
    const accounts = await importFile({
      kind: 'CREDIT_ACCOUNTS',
      filename: 'c.csv',
      contentBase64: csv([
        'dealer_code,credit_limit,currency,payment_terms_days,exceedance_policy',
        'D9001,60000.00,USD,30,ROUTE_TO_APPROVAL',
        'NO-SUCH-DEALER,1.00,USD,30,HARD_BLOCK',
        'D9002,"20.000,00",USD,30,SOFT_WARNING',
        'D9003,5000.00,EUR,14,HARD_BLOCK',
        'D0001,5000.00,USD,30,NEVER',
        'D0002,5000.00,USD,30,HARD_BLOCK',
        'd0002,5000.00,USD,30,HARD_BLOCK',
      ]),
    });
    expect(statuses(accounts)).toEqual([
      [2, 'OK'],
      [3, 'UNKNOWN_DEALER'],
      [4, 'INVALID_AMOUNT'],
      [5, 'CURRENCY_MISMATCH'],
      [6, 'INVALID_POLICY'],
      [7, 'DUPLICATE_KEY'],
      [8, 'DUPLICATE_KEY'],
    ]);
    expect(
      await sql(
        `select credit_limit::int as n from credit.credit_account c join dealers.dealer d on d.id = c.dealer_id where d.code = 'D9001'`,
      ),
    ).toEqual([{ n: 5_000_000 }]);
  });

  it('fails a file without its columns, or with too many rows, before any row is written', async () => {
    const missing = await importFile({ kind: 'DEALERS', filename: 'd.csv', contentBase64: csv(['code,name', 'D1,A']) });
    expect(missing).toMatchObject({ status: 'FAILED', rows: { totalCount: 0 } });
    expect(missing.message).toMatch(/^MISSING_COLUMNS: .*missing: tier, region, city, email/);
    const many = await importFile({
      kind: 'STOCK',
      filename: 's.csv',
      contentBase64: csv(['sku,warehouse,on_hand', ...Array.from({ length: 5_001 }, (_, i) => `NO-${i},WH-NORTH,1`)]),
    });
    expect(many.message).toMatch(/^TOO_MANY_ROWS/);
  });

  it('runs concurrent imports of one kind one after the other: the same file twice at once creates once', async () => {
    const file = csv(['code,name,tier,region,city,email', 'D9201,Twin Import,SILVER,Midwest,Omaha,twin@example.com']);
    const ids = await Promise.all([1, 2].map(() => start({ kind: 'DEALERS', filename: 'twin.csv', contentBase64: file })));
    const jobs = await Promise.all(ids.map(finished));
    expect(jobs.map((j) => j.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(jobs.map((j) => j.counts.created + j.counts.unchanged)).toEqual([1, 1]);
    expect(jobs.reduce((n, j) => n + j.counts.created, 0)).toBe(1);
    expect(await sql(`select count(*)::int as n from dealers.dealer where code = 'D9201'`)).toEqual([{ n: 1 }]);
  });
});
