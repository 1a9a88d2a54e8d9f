import { randomUUID } from 'node:crypto';

import { GraphQLClient, startTestStack, type TestStack, until } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The ERP answers through the API with its own client (ERP_IMPORT, bound to no dealer): it
 * acknowledges any dealer's order, reports its shipment and delivery, and invoices it; a client
 * bound to a dealer, or without the scope, may not.
 */
const PLACE =
  'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status total { amount } } userErrors { code message } } }';
const ACK = `mutation($input: AcknowledgeOrderInput!) { acknowledgeOrder(input: $input) {
  order { id status erpOrderNumber confirmedShipDate confirmedDeliveryDate } userErrors { code message field } } }`;
const FULFIL = `mutation($input: OrderFulfillmentInput!) { updateOrderFulfillment(input: $input) {
  order { id status carrier trackingNumber } userErrors { code message } } }`;
const INVOICE = `mutation($input: RecordInvoiceInput!) { recordInvoice(input: $input) { invoice { number } duplicate userErrors { code message } } }`;
const CREATE_CLIENT = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } clientSecret userErrors { code } } }`;

describe('the ERP answers through the API', () => {
  let stack: TestStack;
  let admin: GraphQLClient;
  let erp: GraphQLClient;
  let sku: string;

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
    const token = (await response.json()) as { access_token: string };
    const client = new GraphQLClient(stack.gatewayUrl);
    client.accessToken = token.access_token;
    return client;
  };

  const placeApproved = async (email: string) => {
    const dealer = await stack.loginAs(email);
    const { placeOrder } = await dealer.data(PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku, quantity: 1 }] } });
    expect(placeOrder.userErrors).toEqual([]);
    expect(placeOrder.order.status).toBe('APPROVED');
    return { dealer, order: placeOrder.order as { id: string; number: string; total: { amount: string } } };
  };

  beforeAll(async () => {
    stack = await startTestStack({ integration: { monitorIntervalMs: 250 } });
    admin = await stack.loginAs('admin@demo.staff');
    erp = await clientWith({ name: 'The ERP', scopes: ['ERP_IMPORT'] });
    const dealer = await stack.loginAs('platinum@demo.dealer');
    const { products } = await dealer.data(
      '{ products(first: 50, filter: { inStockOnly: true }) { nodes { sku restriction stock { available } price { unitPrice { amount } appliedRules } } } }',
    );
    sku = products.nodes.find(
      (p: { restriction: string | null; stock: { available: number }; price: { unitPrice: { amount: string }; appliedRules: string[] } }) =>
        !p.restriction &&
        p.stock.available >= 10 &&
        !p.price.appliedRules.includes('SPECIAL_PRICE') &&
        Number(p.price.unitPrice.amount) < 500,
    ).sku;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("acknowledges, ships, delivers and invoices any dealer's order; the dealer sees each step", async () => {
    const { dealer, order } = await placeApproved('platinum@demo.dealer');
    const ack = await erp.data(ACK, {
      input: { orderId: order.id, erpOrderNumber: 'ERP-1001', confirmedShipDate: '2026-12-08', confirmedDeliveryDate: '2026-12-10' },
    });
    expect(ack.acknowledgeOrder).toEqual({
      order: {
        id: order.id,
        status: 'PROCESSING',
        erpOrderNumber: 'ERP-1001',
        confirmedShipDate: '2026-12-08',
        confirmedDeliveryDate: '2026-12-10',
      },
      userErrors: [],
    });
    // A repeat (the ERP retried) changes nothing; another number is a conflict.
    expect((await erp.data(ACK, { input: { orderNumber: order.number, erpOrderNumber: 'ERP-1001' } })).acknowledgeOrder.userErrors).toEqual(
      [],
    );
    expect((await erp.data(ACK, { input: { orderId: order.id, erpOrderNumber: 'ERP-9999' } })).acknowledgeOrder.userErrors).toEqual([
      expect.objectContaining({ code: 'ERP_ORDER_NUMBER_CONFLICT' }),
    ]);

    const shipped = await erp.data(FULFIL, { input: { orderId: order.id, status: 'SHIPPED', carrier: 'DHL', trackingNumber: 'JD0001' } });
    expect(shipped.updateOrderFulfillment).toEqual({
      order: { id: order.id, status: 'SHIPPED', carrier: 'DHL', trackingNumber: 'JD0001' },
      userErrors: [],
    });
    const delivered = await erp.data(FULFIL, { input: { orderId: order.id, status: 'DELIVERED' } });
    expect(delivered.updateOrderFulfillment.order.status).toBe('DELIVERED');

    const { dealer: dealerId } = (await dealer.data('query($id: ID!) { order(id: $id) { dealer { id } } }', { id: order.id })).order;
    const invoice = await erp.data(INVOICE, {
      input: {
        externalReference: `INV-${order.number}`,
        dealerId: dealerId.id,
        number: `INV-${order.number}`,
        orderId: order.id,
        amount: order.total.amount,
        issuedAt: new Date().toISOString(),
      },
    });
    expect(invoice.recordInvoice).toMatchObject({ invoice: { number: `INV-${order.number}` }, duplicate: false, userErrors: [] });

    const seen = await dealer.data(
      'query($id: ID!) { order(id: $id) { status erpOrderNumber trackingNumber statusHistory { status comment } } }',
      {
        id: order.id,
      },
    );
    expect(seen.order).toMatchObject({ status: 'DELIVERED', erpOrderNumber: 'ERP-1001', trackingNumber: 'JD0001' });
    expect(seen.order.statusHistory.map((h: { status: string }) => h.status)).toEqual([
      'PENDING_APPROVAL',
      'APPROVED',
      'PROCESSING',
      'SHIPPED',
      'DELIVERED',
    ]);
    expect(seen.order.statusHistory[2].comment).toBe('Acknowledged by the ERP as ERP-1001.');
  });

  it('counts what the ERP writes through the API as a sync, and alerts when a sync is overdue until it is current again', async () => {
    const STATUS = '{ integrationStatus { syncs { kind state lastSuccessAt source lagSeconds } openAlerts } }';
    const invoices = async (client: GraphQLClient) =>
      (await client.data(STATUS)).integrationStatus.syncs.find((s: { kind: string }) => s.kind === 'INVOICES');
    // The invoice recorded by the ERP's client in the test before is a sync of INVOICES, visible to that client too.
    const synced = await until('INVOICES synced by the API', async () => ((await invoices(erp)).state === 'OK' ? invoices(erp) : null));
    expect(synced).toMatchObject({ source: 'api recordInvoice' });
    expect(synced.lagSeconds).toBeLessThan(120);

    const sql = stack.orms.integration.em.getConnection();
    await sql.execute(`update integration.sync_mark set last_success_at = now() - interval '2 days' where kind = 'INVOICES'`);
    expect((await invoices(admin)).state).toBe('OVERDUE');
    const ALERTS = '{ integrationAlerts(first: 20) { nodes { kind subject message resolvedAt } } }';
    const open = await until('the overdue alert', async () =>
      (await admin.data(ALERTS)).integrationAlerts.nodes.find(
        (a: { kind: string; subject: string; resolvedAt: string | null }) =>
          a.kind === 'SYNC_OVERDUE' && a.subject === 'INVOICES' && !a.resolvedAt,
      ),
    );
    expect(open.message).toMatch(/INVOICES is overdue: the schedule is daily/);

    await sql.execute(`update integration.sync_mark set last_success_at = now() where kind = 'INVOICES'`);
    await until('the alert resolved', async () =>
      (await admin.data(ALERTS)).integrationAlerts.nodes.some(
        (a: { kind: string; subject: string; resolvedAt: string | null }) =>
          a.kind === 'SYNC_OVERDUE' && a.subject === 'INVOICES' && a.resolvedAt,
      ),
    );
    // One alert per cause: the monitor ran many times while it was overdue.
    const [{ raised }] = await sql.execute(`select count(*)::int as raised from integration.integration_alert where subject = 'INVOICES'`);
    expect(raised).toBe(1);
    // The monitor is the portal administrator's; the ERP sees its syncs, not the alerts.
    expect((await erp.request(ALERTS)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('compares an invoice with lines with its order: a line billed at another price is a mismatch for finance and an alert until settled', async () => {
    const { dealer, order } = await placeApproved('platinum@demo.dealer');
    const { dealer: owner } = (await dealer.data('query($id: ID!) { order(id: $id) { dealer { id } } }', { id: order.id })).order;
    const ordered = Number(order.total.amount); // one line, quantity 1: the unit price
    const invoiceLines = (unitPrice: number) => [
      { sku, name: 'as invoiced', quantity: 1, unitPrice: unitPrice.toFixed(2), lineTotal: unitPrice.toFixed(2) },
    ];
    const record = (number: string, unitPrice: number) =>
      erp.data(INVOICE, {
        input: {
          externalReference: number,
          dealerId: owner.id,
          number,
          orderId: order.id,
          amount: unitPrice.toFixed(2),
          issuedAt: new Date().toISOString(),
          lines: invoiceLines(unitPrice),
        },
      });
    // Billed as shown: nothing to report.
    expect((await record(`INV-OK-${order.number}`, ordered)).recordInvoice.userErrors).toEqual([]);
    // Billed one cent more.
    expect((await record(`INV-X-${order.number}`, ordered + 0.01)).recordInvoice.userErrors).toEqual([]);

    const finance = await stack.loginAs('finance@demo.staff');
    const LIST =
      '{ priceMismatches(first: 50) { nodes { id invoiceNumber orderId sku kind orderedUnitPrice { amount } invoicedUnitPrice { amount } } } }';
    const mine = (await finance.data(LIST)).priceMismatches.nodes.filter((m: { orderId: string }) => m.orderId === order.id);
    expect(mine).toEqual([
      {
        id: expect.any(String),
        invoiceNumber: `INV-X-${order.number}`,
        orderId: order.id,
        sku,
        kind: 'PRICE_DIFFERS',
        orderedUnitPrice: { amount: ordered.toFixed(2) },
        invoicedUnitPrice: { amount: (ordered + 0.01).toFixed(2) },
      },
    ]);
    const ALERTS = '{ integrationAlerts(first: 50, openOnly: true) { nodes { kind message } } }';
    const alert = await until('the PRICE_MISMATCH alert', async () =>
      (await admin.data(ALERTS)).integrationAlerts.nodes.find(
        (a: { kind: string; message: string }) => a.kind === 'PRICE_MISMATCH' && a.message.includes(`INV-X-${order.number}`),
      ),
    );
    expect(alert.message).toMatch(/bills 1 line\(s\) at another price than ordered/);

    const RESOLVE =
      'mutation($id: ID!, $note: String!) { resolvePriceMismatch(id: $id, note: $note) { mismatch { resolvedBy resolutionNote } userErrors { code } } }';
    expect((await finance.data(RESOLVE, { id: mine[0].id, note: ' ' })).resolvePriceMismatch.userErrors).toEqual([
      { code: 'INVALID_NOTE' },
    ]);
    const resolved = (await finance.data(RESOLVE, { id: mine[0].id, note: 'credit note CN-1' })).resolvePriceMismatch;
    expect(resolved).toEqual({ mismatch: { resolvedBy: 'finance@demo.staff', resolutionNote: 'credit note CN-1' }, userErrors: [] });
    expect((await finance.data(RESOLVE, { id: mine[0].id, note: 'again' })).resolvePriceMismatch.userErrors).toEqual([
      { code: 'ALREADY_RESOLVED' },
    ]);
    await until(
      'the alert resolved',
      async () =>
        !(await admin.data(ALERTS)).integrationAlerts.nodes.some(
          (a: { kind: string; message: string }) => a.kind === 'PRICE_MISMATCH' && a.message.includes(`INV-X-${order.number}`),
        ),
    );
    // The dealer sees none of it.
    expect((await dealer.request(LIST)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses what is not for the ERP: an order not approved, bad dates, a client bound to a dealer or without the scope', async () => {
    const { order } = await placeApproved('gold@demo.dealer').catch(() => placeApproved('platinum@demo.dealer'));
    const refused = async (client: GraphQLClient, input: Record<string, unknown>) => {
      const result = await client.request(ACK, { input: { orderId: order.id, erpOrderNumber: 'ERP-2', ...input } });
      return result.errors?.[0]?.extensions?.code ?? result.data?.acknowledgeOrder.userErrors[0]?.code ?? 'OK';
    };
    expect(await refused(erp, { confirmedShipDate: '2026-02-30' })).toBe('INVALID_INPUT');
    expect(await refused(erp, { orderId: null })).toBe('INVALID_INPUT');
    expect(await refused(erp, { orderId: randomUUID() })).toBe('NOT_FOUND');
    const catalogOnly = await clientWith({ name: 'Catalog sync', scopes: ['CATALOG_READ'] });
    expect(await refused(catalogOnly, {})).toBe('FORBIDDEN');
    const dealerBound = await clientWith({
      name: 'Shop',
      scopes: ['ORDERS_WRITE'],
      dealerId: (await stack.loginAs('platinum@demo.dealer').then((c) => c.data('{ me { dealer { id } } }'))).me.dealer.id,
    });
    expect(await refused(dealerBound, {})).toBe('FORBIDDEN');
    const viewer = await stack.loginAs('rep@demo.staff');
    expect(await refused(viewer, {})).toBe('FORBIDDEN');
    const fulfil = await dealerBound.request(FULFIL, { input: { orderId: order.id, status: 'PROCESSING' } });
    expect(fulfil.errors?.[0]?.extensions?.code ?? fulfil.data?.updateOrderFulfillment.userErrors[0]?.code).toBe('FORBIDDEN');
    expect(await refused(erp, {})).toBe('OK');
  });
});
