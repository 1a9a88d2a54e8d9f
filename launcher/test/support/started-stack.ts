import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { freePort } from '@dealergraph/embedded-db';
import { createTestDatabase, type TestDatabase, until } from '@dealergraph/testing';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SUBGRAPHS = ['dealers', 'products', 'prices', 'credit', 'orders', 'integration'] as const;

/** `npm start` (its build, then the compiled launcher: one process per service), on a copy of the seeded database. */
export interface StartedStack {
  database: TestDatabase;
  gatewayUrl: string;
  /** Everything the launcher and its services printed so far. */
  output(): string;
  /** Whether a subgraph answers its health check now. */
  healthy(name: (typeof SUBGRAPHS)[number]): Promise<boolean>;
  /** The pid of the running process of a service (the latest one the supervisor started). */
  pidOf(name: string): number | undefined;
  stop(): Promise<void>;
}

export async function startStack(env: Record<string, string>): Promise<StartedStack> {
  const database = await createTestDatabase({ seeded: true });
  const ports: number[] = [];
  while (ports.length < 8) {
    const port = await freePort({ stable: true });
    if (!ports.includes(port)) ports.push(port);
  }
  const scripts = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')).scripts as Record<string, string>;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  let output = '';
  const launcher: ChildProcess = spawn(process.execPath, scripts.start.split(' ').slice(1), {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(ports[0]),
      ...Object.fromEntries(SUBGRAPHS.map((name, index) => [`${name.toUpperCase()}_PORT`, String(ports[index + 1])])),
      ERP_SIMULATOR: 'false',
      ERP_SIMULATOR_PORT: String(ports[7]),
      // Several stacks may run on one machine: no fixed metrics ports.
      ...Object.fromEntries(['GATEWAY', ...SUBGRAPHS.map((name) => name.toUpperCase())].map((name) => [`${name}_METRICS_PORT`, 'off'])),
      LOG_LEVEL: 'warn',
      ...env,
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
  return {
    database,
    gatewayUrl: `http://127.0.0.1:${ports[0]}/graphql`,
    output: () => output,
    healthy: async (name) => {
      const port = ports[SUBGRAPHS.indexOf(name) + 1];
      try {
        return (await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) })).ok;
      } catch {
        return false;
      }
    },
    pidOf: (name) => {
      const matches = [...output.matchAll(new RegExp(`\\] ${name} started \\(pid (\\d+)\\)`, 'g'))];
      return matches.length ? Number(matches.at(-1)![1]) : undefined;
    },
    stop: async () => {
      if (launcher.exitCode === null) {
        const exited = new Promise((resolve) => launcher.once('exit', resolve));
        launcher.kill('SIGINT');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 25_000))]);
        if (launcher.exitCode === null) launcher.kill('SIGKILL');
      }
      await database.drop();
    },
  };
}
