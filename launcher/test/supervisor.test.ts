import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { freePort } from '@dealergraph/embedded-db';
import { type ErpSimulator, startErpSimulator } from '@dealergraph/integration';
import { createTestDatabase, GraphQLClient, type TestDatabase } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { orderableSkus } from './support/orderable-skus.js';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from './support/otlp-receiver.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PLACE_TRACED =
  'mutation PlaceTraced($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } userErrors { code } } }';
const PAGE = '{ products(first: 3) { totalCount nodes { sku stock { available } price(quantity: 10) { unitPrice { amount } } } } }';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The command line of a running process, from /proc. */
function commandLine(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
}

/**
 * `npm start` as a user runs it (its prestart build, then the compiled launcher: one process per
 * service, each loading JavaScript from dist/), against a copy of the seeded test database.
 */
/** The processes with a metrics listener (`<NAME>_METRICS_PORT`). */
const METERED = ['gateway', 'dealers', 'products', 'prices', 'credit', 'orders', 'integration'];

describe('npm start: one process per service under a supervisor', () => {
  let database: TestDatabase;
  const ports: number[] = [];
  const metricsPorts: Record<string, number> = {};
  let launcher: ChildProcess;
  let output = '';
  let client: GraphQLClient;
  // Tracing is on, as an operator would run it with a collector: spans go to this OTLP/HTTP receiver.
  let receiver: OtlpReceiver;
  const pidOf = (name: string) => {
    const matches = [...output.matchAll(new RegExp(`\\] ${name} started \\(pid (\\d+)\\)`, 'g'))];
    return matches.length ? Number(matches.at(-1)![1]) : undefined;
  };

  beforeAll(async () => {
    database = await createTestDatabase({ seeded: true });
    receiver = await startOtlpReceiver();
    while (ports.length < 15) {
      const port = await freePort({ stable: true });
      if (!ports.includes(port)) ports.push(port);
    }
    for (const [index, name] of METERED.entries()) metricsPorts[name] = ports[8 + index];
    const scripts = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')).scripts as Record<string, string>;
    expect(scripts.prestart).toBe('node scripts/build.mjs');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    // The arguments of the start script, run on this Node (npm would put the pinned one first on PATH).
    launcher = spawn(process.execPath, scripts.start.split(' ').slice(1), {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: String(ports[0]),
        DEALERS_PORT: String(ports[1]),
        PRODUCTS_PORT: String(ports[2]),
        PRICES_PORT: String(ports[3]),
        CREDIT_PORT: String(ports[4]),
        ORDERS_PORT: String(ports[5]),
        INTEGRATION_PORT: String(ports[6]),
        ERP_SIMULATOR_PORT: String(ports[7]),
        ...Object.fromEntries(METERED.map((name, index) => [`${name.toUpperCase()}_METRICS_PORT`, String(ports[8 + index])])),
        LOG_LEVEL: 'warn',
        // Short webhook tries, so a try cut off by a killed process is tried again within the test.
        WEBHOOK_TIMEOUT_MS: '2000',
        WEBHOOK_RETRY_FIRST_SECONDS: '1',
        WEBHOOK_RETRY_MAX_SECONDS: '2',
        WEBHOOK_RETRIES: '50',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        // Export within a fifth of a second instead of five: the test waits for the spans, not for time.
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher.stdout!.on('data', (chunk) => (output += chunk));
    launcher.stderr!.on('data', (chunk) => (output += chunk));
    await until(
      'the ready line',
      () => (/\] ready in /.test(output) ? true : launcher.exitCode !== null ? Promise.reject(new Error(output)) : undefined),
      // Seven processes start on a machine that may be busy with other test files.
      300_000,
    );
    client = new GraphQLClient(`http://127.0.0.1:${ports[0]}/graphql`);
    await client.login('platinum@demo.dealer', 'demo-pass-2026');
  }, 400_000);

  afterAll(async () => {
    if (launcher && launcher.exitCode === null) launcher.kill('SIGKILL');
    await database?.drop();
    await receiver?.stop();
  });

  it('runs each service in its own process with the pinned Node', () => {
    const pids = ['dealers', 'products', 'prices', 'credit', 'orders', 'integration', 'gateway'].map(pidOf);
    expect(pids.every((pid) => pid !== undefined && alive(pid))).toBe(true);
    expect(new Set([...pids, launcher.pid]).size).toBe(8);
    expect(output).toMatch(new RegExp(`node ${process.version.replace(/\./g, '\\.')}`));
    // Compiled ahead of time: no TypeScript loader in any service process.
    expect(output).toMatch(/compiled JavaScript \(dist\/\)/);
    for (const [index, name] of ['dealers', 'products', 'prices', 'credit', 'orders', 'integration'].entries()) {
      const args = commandLine(pids[index]!);
      expect(args.at(-1)).toBe(`${ROOT}subgraphs/${name}/dist/main.js`);
      expect(args.join(' ')).not.toMatch(/swc-node/);
    }
    expect(commandLine(pids[6]!).at(-1)).toBe(`${ROOT}gateway/dist/main.js`);
    // npm test runs the Node the project pins (the `node` dev dependency), not an older system Node.
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('serves Prometheus metrics of each process on its own loopback port', async () => {
    await client.data('{ products(first: 2) { nodes { sku } } }');
    const scrape = async (name: string) => {
      const response = await fetch(`http://127.0.0.1:${metricsPorts[name]}/metrics`);
      expect(response.status).toBe(200);
      return response.text();
    };
    const gateway = await scrape('gateway');
    // Requests per operation and each subgraph call, from Hive's plugin; the process's own figures.
    expect(gateway).toMatch(/graphql_envelop_request_duration_count\{[^}]*service="gateway"[^}]*\} [1-9]/);
    expect(gateway).toMatch(/graphql_gateway_subgraph_execute_duration_count\{[^}]*subgraphName="products"[^}]*\} [1-9]/);
    expect(gateway).toMatch(/dealergraph_live_sockets\{service="gateway"\} 0/);
    expect(gateway).toMatch(/process_cpu_seconds_total\{service="gateway"\}/);
    const products = await scrape('products');
    expect(products).toMatch(/dealergraph_graphql_operations_total\{[^}]*outcome="ok"[^}]*service="products"\} [1-9]/);
    expect(products).toMatch(/dealergraph_db_pool_connections\{state="used",service="products"\} \d/);
    const orders = await scrape('orders');
    expect(orders).toMatch(/dealergraph_outbox_lag_seconds\{service="orders"\} \d/);
    expect(orders).toMatch(/dealergraph_queue_jobs\{queue="approval-deadline",state="queued",service="orders"\} \d/);
    expect(await scrape('integration')).toMatch(/dealergraph_webhook_delivery_lag_seconds\{service="integration"\} \d/);
    // Not on the public port, and nothing else on the metrics one.
    expect((await fetch(`http://127.0.0.1:${ports[0]}/metrics`)).status).not.toBe(200);
    expect((await fetch(`http://127.0.0.1:${metricsPorts.dealers}/graphql`)).status).toBe(404);
  });

  // OpenTelemetry across the processes, exported over OTLP/HTTP (JSON) to a real receiver: one request is
  // one trace, from the gateway through each subgraph and the signed internal calls between them to their SQL.
  it('follows one order from the gateway through orders, products and credit to their SQL, in one trace', async () => {
    const [sku] = await orderableSkus(client);
    const { placeOrder } = await client.data(PLACE_TRACED, { input: { idempotencyKey: randomUUID(), lines: [{ sku, quantity: 1 }] } });
    expect(placeOrder.userErrors).toEqual([]);
    expect(placeOrder.order.status).toBe('APPROVED');

    // The gateway's span of the operation names it; its trace is the request's.
    const operation = await until(
      'the gateway span of PlaceTraced',
      () => receiver.spans.find((s) => s.service === 'gateway' && s.name.startsWith('graphql.operation') && /PlaceTraced/.test(s.name)),
      30_000,
    );
    const inTrace = (service: string, test: (span: ReceivedSpan) => boolean = () => true) =>
      receiver.spans.filter((s) => s.traceId === operation.traceId && s.service === service && test(s));
    const sql = (span: ReceivedSpan) => span.attributes['db.system'] === 'postgresql' || span.attributes['db.system.name'] === 'postgresql';
    const servedInternal = (service: string) =>
      inTrace(service, (s) => String(s.attributes['http.target'] ?? s.attributes['url.path'] ?? '').startsWith('/internal/'));
    // Each process exports in its own batches, and a request's own span ends (and leaves) after its SQL:
    // wait for the last of them, not the first.
    await until(
      'the spans of every service, their SQL and their requests',
      () =>
        (['orders', 'credit', 'products'].every((service) => inTrace(service, sql).length > 0) &&
          ['credit', 'products'].every((service) => servedInternal(service).length > 0)) ||
        undefined,
      30_000,
    );
    // The gateway's call to orders, and the HTTP request orders served for it: its child.
    const call = inTrace('gateway', (s) => s.name === 'subgraph.execute (orders)');
    expect(call).toHaveLength(1);
    const fetches = inTrace('gateway', (s) => s.name === 'http.fetch' && s.parentSpanId === call[0].spanId);
    expect(fetches).toHaveLength(1);
    await until('the orders span of the gateway fetch', () => inTrace('orders', (s) => s.parentSpanId === fetches[0].spanId)[0], 30_000);
    expect(inTrace('orders', (s) => s.parentSpanId === fetches[0].spanId)).toHaveLength(1);
    // The signed internal calls orders made (reserve stock, hold credit) continue the same trace.
    for (const service of ['products', 'credit']) {
      const served = servedInternal(service);
      expect(served.length, `${service} served an internal call in the trace`).toBeGreaterThan(0);
      const parents = new Set(inTrace('orders').map((s) => s.spanId));
      expect(served.every((s) => parents.has(s.parentSpanId))).toBe(true);
    }
    expect(new Set(receiver.spans.filter((s) => s.traceId === operation.traceId).map((s) => s.service))).toEqual(
      new Set(['gateway', 'orders', 'products', 'credit', 'prices', 'dealers']),
    );
    expect(receiver.refused).toBe(0);
  });

  it('restarts a killed subgraph, after which the graph answers again', async () => {
    const before = await client.data(PAGE);
    expect(before.products.nodes).toHaveLength(3);
    const killed = pidOf('products')!;
    process.kill(killed, 'SIGKILL');
    const restarted = await until(
      'a new products process',
      () => {
        const pid = pidOf('products');
        return pid !== killed ? pid : undefined;
      },
      30_000,
    );
    const after = await until(
      'the page again',
      async () => {
        const result = await client.request(PAGE);
        return result.errors ? undefined : result.data;
      },
      90_000,
    );
    expect(after).toEqual(before);
    expect(output).toMatch(/products exited \(signal SIGKILL\); restarting in/);
    expect(alive(restarted!)).toBe(true);
  });

  it('delivers every approved order to the ERP exactly once by webhook-id while integration and orders are killed mid-delivery', async () => {
    const ORDERS = 16;
    const admin = new GraphQLClient(client.url);
    await admin.login('admin@demo.staff', 'demo-pass-2026');
    // A slow ERP: each delivery is in flight for a while, so a kill cuts some off halfway.
    const erp: ErpSimulator = await startErpSimulator({ faults: { delayMs: 400 } });
    try {
      const { createWebhookEndpoint } = await admin.data(
        'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { secret } userErrors { code } } }',
        { input: { url: erp.url, events: ['order.approved'], description: 'kill test' } },
      );
      expect(createWebhookEndpoint.userErrors).toEqual([]);
      erp.setSecret(createWebhookEndpoint.endpoint.secret);
      const { products } = await client.data(
        '{ products(first: 60, filter: { inStockOnly: true }) { nodes { sku restriction stock { available } price { unitPrice { amount } appliedRules } } } }',
      );
      const skus = products.nodes
        .filter(
          (p: {
            restriction: string | null;
            stock: { available: number };
            price: { unitPrice: { amount: string }; appliedRules: string[] };
          }) =>
            !p.restriction &&
            p.stock.available >= 10 &&
            !p.price.appliedRules.includes('SPECIAL_PRICE') &&
            Number(p.price.unitPrice.amount) < 40,
        )
        .map((p: { sku: string }) => p.sku);
      const orderIds: string[] = [];
      for (let i = 0; i < ORDERS; i += 4)
        await Promise.all(
          [0, 1, 2, 3].map(async (j) => {
            const { placeOrder } = await client.data(
              'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } userErrors { code } } }',
              { input: { idempotencyKey: randomUUID(), lines: [{ sku: skus[(i + j) % skus.length], quantity: 1 }] } },
            );
            expect(placeOrder.userErrors).toEqual([]);
            expect(placeOrder.order.status).toBe('APPROVED');
            orderIds.push(placeOrder.order.id);
          }),
        );
      const kill = async (name: string) => {
        const killed = pidOf(name)!;
        process.kill(killed, 'SIGKILL');
        await until('a new ' + name + ' process', () => (pidOf(name) !== killed ? true : undefined), 30_000);
      };
      // Integration dies with deliveries in flight; orders dies with events still to hand over.
      await until('the first deliveries in flight', () => (erp.received.length >= 1 ? true : undefined), 60_000);
      const atKill = erp.unique.size;
      await kill('integration');
      await kill('orders');
      await until(
        'every order at the ERP',
        () => (orderIds.every((id) => [...erp.unique.values()].some((e) => e.orderId === id)) ? true : undefined),
        180_000,
      );

      const mine = [...erp.unique.values()].filter((e) => orderIds.includes(e.orderId!));
      expect(mine).toHaveLength(ORDERS); // once each by webhook-id
      expect(new Set(mine.map((e) => e.orderId))).toEqual(new Set(orderIds));
      expect(mine.every((e) => e.type === 'order.approved')).toBe(true);
      // At least once underneath: a try the kill cut off may arrive twice, always with the same webhook-id.
      const ids = new Set(mine.map((e) => e.webhookId));
      const again = erp.received.filter((e) => ids.has(e.webhookId));
      expect(again.length).toBeGreaterThanOrEqual(ORDERS);
      expect(erp.rejected).toBe(0);
      console.log(
        `[kill test] ${ORDERS} orders, ${atKill} at the ERP when integration was killed, ${again.length - ORDERS} tries repeated, all de-duplicated by webhook-id`,
      );
    } finally {
      await erp.stop();
    }
  }, 300_000);

  it('stops every service and then itself on SIGINT', async () => {
    const pids = ['dealers', 'products', 'prices', 'credit', 'orders', 'integration', 'gateway'].map((name) => pidOf(name)!);
    launcher.kill('SIGINT');
    const code = await new Promise((resolve) => launcher.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(0);
    expect(output).toMatch(/\] stopped/);
    expect(pids.filter(alive)).toEqual([]);
  });
});
