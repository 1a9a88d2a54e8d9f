/**
 * What OpenTelemetry tracing costs: two `npm start` stacks side by side (one process per service, the
 * compiled build), one exporting every trace (OTEL_EXPORTER_OTLP_ENDPOINT, sampling everything) to an
 * OTLP/HTTP receiver in this process, the other without the variable (tracing off, the SDK not loaded).
 * Each workload runs on them in turn, in short slices, off/on/off/on…, so that the machine's other load
 * falls on both alike:
 *   - catalog: a 20-product page with stock and prices (gateway, products, prices), CONCURRENCY clients;
 *   - placeOrder: one line each (gateway, orders, products, credit, prices), 4 clients.
 * Prints per stack and workload the requests, their rate, median and p95 time, and the CPU time the seven
 * processes spent per request (from /proc, so another program's load does not count), and the spans
 * received per request.
 *
 * Run: node --import @swc-node/register/esm-register bench/tracing.bench.ts
 *   DATABASE_URL      a server to create the two bench databases on (default: an embedded PostgreSQL)
 *   BENCH_SLICES      slices per stack and workload (default 4)
 *   BENCH_SLICE_SECONDS  length of a slice (default 6)
 *   BENCH_CONCURRENCY clients of the catalog workload (default 8)
 *   BENCH_SAMPLE_RATIO OTEL_TRACES_SAMPLER_ARG of the traced stack (default 1: every request)
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

import { dropDatabase, freePort } from '@dealergraph/embedded-db';

import { startOtlpReceiver } from '../launcher/test/support/otlp-receiver.js';
import { benchServer, demoDatabase, gql, percentile } from './kit.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLICES = Number(process.env.BENCH_SLICES ?? 4);
const SLICE_MS = Number(process.env.BENCH_SLICE_SECONDS ?? 6) * 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SAMPLE_RATIO = process.env.BENCH_SAMPLE_RATIO ?? '1';
const SERVICES = ['dealers', 'products', 'prices', 'credit', 'orders', 'integration', 'gateway'];
const CATALOG = '{ products(first: 20) { nodes { sku name stock { available } price(quantity: 1) { unitPrice { amount } } } } }';
const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } userErrors { code } } }';
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Stack {
  label: string;
  /** CPU ms per second the seven processes spend with no request (pg-boss polls, sweeps, scrapes of their own). */
  idleCpuPerSecond: number;
  url: string;
  token: string;
  skus: string[];
  pids: number[];
  process: ChildProcess;
}

/** CPU time (user + system) of the processes so far, in ms. */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

async function startNpmStack(label: string, databaseUrl: string, env: Record<string, string>): Promise<Stack> {
  const ports: number[] = [];
  while (ports.length < 7) {
    const port = await freePort({ stable: true });
    if (!ports.includes(port)) ports.push(port);
  }
  const scripts = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')).scripts as Record<string, string>;
  let output = '';
  const child = spawn(process.execPath, scripts.start.split(' ').slice(1), {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(ports[0]),
      ...Object.fromEntries(SERVICES.slice(0, 6).map((name, index) => [`${name.toUpperCase()}_PORT`, String(ports[index + 1])])),
      ...Object.fromEntries(SERVICES.map((name) => [`${name.toUpperCase()}_METRICS_PORT`, 'off'])),
      ERP_SIMULATOR: 'false',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  while (!/\] ready in /.test(output)) {
    if (child.exitCode !== null) throw new Error(output);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const pids = SERVICES.map((name) => Number(output.match(new RegExp(`\\] ${name} started \\(pid (\\d+)\\)`))![1]));
  const url = `http://127.0.0.1:${ports[0]}/graphql`;
  const { login } = await gql(url, null, 'mutation { login(email: "platinum@demo.dealer", password: "demo-pass-2026") { accessToken } }');
  const { products } = await gql(
    url,
    login.accessToken,
    '{ products(first: 60, filter: { inStockOnly: true }) { nodes { sku restriction stock { available } price { unitPrice { amount } } } } }',
  );
  const skus = products.nodes
    .filter((p: any) => !p.restriction && p.stock.available >= 200 && Number(p.price.unitPrice.amount) < 40)
    .map((p: any) => p.sku);
  return { label, url, token: login.accessToken, skus, pids, process: child, idleCpuPerSecond: 0 };
}

type Workload = (stack: Stack, i: number) => Promise<unknown>;
const WORKLOADS: { name: string; clients: number; run: Workload }[] = [
  { name: 'catalog', clients: CONCURRENCY, run: (s) => gql(s.url, s.token, CATALOG) },
  {
    name: 'placeOrder',
    clients: 4,
    run: (s, i) =>
      gql(s.url, s.token, PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku: s.skus[i % s.skus.length], quantity: 1 }] } }),
  },
];

