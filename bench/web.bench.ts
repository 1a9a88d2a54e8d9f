/**
 * The web app's cold load in Chromium under 4x CPU throttling: the catalog page (a signed-in dealer,
 * empty cache) and one route change (to Orders). Prints the JavaScript transferred (gzip as served),
 * time to interactive (the search field usable and the first products listed), largest contentful
 * paint, and the route change's time. A benchmark, not a test: figures go to docs/BENCHMARKS.md.
 *   npm run bench:web            (DATABASE_URL=postgres://… reuses a seeded template)
 * Budget (issue 15): initial JavaScript <= 200 KB gzipped, LCP <= 1.5 s on localhost under this throttling.
 */
import { execFileSync } from 'node:child_process';

import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, ROOT } from '../client/web/test/browser.js';
import { benchServer, demoDatabase, seededStack } from './kit.js';

const RUNS = Number(process.env.RUNS ?? 5);

execFileSync(process.execPath, [`${ROOT}scripts/build.mjs`, '--only=web'], { stdio: 'inherit' });
const server = await benchServer();
const database = await demoDatabase(server, `bench_web_${process.pid}`);
const { stack } = await seededStack(database.url, { seed: !database.seeded });
const origin = `http://localhost:${stack.gateway.port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

interface Run {
  jsKb: number;
  tti: number;
  lcp: number;
  route: number;
}

async function once(): Promise<Run> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 900 } });
  // Signed in through the cookie route first, so that the measured load is the catalog, not the form.
  const signIn = await context.request.post('/auth/sign-in', {
    headers: { 'x-dealergraph-csrf': '1' },
    data: { email: 'platinum@demo.dealer', password: 'demo-pass-2026' },
  });
  if (!signIn.ok()) throw new Error(`sign-in: ${signIn.status()}`);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let jsBytes = 0;
  const scripts = new Set<string>();
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') scripts.add(event.requestId);
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (scripts.has(event.requestId)) jsBytes += event.encodedDataLength;
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number; __lcpElement: string };
    w.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        w.__lcp = entry.startTime;
        w.__lcpElement = (entry as unknown as { element?: Element }).element?.outerHTML.slice(0, 100) ?? '';
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto('/catalog');
  await page.getByLabel('Search products').waitFor();
  await page.getByRole('button', { name: 'Add to cart' }).first().waitFor();
  const tti = await page.evaluate(() => performance.now());
  const initialJs = jsBytes;
  const lcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
  if (process.env.TRACE) {
    // Where the time goes before the largest paint: each request's start and end, in page time.
    const entries = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .map((e) => ({ name: e.name.replace(location.origin, ''), start: e.startTime, end: e.responseEnd })),
    );
    for (const e of entries)
      console.log(`    ${e.start.toFixed(0).padStart(6)} → ${e.end.toFixed(0).padStart(6)} ms  ${e.name.slice(0, 90)}`);
    const paints = await page.evaluate(() => performance.getEntriesByType('paint').map((e) => `${e.name} ${e.startTime.toFixed(0)} ms`));
    const element = await page.evaluate(() => (window as unknown as { __lcpElement: string }).__lcpElement);
    console.log(`    ${paints.join(', ')}; LCP ${lcp.toFixed(0)} ms on ${element}; interactive ${tti.toFixed(0)} ms`);
  }
  const start = await page.evaluate(() => performance.now());
  await page.getByRole('link', { name: 'Orders' }).click();
  await page.getByRole('columnheader', { name: 'Number' }).waitFor();
  const route = (await page.evaluate(() => performance.now())) - start;
  await context.close();
  return { jsKb: initialJs / 1024, tti, lcp, route };
}

try {
  await once(); // warm the server's caches (query plans, connections), not the browser's
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await once());
  const median = (pick: (run: Run) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  console.log(`web app, catalog cold load, Chromium with 4x CPU throttling, median of ${RUNS}:`);
  console.log(`  JavaScript transferred (gzip, initial): ${median((r) => r.jsKb).toFixed(1)} KB (budget 200)`);
  console.log(`  time to interactive (products listed):  ${median((r) => r.tti).toFixed(0)} ms`);
  console.log(`  largest contentful paint:               ${median((r) => r.lcp).toFixed(0)} ms (budget 1500)`);
  console.log(`  route change to Orders (data shown):    ${median((r) => r.route).toFixed(0)} ms`);
} finally {
  await browser.close();
  await stack.stop();
  await server.stop();
}
