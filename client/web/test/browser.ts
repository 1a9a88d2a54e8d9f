// The browser tests' kit: the web app built as `npm start` builds it, the real graph on free ports
// (five subgraphs and the gateway over a copy of the seeded database), and Debian's Chromium driven by
// playwright-core. One browser and one stack per test file; each test opens its own contexts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

import { AxeBuilder } from '@axe-core/playwright';
import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const PASSWORD = 'demo-pass-2026';

/** Chromium from Debian's package (.ci/run installs it); the flags keep it off this machine's closed network. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Builds client/web/dist when its sources changed (the same step as npm start's prestart). */
export function buildWebApp(): void {
  execFileSync(process.execPath, [`${ROOT}scripts/build.mjs`, '--only=web'], { cwd: ROOT, stdio: 'inherit' });
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface BrowserWorld {
  stack: TestStack;
  browser: Browser;
  /** The app's origin: http://localhost:<port> (the cookie rules for localhost apply). */
  origin: string;
  stop(): Promise<void>;
}

export async function startBrowserWorld(options: Parameters<typeof startTestStack>[0] = {}): Promise<BrowserWorld> {
  buildWebApp();
  const [stack, browser] = await Promise.allSettled([startTestStack(options), launchBrowser()]).then(async ([s, b]) => {
    // One of the two failed: stop the other, so that a missing Chromium does not leave a stack running.
    if (s.status === 'fulfilled' && b.status === 'fulfilled') return [s.value, b.value] as const;
    if (s.status === 'fulfilled') await s.value.stop();
    if (b.status === 'fulfilled') await b.value.close();
    throw s.status === 'rejected' ? s.reason : (b as PromiseRejectedResult).reason;
  });
  return {
    stack,
    browser,
    origin: `http://localhost:${stack.gateway.port}`,
    stop: async () => {
      await browser.close().catch(() => undefined);
      await stack.stop();
    },
  };
}

/**
 * A screenshot of the page as it is. It goes to docs/screenshots only with SCREENSHOTS=1 (to refresh
 * the README's pictures); otherwise to a temporary folder, so that `npm test` leaves the tree clean.
 */
export async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS === '1' ? `${ROOT}docs/screenshots/` : `${tmpdir()}/dealergraph-screenshots/`;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}${name}.png`, fullPage: false });
}

/** A fresh browser profile (its own cookies) at a viewport; a phone is 390x844 with touch. */
export async function newContext(world: BrowserWorld, viewport: 'desktop' | 'phone' = 'desktop'): Promise<BrowserContext> {
  const context = await world.browser.newContext({
    baseURL: world.origin,
    ...(viewport === 'phone'
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
      : { viewport: { width: 1280, height: 900 } }),
  });
  // What the app's pages log as errors shows in the test output, beside the failure it explains.
  context.on('weberror', (error) => console.error(`[browser] ${error.error().message}`));
  context.on('console', (message) => {
    if (message.type() === 'error') console.error(`[browser console] ${message.text()}`);
  });
  return context;
}

/**
 * What the session routes answered in this context, and which requests failed, with times: printed by
 * a session test that fails, so that a race explains itself (tokens are left out).
 */
export function sessionTrail(context: BrowserContext): string[] {
  const trail: string[] = [];
  const at = () => new Date().toISOString().slice(14, 23);
  context.on('response', (response) => {
    if (!response.url().includes('/auth/')) return;
    const route = response.url().split('/auth/')[1];
    void response.text().then(
      (body) => trail.push(`${at()} ${route} ${response.status()} ${body.replace(/"accessToken":"[^"]+"/, '"accessToken":"…"')}`),
      () => trail.push(`${at()} ${route} ${response.status()} (body lost)`),
    );
  });
  context.on('requestfailed', (request) => trail.push(`${at()} FAILED ${request.url()} ${request.failure()?.errorText}`));
  context.on('page', (page) =>
    page.on('websocket', (socket) => {
      trail.push(`${at()} socket opened`);
      socket.on('close', () => trail.push(`${at()} socket closed`));
    }),
  );
  return trail;
}

/** Each page's visible text (its start) and the Web Locks it holds or waits for. */
export async function pageStates(pages: Page[]): Promise<string> {
  const states = await Promise.all(
    pages.map((page) =>
      page
        .evaluate(async () => ({ text: document.body.innerText.slice(0, 120), locks: await navigator.locks.query() }))
        .catch((cause: Error) => cause.message),
    ),
  );
  return JSON.stringify(states);
}

/** Signs in through the form, as a person does, and waits for the signed-in frame. */
export async function signIn(page: Page, email: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Serious and critical accessibility violations on the page as it is now (axe-core). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

interface Candidate {
  sku: string;
  name: string;
  stock: { available: number };
  price: { unitPrice: { amount: string } } | null;
}

/** Lines from the dealer's in-stock assortment worth about `target` at list quantity-1 prices. */
export async function linesWorth(dealer: GraphQLClient, target: number): Promise<{ sku: string; quantity: number }[]> {
  const { products } = await dealer.data<{ products: { nodes: Candidate[] } }>(
    '{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku name stock { available } price { unitPrice { amount } } } } }',
  );
  const byValue = products.nodes
    .filter((p) => p.price && p.stock.available >= 20)
    .map((p) => ({ sku: p.sku, unit: Number(p.price!.unitPrice.amount), available: p.stock.available }))
    .sort((a, b) => b.unit * b.available - a.unit * a.available);
  const lines: { sku: string; quantity: number }[] = [];
  let total = 0;
  for (const product of byValue) {
    if (total >= target) break;
    const quantity = Math.min(Math.floor(product.available / 2), Math.ceil((target - total) / (product.unit * 0.85)));
    if (quantity < 1) continue;
    lines.push({ sku: product.sku, quantity });
    total += quantity * product.unit * 0.85;
  }
  expect(total, 'the demo assortment holds enough stock for an order over 10,000.00').toBeGreaterThanOrEqual(target);
  return lines;
}