interface Tally {
  times: number[];
  cpuMs: number;
  wallMs: number;
}

/** Runs one workload on one stack for a slice; adds its request times and CPU time to the tally. */
async function slice(stack: Stack, workload: (typeof WORKLOADS)[number], tally: Tally) {
  const end = Date.now() + SLICE_MS;
  const cpuBefore = cpuMs(stack.pids);
  const started = performance.now();
  let counter = 0;
  await Promise.all(
    Array.from({ length: workload.clients }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await workload.run(stack, counter++);
        tally.times.push(performance.now() - t);
      }
    }),
  );
  tally.wallMs += performance.now() - started;
  tally.cpuMs += cpuMs(stack.pids) - cpuBefore;
}

const server = await benchServer();
const names = [`bench_trace_off_${process.pid}`, `bench_trace_on_${process.pid}`];
const receiver = await startOtlpReceiver();
const stacks: Stack[] = [];
try {
  const databases = await Promise.all(names.map((name) => demoDatabase(server, name)));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  console.log(`starting two stacks (tracing off, tracing on sampling ${SAMPLE_RATIO})…`);
  stacks.push(await startNpmStack('off', databases[0].url, {}));
  stacks.push(
    await startNpmStack('on', databases[1].url, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_TRACES_SAMPLER_ARG: SAMPLE_RATIO }),
  );
  // The background work of each stack, measured idle: taken off the CPU of the slices, so that the stack
  // that answers fewer requests in a slice is not charged more of it per request.
  for (const stack of stacks) {
    const before = cpuMs(stack.pids);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    stack.idleCpuPerSecond = (cpuMs(stack.pids) - before) / 10;
  }
  console.log(`idle CPU: ${stacks.map((s) => `${s.label} ${s.idleCpuPerSecond.toFixed(1)} ms/s`).join(', ')}`);
  for (const workload of WORKLOADS) {
    // Warm-up: plans, pools and JIT of both.
    for (const stack of stacks) await Promise.all(Array.from({ length: 20 }, (_, i) => workload.run(stack, i)));
    const tallies = stacks.map((): Tally => ({ times: [], cpuMs: 0, wallMs: 0 }));
    const spansBefore = receiver.spans.length;
    for (let round = 0; round < SLICES; round++)
      for (const [index, stack] of (round % 2 ? [...stacks].reverse() : stacks).entries()) {
        const at = round % 2 ? stacks.length - 1 - index : index;
        await slice(stack, workload, tallies[at]);
      }
    await new Promise((resolve) => setTimeout(resolve, 6_000)); // the last batch of spans
    for (const [index, stack] of stacks.entries()) {
      const tally = tallies[index];
      const times = [...tally.times].sort((a, b) => a - b);
      const spans =
        stack.label === 'on' ? ` ${((receiver.spans.length - spansBefore) / (times.length + 20)).toFixed(1)} spans per request;` : '';
      console.log(
        `${workload.name.padEnd(10)} tracing ${stack.label.padEnd(3)}: ${times.length} requests, ${((times.length * 1000) / tally.wallMs).toFixed(1)} req/s, median ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, CPU ${(tally.cpuMs / times.length).toFixed(2)} ms per request (${((tally.cpuMs - (stack.idleCpuPerSecond * tally.wallMs) / 1000) / times.length).toFixed(2)} without the idle work);${spans} load ${loadavg()[0].toFixed(1)}`,
      );
    }
  }
} finally {
  for (const stack of stacks) {
    stack.process.kill('SIGINT');
    await new Promise((resolve) => stack.process.once('exit', resolve));
  }
  await receiver.stop();
  for (const name of names) await dropDatabase(server.adminUrl, name).catch(() => {});
  await server.stop();
}
