// The day's work in a real browser against the real graph: a dealer finds a part by a misspelled
// name, adds it, uploads an XLSX, places an order over 10,000.00 that waits; a regional manager on a
// phone (390x844) approves it from the inbox, and the dealer's open order page turns approved without
// a reload. Besides: VIEW_ONLY sees no order buttons, another dealer's order is "not found", and the
// main screens have no serious accessibility violations (axe-core). Screenshots go to docs/screenshots.

import type { GraphQLClient } from '@dealergraph/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type BrowserWorld, linesWorth, newContext, seriousViolations, shoot, signIn, startBrowserWorld } from './browser.js';

async function xlsx(lines: { sku: string; quantity: number }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Order');
  sheet.addRow(['SKU', 'Quantity']);
  for (const line of lines) sheet.addRow([line.sku, line.quantity]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A name with its first two letters of the longest word swapped: a typo the search must forgive. */
function misspell(name: string): string {
  const word = name.split(/\s+/).sort((a, b) => b.length - a.length)[0];
  return name
    .replace(word, word[1] + word[0] + word.slice(2))
    .split(/\s+/)
    .slice(0, 3)
    .join(' ');
}

describe('the dealer portal in Chromium', () => {
  let world: BrowserWorld;
  let dealerApi: GraphQLClient;

  beforeAll(async () => {
    world = await startBrowserWorld();
    dealerApi = await world.stack.loginAs('platinum@demo.dealer');
    await dealerApi.data('mutation { clearCart { userErrors { code } } }');
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('a dealer orders over 10,000.00; a manager on a phone approves it; the open order page turns approved live', async () => {
    const [part] = await linesWorth(dealerApi, 1);
    const { product } = await dealerApi.data('query($sku: String!) { product(sku: $sku) { name } }', { sku: part.sku });
    const upload = await linesWorth(dealerApi, 13_000);
    const { me } = await dealerApi.data('{ me { dealer { credit { available { amount } } } } }');
    expect(Number(me.dealer.credit.available.amount), 'the demo dealer has credit for it').toBeGreaterThan(20_000);

    const dealer = await (await newContext(world)).newPage();
    await signIn(dealer, 'platinum@demo.dealer');
    expect(await seriousViolations(dealer)).toEqual([]);
    await shoot(dealer, 'home');

    // Find the part by a misspelled name and add it.
    await dealer.getByRole('link', { name: 'Catalog' }).click();
    await dealer.getByLabel('Search products').fill(misspell(product.name));
    const item = dealer.getByRole('listitem').filter({ hasText: part.sku });
    await item.getByRole('button', { name: 'Add to cart' }).click();
    await dealer.getByText(`1 × ${part.sku} added to the cart.`).waitFor();
    expect(await seriousViolations(dealer)).toEqual([]);
    await shoot(dealer, 'catalog');

    // Upload an XLSX: every row reported, all of them into the cart.
    await dealer.getByRole('link', { name: 'Quick order' }).click();
    await dealer.getByLabel('Order file (CSV or XLSX)').setInputFiles({
      name: 'order.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx(upload),
    });
    await dealer.getByRole('button', { name: 'Upload to cart' }).click();
    await dealer.getByText(`${upload.length} of ${upload.length} rows went into the cart.`).waitFor();
    expect(await seriousViolations(dealer)).toEqual([]);
    await shoot(dealer, 'quick-order');

    // Place the order: its number shows, and it waits for approval.
    await dealer.getByRole('link', { name: 'Cart', exact: true }).click();
    await dealer.getByRole('button', { name: 'Place order' }).waitFor();
    expect(await seriousViolations(dealer)).toEqual([]);
    await shoot(dealer, 'cart');
    await dealer.getByRole('button', { name: 'Place order' }).click();
    const placed = dealer.getByText(/^Order SO-[\d-]+ is placed\.$/);
    await placed.waitFor();
    const number = (await placed.textContent())!.match(/SO-[\d-]+/)![0];
    await dealer.getByText('It waits for approval').waitFor();
    await dealer.getByRole('link', { name: `Open order ${number}` }).click();
    await expect.poll(() => dealer.getByTestId('order-status').textContent()).toBe('Waiting for approval');
    await dealer.getByText('Live', { exact: true }).waitFor();
    expect(await seriousViolations(dealer)).toEqual([]);

    // A regional manager approves it from a phone.
    const manager = await (await newContext(world, 'phone')).newPage();
    await signIn(manager, 'manager@demo.staff');
    await manager.getByRole('link', { name: 'Approvals' }).click();
    const card = manager.getByRole('listitem').filter({ hasText: number });
    await card.waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
    await shoot(manager, 'approvals-phone');
    expect(await manager.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await card.getByRole('button', { name: 'Approve' }).click();
    await manager.getByText(`Order ${number} approved.`).waitFor();

    // The dealer's page, open all along, shows it without a reload.
    await expect.poll(() => dealer.getByTestId('order-status').textContent(), { timeout: 20_000 }).toBe('Approved');
    await shoot(dealer, 'order');
    await dealer.context().close();
    await manager.context().close();
  });

  it('a manager rejects with a reason from the phone inbox', async () => {
    const { placeOrder } = await dealerApi.data(
      'mutation($lines: [PlaceOrderLineInput!]) { placeOrder(input: { idempotencyKey: "web-reject-1", lines: $lines }) { order { id number status } userErrors { code message } } }',
      { lines: await linesWorth(dealerApi, 12_000) },
    );
    expect(placeOrder.order?.status, JSON.stringify(placeOrder.userErrors)).toBe('PENDING_APPROVAL');
    const manager = await (await newContext(world, 'phone')).newPage();
    await signIn(manager, 'manager@demo.staff', '/approvals');
    const card = manager.getByRole('listitem').filter({ hasText: placeOrder.order.number });
    await card.getByRole('button', { name: 'Reject' }).click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByRole('button', { name: `Reject order ${placeOrder.order.number}` }).click();
    await dialog.getByText('Say why, so the dealer knows what to do.').waitFor();
    await dialog.getByLabel('Reason for the dealer').fill('Split it into two orders, please.');
    expect(await seriousViolations(manager)).toEqual([]);
    await dialog.getByRole('button', { name: `Reject order ${placeOrder.order.number}` }).click();
    await manager.getByText(`Order ${placeOrder.order.number} rejected.`).waitFor();
    await card.waitFor({ state: 'detached' });
    const { order } = await dealerApi.data('query($id: ID!) { order(id: $id) { status rejection { reason } } }', {
      id: placeOrder.order.id,
    });
    expect(order).toEqual({ status: 'REJECTED', rejection: { reason: 'Split it into two orders, please.' } });
    await manager.context().close();
  });

  it('a VIEW_ONLY user sees no order buttons', async () => {
    const viewer = await (await newContext(world)).newPage();
    await signIn(viewer, 'viewer@demo.dealer', '/catalog');
    await viewer.getByRole('listitem').first().waitFor();
    expect(await viewer.getByRole('button', { name: 'Add to cart' }).count()).toBe(0);
    expect(await viewer.getByRole('link', { name: 'Quick order' }).count()).toBe(0);
    await viewer.getByRole('link', { name: 'Cart', exact: true }).click();
    await viewer.getByRole('heading', { name: 'Cart' }).waitFor();
    expect(await viewer.getByRole('button', { name: 'Place order' }).count()).toBe(0);
    await viewer.context().close();
  });

  it("another dealer's order URL shows not found", async () => {
    const bronze = await world.stack.loginAs('bronze@demo.dealer');
    const { orders } = await bronze.data('{ orders(first: 1) { nodes { id } } }');
    const page = await (await newContext(world)).newPage();
    await signIn(page, 'platinum@demo.dealer', `/orders/${orders.nodes[0].id}`);
    await page.getByText('Order not found.', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the sign-in page is accessible and shows a coded refusal', async () => {
    const page = await (await newContext(world, 'phone')).newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'sign-in-phone');
    await page.getByLabel('Email').fill('platinum@demo.dealer');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or password is not right.').waitFor();
    await page.context().close();
  });

  it('serves GraphiQL at /graphql only, the manifest and the favicon on the same origin', async () => {
    const graphiql = await fetch(`${world.origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toMatch(/graphiql/i);
    const app = await fetch(`${world.origin}/`, { headers: { accept: 'text/html' } });
    expect(await app.text()).toContain('<div id="root">');
    const manifest = await fetch(`${world.origin}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect((await manifest.json()).icons.map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512', 'any']);
    expect((await fetch(`${world.origin}/favicon.ico`)).status).toBe(200);
  });
});
