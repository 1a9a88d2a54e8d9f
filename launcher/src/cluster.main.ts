import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { freePort } from '@dealergraph/embedded-db';
import { configOrExit } from '@dealergraph/runtime/config';
import { generateSigningKeys } from '@dealergraph/runtime/tokens';

import { type BalancedService, haproxyConfig } from './cluster/haproxy-config.js';
import { inheritedEnv, loadConfig, loadEnvFile } from './config.js';
import { moduleOf } from './supervisor/build-mode.js';
import { runOnce } from './supervisor/child.js';
import { SERVICES, type ServiceSpec, SUBGRAPH_SERVICES } from './supervisor/services.js';
import { Supervisor } from './supervisor/supervisor.js';

/**
 * `npm run start:cluster`: two replicas of the gateway and of each subgraph behind HAProxy, on the
 * PostgreSQL in DATABASE_URL and the Redis in REDIS_URL (the live events of two orders instances meet
 * there). HAProxy listens on the usual ports (gateway 4000, subgraphs 4001-4006); the replicas on
 * free loopback ports. The services call each other through HAProxy too.
 */
const REPLICAS = 2;
const started = Date.now();
const say = (line: string) => console.log(`[cluster] ${line}`);
const config = configOrExit('cluster', () => {
  loadEnvFile();
  return loadConfig();
});
const cwd = fileURLToPath(new URL('../..', import.meta.url));

function requirements(): string[] {
  const problems: string[] = [];
  if (spawnSync('haproxy', ['-v']).error)
    problems.push('HAProxy is not installed: apt-get install -y haproxy (Debian, Ubuntu) or brew install haproxy (macOS).');
  if (!config.databaseUrl)
    problems.push(
      'Set DATABASE_URL to a PostgreSQL database (the replicas share it), e.g. postgres://postgres@127.0.0.1:5432/dealergraph.',
    );
  if (!config.redisUrl)
    problems.push('Set REDIS_URL to a Redis server (the orders replicas share live events there), e.g. redis://127.0.0.1:6379.');
  return problems;
}

const problems = requirements();
if (problems.length) {
  for (const problem of problems) console.error(`[cluster] cannot start: ${problem}`);
  process.exit(78);
}

const publicPort = (name: string) => (name === 'gateway' ? config.gatewayPort : config.ports[name as keyof typeof config.ports]);
const replicaPorts: Record<string, number[]> = {};
const metricsPorts: Record<string, number[]> = {};
for (const spec of SERVICES) {
  replicaPorts[spec.name] = [];
  metricsPorts[spec.name] = [];
  for (let i = 0; i < REPLICAS; i++) {
    replicaPorts[spec.name].push(await freePort({ stable: true }));
    metricsPorts[spec.name].push(await freePort({ stable: true }));
  }
}

const keys =
  config.jwtPrivateKey && config.jwtPublicKey
    ? { privateKey: config.jwtPrivateKey, publicKey: config.jwtPublicKey }
    : await generateSigningKeys();
const secret = () => randomBytes(32).toString('base64url');
const via = (name: string) => `http://127.0.0.1:${publicPort(name)}`;
const base = {
  ...inheritedEnv(),
  DATABASE_URL: config.databaseUrl,
  REDIS_URL: config.redisUrl,
  GATEWAY_HMAC_SECRET: config.hmacSecret ?? secret(),
  INTERNAL_SERVICE_SECRET: config.internalServiceSecret ?? secret(),
  JWT_PUBLIC_KEY: keys.publicKey,
  LOG_LEVEL: config.logLevel,
  // Every call between services goes through HAProxy, so a replica that is down costs nothing.
  ...Object.fromEntries(SUBGRAPH_SERVICES.map((name) => [`${name.toUpperCase()}_SERVICE_URL`, via(name)])),
  ...Object.fromEntries(SUBGRAPH_SERVICES.map((name) => [`${name.toUpperCase()}_URL`, `${via(name)}/graphql`])),
};

/** One replica: its own port and metrics port; only dealers gets the signing key. */
const replicas: ServiceSpec[] = SERVICES.flatMap((spec) =>
  Array.from({ length: REPLICAS }, (_, i) => ({ ...spec, label: `${spec.name}.${i + 1}`, replica: i })),
);
const envFor = (spec: ServiceSpec) => {
  const i = spec.replica ?? 0;
  const upper = spec.name.toUpperCase();
  return {
    ...base,
    [spec.portVariable]: String(replicaPorts[spec.name][i]),
    [`${upper}_METRICS_PORT`]: String(metricsPorts[spec.name][i]),
    JWT_PRIVATE_KEY: spec.name === 'dealers' ? keys.privateKey : undefined,
  };
};

let supervisor: Supervisor | undefined;
let haproxy: ChildProcess | undefined;
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  haproxy?.kill('SIGTERM');
  await supervisor?.stop().catch((e) => console.error(e));
  say('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const write = (line: string) => console.log(line);
  // Migrations (and the demo data) once, before any replica starts: never two replicas migrating at once.
  await runOnce({
    name: 'prepare',
    entry: moduleOf('launcher', 'prepare.main'),
    env: { ...envFor({ ...SERVICES[0], replica: 0 }), SEED_DEMO_DATA: String(config.seedDemoData) },
    cwd,
    write,
  });
  const balanced: BalancedService[] = SERVICES.map((spec) => ({
    name: spec.name,
    bind: { host: spec.name === 'gateway' ? '0.0.0.0' : '127.0.0.1', port: publicPort(spec.name) },
    replicaPorts: replicaPorts[spec.name],
    healthPath: spec.healthPath,
  }));
  const file = join(mkdtempSync(join(tmpdir(), 'dealergraph-haproxy-')), 'haproxy.cfg');
  writeFileSync(file, haproxyConfig({ services: balanced }));
  haproxy = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [haproxy.stdout, haproxy.stderr])
    createInterface({ input: stream! }).on('line', (line) => write(`haproxy | ${line}`));
  haproxy.once('exit', (code) => {
    if (!stopping) {
      say(`HAProxy exited (code ${code}): a port of ${balanced.map((s) => s.bind.port).join(', ')} may be taken`);
      void shutdown(1);
    }
  });
  supervisor = new Supervisor({
    services: replicas,
    envFor,
    healthUrl: (spec) => `http://127.0.0.1:${replicaPorts[spec.name][spec.replica ?? 0]}${spec.healthPath}`,
    cwd,
    nodeArgs: config.serviceNodeArgs,
    write,
    say,
  });
  await supervisor.start();
  say(`replicas: ${SERVICES.map((s) => `${s.name} ${replicaPorts[s.name].join('/')}`).join(', ')}`);
  say(`metrics: ${SERVICES.map((s) => `${s.name} ${metricsPorts[s.name].join('/')}`).join(', ')}`);
  say(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${config.gatewayPort}/graphql through HAProxy, ${REPLICAS} of each service`,
  );
} catch (error) {
  console.error(`[cluster] could not start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
