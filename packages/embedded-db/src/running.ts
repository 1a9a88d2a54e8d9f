import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EMBEDDED_PASSWORD } from './embedded-postgres.js';

/**
 * The admin connection string of the embedded PostgreSQL already running on `dataDir` (an
 * `npm start` in another terminal), or null when none runs. PostgreSQL writes its pid and port into
 * postmaster.pid; a stale file (the server died) names a pid that no longer runs.
 */
export function runningEmbeddedAdminUrl(dataDir: string): string | null {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const [pidLine, , , portLine] = readFileSync(file, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs under another user (postgres, when started by root): still alive.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
}
