// Every test file runs with this first (vitest.config.ts `setupFiles`). The suite runs with
// `isolate: false`: the files of a worker share one process and one module graph, so a server, a
// database connection, a socket or a child process that a file leaves open would live on into the
// next files (a background job of a stopped stack writing into the next file's log, a pool holding a
// dropped database). This fails the file that left it, naming what. See docs/TESTING.md.
import type { ChildProcess } from 'node:child_process';
import { Server, Socket } from 'node:net';

import { afterAll, beforeAll } from 'vitest';

/** Closing is asynchronous (a peer's FIN, a child's exit): what was closed may take a moment to go. */
const SETTLE_MS = 5_000;

// Node's list of what keeps the process alive (servers, sockets, child processes; timers excluded):
// undocumented but stable since Node 0.x, and the only way to name the objects themselves.
const activeHandles = (): object[] => (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles();

function describeHandle(handle: object): string {
  if (handle instanceof Server) {
    const address = handle.address();
    return `a server listening on ${typeof address === 'string' ? address : `port ${address?.port}`}`;
  }
  if (handle instanceof Socket) {
    if (!handle.remotePort) return "a pipe (a child process's stdio?)";
    const peer = handle.remotePort === 5432 ? ' (PostgreSQL: a pool or client not closed)' : '';
    return `a socket ${handle.localPort} -> ${handle.remoteAddress}:${handle.remotePort}${peer}`;
  }
  if ('pid' in handle) return `child process ${(handle as ChildProcess).pid} (${(handle as ChildProcess).spawnfile})`;
  return handle.constructor.name;
}

let before = new Set<object>();

beforeAll(() => {
  before = new Set(activeHandles());
});

// Registered before the file's own hooks, so it runs after all of them (vitest runs after-hooks as a stack).
afterAll(async () => {
  const deadline = Date.now() + SETTLE_MS;
  let left = activeHandles().filter((h) => !before.has(h));
  while (left.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    left = activeHandles().filter((h) => !before.has(h));
  }
  if (left.length) {
    throw new Error(
      `This test file left open: ${left.map(describeHandle).join('; ')}. Stop every stack, server, pool, socket and ` +
        "browser in afterAll, and read every fetch response's body (an unread one keeps its socket). Files share " +
        'their process (isolate: false): see docs/TESTING.md.',
    );
  }
}, SETTLE_MS + 5_000);
