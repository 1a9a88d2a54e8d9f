import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

import { LOADER_NODE_ARGS, moduleOf } from './build-mode.js';

/** How a child process is started: same Node as the supervisor, the build (or swc-node), source maps. */
export const CHILD_NODE_ARGS = [
  '--enable-source-maps',
  ...LOADER_NODE_ARGS,
  '--import',
  moduleOf('launcher', 'supervisor/orphan-guard'),
  '--import',
  moduleOf('launcher', 'supervisor/graphql-production'),
];

/** Starts one service process; every line it prints comes out prefixed with its name. */
export function spawnService(options: {
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  write: (line: string) => void;
  /** More Node options (profiling, inspection). */
  nodeArgs?: string[];
}): ChildProcess {
  const child = spawn(process.execPath, [...CHILD_NODE_ARGS, ...(options.nodeArgs ?? []), options.entry], {
    cwd: options.cwd,
    env: options.env,
    // The IPC channel lets the orphan guard notice when the supervisor is gone (even after SIGKILL).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const prefix = `${options.name.padEnd(8)}| `;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => options.write(prefix + line));
  }
  return child;
}

/** Polls a health URL until it answers 2xx; false once `until` says stop. */
export async function waitHealthy(url: string, until: () => boolean): Promise<boolean> {
  while (until()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Runs a one-shot step (the database preparation) as a child process; rejects unless it exits 0. */
export async function runOnce(options: Parameters<typeof spawnService>[0]): Promise<void> {
  const child = spawnService(options);
  const [code, signal] = (await new Promise((resolve) => child.once('exit', (...args) => resolve(args)))) as [number | null, string | null];
  if (code !== 0) throw new Error(`${options.name} failed (${signal ? `signal ${signal}` : `code ${code}`}); its output is above.`);
}
