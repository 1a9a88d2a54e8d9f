import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { createFirstAdmin, toolingDefinition } from '@dealergraph/dealers';
import { migrate, openSubgraphOrm } from '@dealergraph/runtime';
import {
  createTestDatabase,
  type GraphQLClient,
  scanSecurityEventsAfterEach,
  startTestStack,
  type TestDatabase,
  type TestStack,
  until,
} from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type ErpSimulator, startErpSimulator } from '../src/simulator/erp-simulator.js';

/**
 * The production path, from an EMPTY database (migrations only, no demo data) to a dealer's approved
 * order, as docs/PRODUCTION.md walks it: the first ADMIN made the way `npm run admin:create` makes it,
 * the graph in production mode, the ERP's endpoint registered, every master data sample of docs/samples
 * imported through the gateway in order (the ledger's, invoices.csv and payments.csv, in ledger-import.e2e), a dealer user and an approver invited, and an order that is
 * priced from the imported prices, checked against the imported credit account, approved, and sent to
 * the ERP, whose own API client (ERP_IMPORT) acknowledges, ships and invoices it. The imported dealers
 * reach the ERP as `dealer.changed`.
 */
const START = 'mutation($input: StartImportInput!) { startImport(input: $input) { job { id } userErrors { code message } } }';
const JOB = `query($id: ID!) { importJob(id: $id) { status message counts { created updated unchanged failed }
  rows(first: 20) { nodes { row key status message } } } }`;
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { invitationToken userErrors { code message } } }`;
const ACCEPT = `mutation($t: String!, $p: String!, $n: String!) { acceptInvitation(token: $t, password: $p, name: $n) { userErrors { code } } }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
  order { id number status total { amount } lines { sku quantity unitPrice { amount } } } userErrors { code message } } }`;

/** The sample files in the order a new distributor loads them: each file names only what an earlier one made. */
const SAMPLES: [kind: string, file: string, rows: number][] = [
  ['CATEGORIES', 'categories.csv', 3],
  ['WAREHOUSES', 'warehouses.csv', 3],
  ['DEALERS', 'dealers.csv', 3],
  ['DEALER_ADDRESSES', 'dealer-addresses.csv', 4],
  ['DEALER_CONTACTS', 'dealer-contacts.csv', 3],
  ['PRODUCTS', 'products.csv', 3],
  ['STOCK', 'stock.csv', 3],
  ['IN_TRANSIT', 'in-transit.csv', 2],
  ['PRICE_LIST', 'price-list.csv', 3],
  ['TIER_RULES', 'tier-rules.csv', 4],
  ['VOLUME_BREAKS', 'volume-breaks.csv', 4],
  ['PROMOTIONS', 'promotions.csv', 2],
  ['SPECIAL_PRICES', 'special-prices.csv', 2],
  ['CREDIT_ACCOUNTS', 'credit-accounts.csv', 3],
];
const sample = (name: string) => readFileSync(new URL(`../../../docs/samples/${name}`, import.meta.url)).toString('base64');
const ADMIN = { email: 'it@distributor.example', password: 'first-admin-password-2026' };
const PASSWORD = 'a-long-dealer-password-2026';

describe('production path: an empty database filled from the sample files', () => {
  let database: TestDatabase;
  let stack: TestStack;
  let erp: ErpSimulator;
  let admin: GraphQLClient;
  // Invitations and an API client are made here: none of their secrets may reach the security log.
  scanSecurityEventsAfterEach(() => stack);

  beforeAll(async () => {
    database = await createTestDatabase();
    // What `npm run admin:create` does (launcher/src/admin-create.main.ts), before the first start.
    const orm = await openSubgraphOrm(toolingDefinition, { databaseUrl: database.url, poolSize: 1 });
    try {
      await migrate(orm);
      const created = await createFirstAdmin(orm.em.fork(), { ...ADMIN, fullName: 'Ada Admin', additional: false });
      expect(created.ok).toBe(true);
    } finally {
      await orm.close(true);
    }
    stack = await startTestStack({
      database,
      production: true,
      // This test speaks GraphQL text, as an operator's script would; the web app sends persisted documents.
      gatewaySecurity: { persistedDocumentsRequired: false },
      integration: { webhooks: { firstDelaySeconds: 1, maxDelaySeconds: 2, retries: 3, timeoutMs: 1500, pollSeconds: 0.5 } },
    });
    admin = stack.client();
    await admin.login(ADMIN.email, ADMIN.password);
    erp = await startErpSimulator({ pace: { acknowledgeMs: 200, shipMs: 500, invoiceMs: 800 } });
  }, 180_000);
  afterAll(async () => {
    await erp?.stop();
    await stack?.stop();
    await database?.drop();
  });

  it('starts empty, imports every sample in order; a dealer user orders at the imported prices within the imported credit; the ERP ships and invoices', async () => {
    const sql = <T = Record<string, unknown>>(text: string) => stack.orms.integration.em.getConnection().execute<T[]>(text);
    // Nothing but the administrator: no demo data.
    expect(
      await sql(`select (select count(*)::int from dealers.dealer) as dealers, (select count(*)::int from products.product) as products,
                              (select count(*)::int from dealers.user_account) as users`),
    ).toEqual([{ dealers: 0, products: 0, users: 1 }]);

    const { createWebhookEndpoint } = await admin.data(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { secret } userErrors { code } } }`,
      { input: { url: erp.url, events: ['order.approved', 'order.changed', 'dealer.changed'], description: 'the ERP' } },
    );
    expect(createWebhookEndpoint.userErrors).toEqual([]);
    erp.setSecret(createWebhookEndpoint.endpoint.secret);
    // The ERP's own API client: bound to no dealer, it answers orders (acknowledge, ship, invoice).
    const { createApiClient } = await admin.data(
      'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } clientSecret userErrors { code } } }',
      { input: { name: 'ERP', scopes: ['ERP_IMPORT'] } },
    );
    expect(createApiClient.userErrors).toEqual([]);
    erp.setApi({ graphqlUrl: stack.gatewayUrl, clientId: createApiClient.client.id, clientSecret: createApiClient.clientSecret });

    const jobs = new Map<string, string>();
    for (const [kind, filename, rows] of SAMPLES) {
      const started = (await admin.data(START, { input: { kind, filename, contentBase64: sample(filename) } })).startImport;
      expect([kind, started.userErrors]).toEqual([kind, []]);
      jobs.set(kind, started.job.id);
      const job = await until(`the ${kind} import to end`, async () => {
        const j = (await admin.data(JOB, { id: started.job.id })).importJob;
        return (j.status === 'SUCCEEDED' || j.status === 'FAILED') && j;
      });
      // Every row is new: nothing was there before (tier rules and volume breaks included).
      expect([kind, job.status, job.counts], `${job.message} ${JSON.stringify(job.rows.nodes)}`).toEqual([
        kind,
        'SUCCEEDED',
        { created: rows, updated: 0, unchanged: 0, failed: 0 },
      ]);
    }

    // The imported dealers reached the ERP as dealer.changed, named by the import that made them.
    const dealerEvents = await until('dealer.changed for the three dealers', () => {
      const events = [...erp.unique.values()].filter((e) => e.type === 'dealer.changed');
      return events.length >= 3 ? events : null;
    });
    expect(dealerEvents.map((e) => (e.data.dealer as { code: string }).code).sort()).toEqual(['D9001', 'D9002', 'D9003']);
    for (const event of dealerEvents)
      expect(event.data).toMatchObject({ created: true, changedBy: `import ${jobs.get('DEALERS')} (dealers.csv)` });

    // A dealer user for D9001 (GOLD, 50,000.00 credit, ROUTE_TO_APPROVAL) and a general manager to approve its first orders.
    const dealerId = (await sql<{ id: string }>(`select id from dealers.dealer where code = 'D9001'`))[0]!.id;
    const invite = async (email: string, role: string, dealer?: string) => {
      const { inviteUser } = await admin.data(INVITE, { input: { email, role, ...(dealer ? { dealerId: dealer } : {}) } });
      expect(inviteUser.userErrors).toEqual([]);
      const accepted = (await stack.client().data(ACCEPT, { t: inviteUser.invitationToken, p: PASSWORD, n: email })).acceptInvitation;
      expect(accepted.userErrors).toEqual([]);
      const client = stack.client();
      await client.login(email, PASSWORD);
      return client;
    };
    const buyer = await invite('buyer@greatlakes-hydraulics.example', 'DEALER_ADMIN', dealerId);
    const gm = await invite('gm@distributor.example', 'GENERAL_MANAGER');

    // The catalog at the imported prices: the special price agreement beats the GOLD tier price.
    const seen = await buyer.data(`{ me { dealer { code tier credit { available { amount } } addresses { code } } }
        product(sku: "ORK-9001") { name stock { available } price(quantity: 2) { unitPrice { amount } listPrice { amount } appliedRules } } }`);
    expect(seen.me.dealer).toEqual({
      code: 'D9001',
      tier: 'GOLD',
      credit: { available: { amount: '50000.00' } },
      addresses: [{ code: 'BILL-1' }, { code: 'SHIP-1' }, { code: 'SHIP-2' }],
    });
    expect(seen.product).toEqual({
      name: 'O-ring kit NBR 70 metric 382 pieces',
      stock: { available: 52 },
      price: { unitPrice: { amount: '75.00' }, listPrice: { amount: '89.00' }, appliedRules: ['SPECIAL_PRICE'] },
    });
    const tierPriced = (await buyer.data(`{ product(sku: "ORG-9003") { price(quantity: 10) { unitPrice { amount } appliedRules } } }`))
      .product;
    expect(tierPriced.price.appliedRules).toEqual(expect.arrayContaining(['TIER', 'VOLUME_BREAK']));

    const placed = (
      await buyer.data(PLACE, {
        input: {
          idempotencyKey: randomUUID(),
          poNumber: 'PO-FIRST',
          lines: [{ sku: 'ORK-9001', quantity: 2, expectedUnitPrice: '75.00' }],
        },
      })
    ).placeOrder;
    expect(placed.userErrors).toEqual([]);
    // A new dealer's first order waits for a person (the NEW_DEALER_FIRST_ORDERS rule every database has).
    expect(placed.order).toMatchObject({ status: 'PENDING_APPROVAL', total: { amount: '150.00' } });
    const approved = (
      await gm.data('mutation($id: ID!) { approveOrder(orderId: $id) { order { status } userErrors { code message } } }', {
        id: placed.order.id,
      })
    ).approveOrder;
    expect(approved).toEqual({ order: { status: 'APPROVED' }, userErrors: [] });

    // Credit holds the order; the ERP receives it with the imported price.
    expect((await buyer.data('{ me { dealer { credit { available { amount } } } } }')).me.dealer.credit.available.amount).toBe('49850.00');
    const sent = await until('the order.approved webhook', () => [...erp.unique.values()].find((e) => e.orderId === placed.order.id));
    expect(sent.data.order).toMatchObject({
      number: placed.order.number,
      poNumber: 'PO-FIRST',
      total: '150.00',
      dealer: { code: 'D9001' },
      lines: [{ sku: 'ORK-9001', quantity: 2, unitPrice: '75.00', lineTotal: '150.00' }],
    });
    // The ERP acknowledges, ships and invoices it through its client; the dealer sees each step.
    await until('the ERP to invoice the order', () => erp.progress.get(placed.order.id)?.invoiced);
    expect(erp.progress.get(placed.order.id)?.errors).toEqual([]);
    const { order } = await buyer.data('query($id: ID!) { order(id: $id) { status erpOrderNumber carrier } }', { id: placed.order.id });
    expect(order).toEqual({ status: 'SHIPPED', erpOrderNumber: `ERP-${placed.order.number}`, carrier: 'DHL' });
    const invoices = (await buyer.data('{ me { dealer { credit { invoices(first: 5) { nodes { amount { amount } } } } } } }')).me.dealer
      .credit.invoices.nodes;
    expect(invoices).toEqual([{ amount: { amount: '150.00' } }]);
    expect(erp.rejected).toBe(0);
  });
});
