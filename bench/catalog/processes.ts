import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A process the bench started, with everything it printed (shown when it fails). */
export interface Started {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Node options that run TypeScript sources through swc-node (compiling each module on load). */
export const TYPESCRIPT_LOADER = ['--import', '@swc-node/register/esm-register'];
/** Node options that run the ahead-of-time build (`npm run build`, dist/), as `npm start` does. */
export const COMPILED_LOADER = ['--conditions=dealergraph-compiled'];
/** The launcher entry for each way of running it. */
export const LAUNCHER = { typescript: 'launcher/src/main.ts', compiled: 'launcher/dist/main.js' } as const;

/** Starts an entry on `node` (TypeScript through swc-node unless `loader` says otherwise) and waits until it prints a line matching `ready`. */
export async function startProcess(
  node: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 240_000,
  loader = TYPESCRIPT_LOADER,
): Promise<Started> {
  const child = spawn(node, ['--enable-source-maps', ...loader, entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready after ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const check = setInterval(() => {
      if (ready.test(output)) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(check);
        clearTimeout(timer);
        reject(new Error(`${entry} exited:\n${output}`));
      }
    }, 100);
  });
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

/** CPU time (user + system) of a process so far, in seconds, from /proc. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** CPU time of a process and of its children it has waited for (exited ones), in seconds, from /proc. */
export function cpuSecondsWithExited(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

/** Resident memory of a process, in MB, from /proc. */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The service processes of a supervisor, from its "<name> started (pid N)" lines (the latest of each). */
export function servicePids(output: string): Record<string, number> {
  const pids: Record<string, number> = {};
  for (const match of output.matchAll(/\] (\w+) started \(pid (\d+)\)/g)) pids[match[1]] = Number(match[2]);
  return pids;
}

/** The launcher's environment for a graph on `ports` (gateway first, then the five subgraphs). */
export function launcherEnv(options: {
  databaseUrl: string;
  keys: { privateKey: string; publicKey: string };
  seed: boolean;
  ports: readonly number[];
}): NodeJS.ProcessEnv {
  const { databaseUrl, keys, seed, ports } = options;
  return {
    DATABASE_URL: databaseUrl,
    JWT_PRIVATE_KEY: keys.privateKey,
    JWT_PUBLIC_KEY: keys.publicKey,
    SEED_DEMO_DATA: String(seed),
    LOG_LEVEL: 'error',
    PORT: String(ports[0]),
    DEALERS_PORT: String(ports[1]),
    PRODUCTS_PORT: String(ports[2]),
    PRICES_PORT: String(ports[3]),
    CREDIT_PORT: String(ports[4]),
    ORDERS_PORT: String(ports[5]),
  };
}
