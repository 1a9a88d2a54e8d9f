/**
 * The second `npm start` (the database already prepared), two ways side by side in one run:
 *   A. TypeScript through swc-node: the launcher and every service process compile their modules on load;
 *   B. the ahead-of-time build (`npm start`: scripts/build.mjs, then launcher/dist/main.js).
 * Turns A B (B A again with BENCH_ROUNDS=2). Prints the time to the `ready` line, the CPU time each
 * process spent until then (the supervisor's includes the one-shot `prepare` process; on a shared,
 * loaded machine the CPU seconds are the steadier figure) and the memory (RSS) of every process just after ready.
 *
 * Run: npm run build && node --import @swc-node/register/esm-register bench/startup.bench.ts
 *   DATABASE_URL   a server to create the bench database on (default: an embedded PostgreSQL)
 *   BENCH_DATABASE an existing database on that server, already prepared by a start (else: one start seeds a new one)
 *   BENCH_ROUNDS   1 (A B, default) or 2 (A B B A)
 */
import { execFileSync } from 'node:child_process';

import { createDatabase, databaseUrl as databaseUrlOn, dropDatabase, freePort } from '@dealergraph/embedded-db';
import { generateSigningKeys } from '@dealergraph/runtime/tokens';

import {
  COMPILED_LOADER,
  cpuSeconds,
  cpuSecondsWithExited,
  LAUNCHER,
  launcherEnv,
  ROOT,
  rssMb,
  servicePids,
  startProcess,
  TYPESCRIPT_LOADER,
} from './catalog/processes.js';
import { benchServer } from './kit.js';

type Mode = 'typescript' | 'compiled';
const LOADERS: Record<Mode, string[]> = { typescript: TYPESCRIPT_LOADER, compiled: COMPILED_LOADER };

interface Turn {
  mode: Mode;
  toReady: number;
  databaseReady: number;
  rss: Record<string, number>;
  cpu: Record<string, number>;
}

async function start(mode: Mode, databaseUrl: string, keys: { privateKey: string; publicKey: string }, seed: boolean): Promise<Turn> {
  const ports = await Promise.all(Array.from({ length: 6 }, () => freePort({ stable: true })));
  const began = Date.now();
  const launcher = await startProcess(
    process.execPath,
    LAUNCHER[mode],
    launcherEnv({ databaseUrl, keys, seed, ports }),
    /\] ready in /,
    240_000,
    LOADERS[mode],
  );
  const toReady = (Date.now() - began) / 1000;
  const pids = { supervisor: launcher.child.pid!, ...servicePids(launcher.output()) };
  const cpu = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [name, name === 'supervisor' ? cpuSecondsWithExited(pid) : cpuSeconds(pid)]),
  );
  const rss = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, rssMb(pid)]));
  const databaseReady = Number(/database ready \(([\d.]+) s\)/.exec(launcher.output())?.[1]);
  await launcher.stop();
  return { mode, toReady, databaseReady, rss, cpu };
}

const server = await benchServer();
const reuse = process.env.BENCH_DATABASE;
const dbName = reuse ?? `dg_startup_${Date.now().toString(36)}`;
const databaseUrl = reuse ? databaseUrlOn(server.adminUrl, reuse) : await createDatabase(server.adminUrl, dbName);
try {
  const forced = Date.now();
  execFileSync(process.execPath, ['scripts/build.mjs', '--force'], { cwd: ROOT, stdio: 'inherit' });
  console.log(`full build (what a fresh clone's first npm start pays): ${((Date.now() - forced) / 1000).toFixed(1)} s`);
  const keys = await generateSigningKeys();
  if (!reuse) {
    console.log('first start: migrations and demo data…');
    const first = await start('compiled', databaseUrl, keys, true);
    console.log(`  ready in ${first.toReady.toFixed(1)} s`);
  }
  const order: Mode[] =
    Number(process.env.BENCH_ROUNDS ?? 1) >= 2 ? ['typescript', 'compiled', 'compiled', 'typescript'] : ['typescript', 'compiled'];
  const turns: Turn[] = [];
  for (const mode of order) {
    const turn = await start(mode, databaseUrl, keys, false);
    turns.push(turn);
    console.log(
      `${mode.padEnd(10)} ready ${turn.toReady.toFixed(1)} s (database ready at ${turn.databaseReady.toFixed(1)} s); RSS MB: ${Object.entries(
        turn.rss,
      )
        .map(([name, mb]) => `${name} ${mb.toFixed(0)}`)
        .join(', ')}`,
    );
    console.log(
      `${''.padEnd(10)} CPU s to ready: ${Object.entries(turn.cpu)
        .map(([name, s]) => `${name} ${s.toFixed(1)}`)
        .join(', ')}`,
    );
  }
  const mean = (mode: Mode, pick: (turn: Turn) => number) => {
    const xs = turns.filter((turn) => turn.mode === mode).map(pick);
    return xs.reduce((x, y) => x + y, 0) / xs.length;
  };
  const total = (turn: Turn) => Object.values(turn.rss).reduce((x, y) => x + y, 0);
  const cpuTotal = (turn: Turn) => Object.values(turn.cpu).reduce((x, y) => x + y, 0);
  console.log(
    `\nsecond start to ready: swc-node ${mean('typescript', (t) => t.toReady).toFixed(1)} s, compiled ${mean('compiled', (t) => t.toReady).toFixed(1)} s, ratio compiled / swc-node ${(mean('compiled', (t) => t.toReady) / mean('typescript', (t) => t.toReady)).toFixed(2)}`,
  );
  console.log(
    `CPU of all processes to ready: swc-node ${mean('typescript', cpuTotal).toFixed(1)} s, compiled ${mean('compiled', cpuTotal).toFixed(1)} s, ratio ${(mean('compiled', cpuTotal) / mean('typescript', cpuTotal)).toFixed(2)}`,
  );
  console.log(
    `RSS of all seven processes: swc-node ${mean('typescript', total).toFixed(0)} MB, compiled ${mean('compiled', total).toFixed(0)} MB`,
  );
} finally {
  if (!reuse) await dropDatabase(server.adminUrl, dbName).catch(() => {});
  await server.stop();
}
