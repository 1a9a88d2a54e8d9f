// The portal's later screens, in Chromium against the real graph: an invitation accepted from its
// link, the Security page (sessions ended, two-factor sign-in turned on with the QR code and off
// again), the approver's inbox filtered, sorted and rejected in bulk with a reason on a phone, the
// due-date calendar, a product picture under the page's Content-Security-Policy, and the header at
// 360, 390, 1280 and 1440 px. One stack for the file; each test its own contexts.
import { readFileSync } from 'node:fs';

import type { GraphQLClient } from '@dealergraph/testing';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type BrowserWorld, linesWorth, newContext, ROOT, seriousViolations, shoot, signIn, startBrowserWorld } from './browser.js';

describe('portal security, inbox and account screens in Chromium', () => {
  let world: BrowserWorld;
  let dealerApi: GraphQLClient;

  beforeAll(async () => {
    world = await startBrowserWorld({ gatewaySecurity: { signInBurst: 200, sessionCheckTtlMs: 0 } });
    dealerApi = await world.stack.loginAs('platinum@demo.dealer');
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('an invited user opens the link, chooses a name and password, and is signed in', async () => {
    const admin = await (await newContext(world)).newPage();
    admin.setDefaultTimeout(20_000);
    await signIn(admin, 'platinum@demo.dealer', '/users');
    await admin.getByLabel('Their email').fill('new.clerk@demo.dealer');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    const link = (await admin.locator('code').filter({ hasText: '/accept-invitation#token=' }).innerText()).trim();
    expect(link.startsWith(`${world.origin}/accept-invitation#token=`)).toBe(true);
    await admin.context().close();

    const invitee = await (await newContext(world)).newPage();
    invitee.setDefaultTimeout(20_000);
    await invitee.goto(link);
    await invitee.getByRole('heading', { name: 'Create your account' }).waitFor();
    expect(await seriousViolations(invitee)).toEqual([]);
    await invitee.getByLabel('Your full name').fill('New Clerk');
    await invitee.getByLabel('Choose a password').fill('short');
    await invitee.getByLabel('Repeat the password').fill('short');
    await invitee.getByRole('button', { name: 'Create account and sign in' }).click();
    await invitee.getByText('Use 12 characters or more.').waitFor();
    await invitee.getByLabel('Choose a password').fill('a-new-clerk-password-2026');
    await invitee.getByLabel('Repeat the password').fill('a-new-clerk-password-2026');
    await invitee.getByRole('button', { name: 'Create account and sign in' }).click();
    await invitee.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(new URL(invitee.url()).pathname).toBe('/');
    const clerk = world.stack.client();
    await clerk.login('new.clerk@demo.dealer', 'a-new-clerk-password-2026');
    expect((await clerk.data('{ me { email fullName role } }')).me).toEqual({
      email: 'new.clerk@demo.dealer',
      fullName: 'New Clerk',
      role: 'ORDER_ENTRY',
    });

    // The link works once: opened again, it says so.
    const again = await (await newContext(world)).newPage();
    await again.goto(link);
    await again.getByLabel('Your full name').fill('Someone Else');
    await again.getByLabel('Choose a password').fill('another-password-2026');
    await again.getByLabel('Repeat the password').fill('another-password-2026');
    await again.getByRole('button', { name: 'Create account and sign in' }).click();
    await again.getByRole('alert').getByText('This invitation was used already. Sign in with your account.').waitFor();
    await invitee.context().close();
    await again.context().close();
  });

  it('a user ends a session on another device, and turns two-factor sign-in on (QR code) and off', async () => {
    const email = 'admin@d0040.dealer';
    const elsewhere = await world.stack.loginAs(email);
    const page = await (await newContext(world)).newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, email);
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('heading', { name: 'Where you are signed in (2)' }).waitFor();
    const sessions = page.getByRole('list', { name: 'Your sessions' }).getByRole('listitem');
    await expect.poll(() => sessions.count()).toBe(2);
    await sessions.filter({ hasText: 'this device' }).waitFor();
    await sessions
      .filter({ hasNotText: 'this device' })
      .getByRole('button', { name: /^End the session on / })
      .click();
    await page.getByText('That session has ended').waitFor();
    await page.getByRole('heading', { name: 'Where you are signed in (1)' }).waitFor();
    expect((await elsewhere.request('{ me { email } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const keyText = await page.getByText(/^Or type this key: /).innerText();
    const totp = new TOTP({ secret: Secret.fromBase32(keyText.replace('Or type this key: ', '').trim()) });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Authentication code').fill(totp.generate());
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByTestId('mfa-state').getByText('On. 10 recovery codes left.').waitFor();
    const codes = await page
      .getByRole('list', { name: /^Recovery codes/ })
      .getByRole('listitem')
      .allInnerTexts();
    expect(codes).toHaveLength(10);
    await shoot(page, 'security');
    expect(
      (await world.stack.client().data(`mutation { login(email: "${email}", password: "demo-pass-2026") { userErrors { code } } }`)).login
        .userErrors,
    ).toEqual([{ code: 'MFA_REQUIRED' }]);

    await page.getByLabel('Code from your authenticator (or a recovery code)').fill('000000');
    await page.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
    await page.getByText(/does not match/).waitFor();
    await page.getByLabel('Code from your authenticator (or a recovery code)').fill(codes[0]);
    await page.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
    await page
      .getByTestId('mfa-state')
      .getByText(/^Off\./)
      .waitFor();
    expect(
      (await world.stack.client().data(`mutation { login(email: "${email}", password: "demo-pass-2026") { userErrors { code } } }`)).login
        .userErrors,
    ).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('an approver on a phone filters and sorts the inbox, then rejects two orders at once with one reason', async () => {
    const placed: { id: string; number: string }[] = [];
    for (const key of ['web-reject-1', 'web-reject-2']) {
      const { placeOrder } = await dealerApi.data(
        'mutation($key: String!, $lines: [PlaceOrderLineInput!]) { placeOrder(input: { idempotencyKey: $key, lines: $lines }) { order { id number status } userErrors { code message } } }',
        { key, lines: await linesWorth(dealerApi, 10_500) },
      );
      expect(placeOrder.order?.status, JSON.stringify(placeOrder.userErrors)).toBe('PENDING_APPROVAL');
      placed.push(placeOrder.order);
    }
    const manager = await (await newContext(world, 'phone')).newPage();
    manager.setDefaultTimeout(20_000);
    await signIn(manager, 'manager@demo.staff', '/approvals');
    await manager.getByText(/^\d+ orders wait for you$/).waitFor();
    // On a phone the filters are one tap away.
    await manager.getByText('Filter the inbox', { exact: true }).click();
    await manager.getByLabel('Order number').fill(placed[0].number);
    await manager.getByText('1 waiting orders match').waitFor();
    await expect.poll(() => manager.getByRole('checkbox', { name: /^Select SO-/ }).count()).toBe(1);
    await manager.getByRole('checkbox', { name: `Select ${placed[0].number}` }).waitFor();
    await manager.getByRole('button', { name: 'Clear filters' }).click();
    await manager.getByLabel('Sort').selectOption('NEWEST_FIRST');
    // Newest first: the two just placed lead the list, the second one first.
    const first = manager.getByRole('checkbox', { name: /^Select SO-/ }).first();
    await expect.poll(() => first.getAttribute('aria-label')).toBe(`Select ${placed[1].number}`);
    expect(await seriousViolations(manager)).toEqual([]);
    await shoot(manager, 'approvals-filters-phone');

    for (const order of placed) {
      await manager.getByRole('checkbox', { name: `Select ${order.number}` }).focus();
      await manager.keyboard.press('Space');
    }
    await manager.getByRole('button', { name: 'Reject selected (2)' }).click();
    const dialog = manager.getByRole('dialog', { name: 'Reject 2 orders' });
    await dialog.getByRole('button', { name: 'Reject 2 orders' }).click();
    await dialog.getByText('Say why, so the dealer knows what to do.').waitFor();
    await dialog.getByLabel('Reason for the dealer').fill('Split the order by project, please.');
    await dialog.getByRole('button', { name: 'Reject 2 orders' }).click();
    await manager.getByText('2 orders rejected.').waitFor();
    for (const order of placed) {
      const { order: now } = await dealerApi.data<{ order: { status: string; rejection: { reason: string } | null } }>(
        'query($id: ID!) { order(id: $id) { status rejection { reason } } }',
        { id: order.id },
      );
      expect(now).toEqual({ status: 'REJECTED', rejection: { reason: 'Split the order by project, please.' } });
    }
    await manager.context().close();
  }, 120_000);

  it('the account shows what falls due as a calendar, each due day with its amount', async () => {
    const { creditAccount } = await dealerApi.data<{
      creditAccount: { currency: string; dueCalendar: { upcoming: { start: string; amount: { amount: string } }[] } };
    }>('{ creditAccount { currency dueCalendar(horizonDays: 62, granularity: DAY) { upcoming { start amount { amount } } } } }');
    const page = await (await newContext(world)).newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, 'platinum@demo.dealer', '/account');
    await page.getByRole('button', { name: 'Calendar', pressed: true }).waitFor();
    const month = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());
    await page.getByRole('table', { name: month }).waitFor();
    const due = page.getByTestId('due-day');
    await expect.poll(() => due.count()).toBe(creditAccount.dueCalendar.upcoming.length);
    for (const day of creditAccount.dueCalendar.upcoming) {
      const amount = await page.evaluate(
        ([a, c]) => new Intl.NumberFormat(navigator.language, { style: 'currency', currency: c }).format(a as unknown as number),
        [day.amount.amount, creditAccount.currency],
      );
      const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(day.start));
      await page
        .getByRole('cell', { name: `${date} due, 1 invoices: ${amount}` })
        .or(page.getByRole('cell', { name: new RegExp(`^${date} due, \\d+ invoices: `) }))
        .first()
        .waitFor();
    }
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'account-calendar');
    await page.getByRole('button', { name: 'Weeks' }).click();
    await page.getByRole('button', { name: 'Weeks', pressed: true }).waitFor();
    expect(await page.getByRole('table', { name: month }).count()).toBe(0);
    await page.context().close();
  });

  it("shows a product's picture from the product data's image origin under the page's Content-Security-Policy", async () => {
    const { products } = await dealerApi.data<{ products: { nodes: { sku: string; name: string; images: { url: string }[] }[] } }>(
      '{ products(first: 1, filter: { inStockOnly: true }) { nodes { sku name images { url } } } }',
    );
    const [product] = products.nodes;
    const origin = new URL(product.images[0].url).origin;
    const context = await newContext(world);
    // The demo's picture host is not on this closed network: the browser is answered for it, as a CDN would.
    const png = readFileSync(`${ROOT}client/web/public/icon-192.png`);
    let served = 0;
    await context.route(`${origin}/**`, (route) => {
      served += 1;
      return route.fulfill({ status: 200, contentType: 'image/png', body: png });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await signIn(page, 'platinum@demo.dealer', `/products/${encodeURIComponent(product.sku)}`);
    const picture = page.getByRole('img', { name: product.name, exact: true });
    await picture.waitFor();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(192);
    expect(served).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    const csp = (await page.request.get('/', { headers: { accept: 'text/html' } })).headers()['content-security-policy'];
    expect(csp).toContain(`img-src 'self' data: blob: ${origin};`);
    await context.close();
  });

  it('GraphiQL uses the web app session: no token to paste', async () => {
    const page = await (await newContext(world)).newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page, 'orders@demo.dealer');
    await page.goto('/graphql');
    await page.locator('#dealergraph-session').getByText('Signed in with your web app session').waitFor();
    expect(await page.evaluate(() => document.querySelector('meta[name="viewport"]')?.getAttribute('content'))).toBe(
      'width=device-width, initial-scale=1',
    );
    // What GraphiQL sends to /graphql goes out with the session's token.
    const answer = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { email } }' }),
      });
      return ((await response.json()) as { data?: unknown }).data;
    });
    expect(answer).toEqual({ me: { email: 'orders@demo.dealer' } });
    // The web app goes on with the same (rotated) session.
    await page.goto('/orders');
    await page.getByRole('heading', { name: 'Orders' }).waitFor();
    await page.context().close();
  }, 120_000);

  it('the header fits at 360, 390, 1280 and 1440 px: every menu entry visible, nothing wider than the window', async () => {
    for (const email of ['platinum@demo.dealer', 'admin@demo.staff']) {
      for (const width of [360, 390, 1280, 1440]) {
        const context = await world.browser.newContext({ baseURL: world.origin, viewport: { width, height: 800 }, isMobile: width < 500 });
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        await signIn(page, email);
        const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
        await expect.poll(() => links.count()).toBeGreaterThan(6);
        const layout = await page.evaluate(() => {
          const nav = document.querySelector('nav')!;
          const entries = [...nav.querySelectorAll('a'), ...document.querySelectorAll('header a, header button')].map((el) => {
            const box = el.getBoundingClientRect();
            return { text: el.textContent, left: box.left, right: box.right, height: box.height };
          });
          return { page: document.documentElement.scrollWidth, window: innerWidth, nav: nav.scrollWidth - nav.clientWidth, entries };
        });
        expect(layout.page, `${email} at ${width}`).toBeLessThanOrEqual(layout.window);
        expect(layout.nav, `${email} at ${width}`).toBe(0);
        for (const entry of layout.entries) {
          expect(entry.left, `${entry.text} at ${width}`).toBeGreaterThanOrEqual(0);
          expect(entry.right, `${entry.text} at ${width}`).toBeLessThanOrEqual(width);
          expect(entry.height, `${entry.text} at ${width}: a target to touch`).toBeGreaterThanOrEqual(24);
        }
        await context.close();
      }
    }
  }, 180_000);
});
