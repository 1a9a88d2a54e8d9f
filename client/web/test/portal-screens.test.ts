// The portal's screens beyond the day's main path, in Chromium against the real graph: the product page
// (price by quantity from the dealer's volume breaks, stock, substitutes) with the service worker active
// (the app installs as a PWA), bulk approval in the approver's inbox, and the sign-in refusal
// SESSION_LIMIT told with what to do next, templates and reorder, special price requests (asked by a
// dealer, decided by an approver on a phone), the account, users, notifications and the dealer lookup.
// One stack for the file; each test its own contexts.
import type { GraphQLClient } from '@dealergraph/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type BrowserWorld, linesWorth, newContext, PASSWORD, seriousViolations, shoot, signIn, startBrowserWorld } from './browser.js';

/** An amount as the page formats it (the browser's locale). */
const money = (page: Page, amount: string, currency: string) =>
  page.evaluate(
    ([a, c]) => new Intl.NumberFormat(navigator.language, { style: 'currency', currency: c }).format(a as unknown as number),
    [amount, currency],
  );

describe('portal screens in Chromium', () => {
  let world: BrowserWorld;
  let dealerApi: GraphQLClient;

  beforeAll(async () => {
    // Room above the per-address sign-in budget: this file signs in some twenty times from one address.
    world = await startBrowserWorld({ gatewaySecurity: { signInBurst: 200 } });
    dealerApi = await world.stack.loginAs('platinum@demo.dealer');
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('a product page prices by quantity with the volume breaks, shows stock and substitutes; the service worker activates', async () => {
    const { products } = await dealerApi.data<{
      products: { nodes: { sku: string; name: string; stock: { status: string }; substitutes: { sku: string; name: string }[] }[] };
    }>('{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku name stock { status } substitutes { sku name } } } }');
    const product = products.nodes.find((p) => p.substitutes.length > 0) ?? products.nodes[0];
    const priceOf = async (quantity: number) =>
      (
        await dealerApi.data<{ product: { price: { unitPrice: { amount: string; currency: string } } } }>(
          'query($sku: String!, $q: Int!) { product(sku: $sku) { price(quantity: $q) { unitPrice { amount currency } } } }',
          { sku: product.sku, q: quantity },
        )
      ).product.price.unitPrice;

    const page = await (await newContext(world)).newPage();
    page.setDefaultTimeout(15_000);
    // The catalog links each product to its page.
    await signIn(page, 'platinum@demo.dealer', '/catalog');
    await page.getByLabel('Search products').fill(product.sku);
    await page.getByRole('link', { name: product.name }).first().click();
    await page.getByRole('heading', { name: product.name, level: 1 }).waitFor();
    await page.getByText(`${product.sku} ·`).waitFor();

    // The demo's default breaks, each row priced by the API at its first quantity.
    const table = page.getByRole('table', { name: 'Price by quantity (volume breaks)' });
    const rows = table.getByRole('row');
    await expect.poll(() => rows.count()).toBe(5);
    const ten = await priceOf(10);
    await expect.poll(() => rows.nth(2).innerText()).toBe(`10–49\t5 % off\t${await money(page, ten.amount, ten.currency)}`);
    expect(await rows.nth(1).getAttribute('aria-current')).toBe('true');

    // Sixty pieces: the 50–99 row, the API's unit price for 60, and how many more reach 15 %.
    await page.getByLabel('Quantity', { exact: true }).fill('60');
    const sixty = await priceOf(60);
    const forQuantity = page.getByTestId('price-for-quantity');
    await expect.poll(() => forQuantity.innerText()).toContain(`Total for 60`);
    expect(await forQuantity.innerText()).toContain(await money(page, sixty.amount, sixty.currency));
    expect(await rows.nth(3).getAttribute('aria-current')).toBe('true');
    await page.getByText('Order 40 more for 15 % volume discount.').waitFor();

    await page.getByRole('heading', { name: 'Stock' }).waitFor();
    await page.getByRole('heading', { name: 'Substitutes' }).waitFor();
    if (product.substitutes.length) await page.getByRole('link', { name: product.substitutes[0].name }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'product');

    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText(`60 × ${product.sku} added to the cart.`).waitFor();

    // The service worker (PWA): registered, activated, and in control of the page after a reload.
    const state = await page.evaluate(async () => {
      // A registration that failed would leave `ready` pending for ever: say why instead.
      const failed = navigator.serviceWorker.register('/sw.js').then(
        () => new Promise<never>(() => undefined),
        (error: Error) => `registration failed: ${error.message}`,
      );
      const activated = navigator.serviceWorker.ready.then(({ active }) =>
        active!.state === 'activated'
          ? active!.state
          : new Promise<string>((resolve) =>
              active!.addEventListener('statechange', () => active!.state === 'activated' && resolve(active!.state)),
            ),
      );
      return Promise.race([activated, failed]);
    });
    expect(state).toBe('activated');
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(
      await page.evaluate(async () => ({
        controlled: !!navigator.serviceWorker.controller,
        manifest: document.querySelector('link[rel="manifest"]')?.getAttribute('href'),
        shell: !!(await caches.match('/')),
      })),
    ).toEqual({ controlled: true, manifest: '/manifest.webmanifest', shell: true });
    await page.context().close();
  });

  it('an approver selects two waiting orders and approves both in one step', async () => {
    const placed: { id: string; number: string }[] = [];
    for (const key of ['web-bulk-1', 'web-bulk-2']) {
      const { placeOrder } = await dealerApi.data(
        'mutation($key: String!, $lines: [PlaceOrderLineInput!]) { placeOrder(input: { idempotencyKey: $key, lines: $lines }) { order { id number status } userErrors { code message } } }',
        { key, lines: await linesWorth(dealerApi, 10_500) },
      );
      expect(placeOrder.order?.status, JSON.stringify(placeOrder.userErrors)).toBe('PENDING_APPROVAL');
      placed.push(placeOrder.order);
    }
    const manager = await (await newContext(world, 'phone')).newPage();
    await signIn(manager, 'manager@demo.staff', '/approvals');
    // By keyboard (the live list may move under a pointer while it reloads).
    for (const order of placed) {
      await manager.getByRole('checkbox', { name: `Select ${order.number}` }).focus();
      await manager.keyboard.press('Space');
    }
    await manager.getByRole('button', { name: 'Approve selected (2)' }).waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
    await manager.getByRole('button', { name: 'Approve selected (2)' }).click();
    await manager.getByText('2 orders approved.').waitFor();
    for (const order of placed) await manager.getByRole('checkbox', { name: `Select ${order.number}` }).waitFor({ state: 'detached' });
    for (const order of placed) {
      const { order: now } = await dealerApi.data('query($id: ID!) { order(id: $id) { status } }', { id: order.id });
      expect(now.status).toBe('APPROVED');
    }
    await manager.context().close();
  });

  it('a sign-in refused with SESSION_LIMIT says what to do next', async () => {
    // Ten sessions used within the last minute: an eleventh sign-in ends none of them and is refused.
    for (let i = 0; i < 10; i += 1) await world.stack.loginAs('viewer@demo.dealer');
    const page = await (await newContext(world)).newPage();
    await page.goto('/');
    await page.getByLabel('Email').fill('viewer@demo.dealer');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(
        'This account is signed in on too many devices right now. Sign out on a device you no longer use (or wait a minute), then sign in again.',
      )
      .waitFor();
    await page.context().close();
  });

  it("a dealer's account, templates and reorder", async () => {
    const ordersApi = await world.stack.loginAs('orders@demo.dealer');
    const [line] = await linesWorth(ordersApi, 1);
    await ordersApi.data('mutation { clearCart { userErrors { code } } }');
    await ordersApi.data('mutation($lines: [CartLineInput!]!) { addToCart(lines: $lines) { userErrors { code } } }', {
      lines: [{ sku: line.sku, quantity: 3 }],
    });
    const { orders } = await ordersApi.data<{ orders: { nodes: { id: string; number: string }[] } }>(
      '{ orders(first: 1, filter: { status: [DELIVERED] }) { nodes { id number } } }',
    );
    const page = await (await newContext(world)).newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, 'orders@demo.dealer', '/account');

    // Account: credit with advice, invoices with their PDF, the statement as PDF and CSV.
    await page.getByRole('heading', { name: 'Account' }).waitFor();
    await page.getByRole('heading', { name: /^Invoices \(\d+\)$/ }).waitFor();
    const pdf = page.getByRole('link', { name: /\(PDF\)$/ }).first();
    const download = await fetch(`${world.origin}${await pdf.getAttribute('href')}`);
    expect([download.status, download.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    await download.arrayBuffer();
    await page.getByRole('link', { name: 'Statement CSV' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'account');

    // Templates: the cart saved under a name, then put back into an emptied cart.
    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByLabel('Template name').fill('Weekly restock');
    await page.getByRole('button', { name: 'Save cart as template' }).click();
    await page.getByText('Template "Weekly restock" is saved.').waitFor();
    await ordersApi.data('mutation { clearCart { userErrors { code } } }');
    await page.getByRole('button', { name: 'Add "Weekly restock" to cart' }).click();
    await page.getByText('The lines of "Weekly restock" are in the cart at today\'s prices.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const { cart } = await ordersApi.data('{ cart { lines { sku quantity } } }');
    expect(cart.lines).toEqual([{ sku: line.sku, quantity: 3 }]);

    // Reorder a past order: its lines go to the cart, each with then and today's price.
    await page.goto(`/orders/${orders.nodes[0].id}`);
    await page.getByRole('button', { name: 'Reorder' }).click();
    await page.getByText(`The lines of ${orders.nodes[0].number} are in the cart at today's prices.`).waitFor();
    await page.getByRole('list', { name: 'Reorder report' }).waitFor();

    await page.context().close();
  });

  it('a dealer asks for a special price and reads the notifications', async () => {
    const ordersApi = await world.stack.loginAs('orders@demo.dealer');
    const [line] = await linesWorth(ordersApi, 1);
    const page = await (await newContext(world)).newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, 'orders@demo.dealer');

    // A special price request: sent, listed as waiting.
    await page.goto(`/products/${encodeURIComponent(line.sku)}`);
    await page.getByRole('link', { name: 'Request a special price' }).click();
    expect(await page.getByLabel('Part number (SKU)').inputValue()).toBe(line.sku);
    await page.getByLabel('Quantity you plan to order').fill('200');
    await page.getByLabel('Unit price you need (optional)').fill('1,5');
    await page.getByLabel('Why (competitor offer, project, volume)').fill('Project tender in January');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Enter an amount such as 12.50.').waitFor();
    await page.getByLabel('Unit price you need (optional)').fill('1.50');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText(`Your request for ${line.sku} is sent`, { exact: false }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Project tender in January' }).getByText('Waiting for a decision').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Notifications: the feed, unread marked; all read in one step.
    await page.getByRole('link', { name: /^Notifications/ }).click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    // The feed's own count (a status line); the menu link carries one too, for screen readers.
    await page
      .getByRole('status')
      .filter({ hasText: /^\d+ unread$/ })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    if (await page.getByRole('button', { name: 'Mark all read' }).isEnabled()) {
      await page.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByText('0 unread', { exact: true }).waitFor();
    }
    await page.context().close();
  });

  it('staff decide special price requests on a phone and look up a dealer with its credit', async () => {
    const bronzeApi = await world.stack.loginAs('bronze@demo.dealer');
    const [line] = await linesWorth(bronzeApi, 1);
    const { requestSpecialPrice } = await bronzeApi.data(
      'mutation($sku: String!) { requestSpecialPrice(input: { sku: $sku, quantity: 50, reason: "Fleet contract" }) { specialPriceRequest { id } userErrors { code message } } }',
      { sku: line.sku },
    );
    expect(requestSpecialPrice.userErrors).toEqual([]);

    const gm = await (await newContext(world, 'phone')).newPage();
    gm.setDefaultTimeout(15_000);
    await signIn(gm, 'gm@demo.staff', '/special-prices');
    const request = gm.getByRole('listitem').filter({ hasText: 'Fleet contract' });
    await request.getByRole('button', { name: 'Approve' }).waitFor();
    expect(await seriousViolations(gm)).toEqual([]);
    // The dealer named no price: the approver must give one (5 % below the dealer's price today).
    await request.getByRole('button', { name: 'Approve' }).click();
    await request.getByText('Enter an amount such as 12.50.').waitFor();
    const { product } = await bronzeApi.data(
      'query($sku: String!) { product(sku: $sku) { price(quantity: 50) { unitPrice { amount } } } }',
      {
        sku: line.sku,
      },
    );
    const granted = ((Math.round(Number(product.price.unitPrice.amount) * 100) * 95) / 10_000).toFixed(2);
    await request.getByLabel(`Unit price to grant for ${line.sku}`).fill(granted);
    await request.getByRole('button', { name: 'Approve' }).click();
    await gm.getByText(`Special price for ${line.sku} (Demo Bronze Dealer) approved.`).waitFor();
    const { specialPriceRequest } = await bronzeApi.data(
      'query($id: ID!) { specialPriceRequest(id: $id) { status grantedUnitPrice { amount } } }',
      {
        id: requestSpecialPrice.specialPriceRequest.id,
      },
    );
    expect(specialPriceRequest.status).toBe('APPROVED');
    expect(specialPriceRequest.grantedUnitPrice.amount).toBe(granted);

    await gm.getByRole('link', { name: 'Dealers' }).click();
    await gm.getByLabel('Search dealers').fill('Demo Bronze');
    const bronze = gm.getByRole('listitem').filter({ hasText: 'Demo Bronze Dealer' });
    await bronze.getByText(/^Available .+ of .+ % used\)$/).waitFor();
    await bronze.getByText('Over the limit: HARD_BLOCK').waitFor();
    expect(await seriousViolations(gm)).toEqual([]);
    // Nothing wider than the phone (the menu scrolls sideways inside itself).
    const wide = await gm.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => !e.closest('nav') && e.getBoundingClientRect().right > 391)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(wide).toEqual([]);
    expect(await gm.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await gm.context().close();
  });

  it('a DEALER_ADMIN invites, changes roles, disables and enables users; others have no Users page', async () => {
    const admin = await (await newContext(world)).newPage();
    admin.setDefaultTimeout(15_000);
    await signIn(admin, 'platinum@demo.dealer');
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByLabel('Their email').fill('new.buyer@demo.dealer');
    await admin.getByLabel('Role of the new user').selectOption('ORDER_ENTRY');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText('An invitation went to new.buyer@demo.dealer; it is valid 7 days.').waitFor();
    await admin.getByText(/^new\.buyer@demo\.dealer as Order entry, until /).waitFor();
    // The role of another user changes, and a user is disabled and enabled again.
    await admin.getByLabel('Role of viewer@demo.dealer').selectOption('ORDER_ENTRY');
    await admin.getByText('viewer@demo.dealer is now Order entry; their sessions ended.').waitFor();
    await admin.getByLabel('Role of viewer@demo.dealer').selectOption('VIEW_ONLY');
    await admin.getByText('viewer@demo.dealer is now View only; their sessions ended.').waitFor();
    await admin.getByRole('button', { name: 'Disable viewer@demo.dealer' }).click();
    await admin.getByText('viewer@demo.dealer is disabled and signed out everywhere.').waitFor();
    await admin.getByRole('button', { name: 'Enable viewer@demo.dealer' }).click();
    await admin.getByText('viewer@demo.dealer can sign in again.').waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.context().close();

    // Others of the dealer have no Users page in their menu.
    const clerk = await (await newContext(world)).newPage();
    await signIn(clerk, 'orders@demo.dealer');
    expect(await clerk.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await clerk.context().close();
  });

  it('the ADMIN turns an approval rule off and on again, with an audited reason, and sees the API clients', async () => {
    const admin = await (await newContext(world)).newPage();
    admin.setDefaultTimeout(15_000);
    await signIn(admin, 'admin@demo.staff');
    await admin.getByRole('link', { name: 'Administration' }).click();
    const rule = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: 'NON_CAMPAIGN_DISCOUNT' }) });
    await rule.getByText('On', { exact: true }).waitFor();
    await rule.getByRole('button', { name: 'Turn off NON_CAMPAIGN_DISCOUNT' }).click();
    await rule.getByText('Say why: the change is audited.').waitFor();
    await rule.getByLabel('Reason for changing NON_CAMPAIGN_DISCOUNT').fill('Campaign week');
    await rule.getByRole('button', { name: 'Turn off NON_CAMPAIGN_DISCOUNT' }).click();
    await admin.getByText('Rule NON_CAMPAIGN_DISCOUNT is off.').waitFor();
    await rule.getByText('Off', { exact: true }).waitFor();
    await rule.getByLabel('Reason for changing NON_CAMPAIGN_DISCOUNT').fill('Campaign week is over');
    await rule.getByRole('button', { name: 'Turn on NON_CAMPAIGN_DISCOUNT' }).click();
    await admin.getByText('Rule NON_CAMPAIGN_DISCOUNT is on.').waitFor();
    await admin.getByRole('heading', { name: 'API clients' }).waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    const adminApi = await world.stack.loginAs('admin@demo.staff');
    const { approvalRuleChanges } = await adminApi.data(
      '{ approvalRuleChanges(ruleName: "NON_CAMPAIGN_DISCOUNT", first: 2) { nodes { reason } } }',
    );
    expect(approvalRuleChanges.nodes.map((n: { reason: string }) => n.reason)).toEqual(['Campaign week is over', 'Campaign week']);
    await admin.context().close();
  });
});
