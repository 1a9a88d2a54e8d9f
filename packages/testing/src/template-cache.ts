import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { buildOnce } from '@dealergraph/embedded-db';

const root = join(import.meta.dirname, '..', '..', '..');

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * A name for the seeded template that changes whenever what it is made of changes: every subgraph's
 * migrations and seed code, the demo-data generator, the test settings that shape the seed (`extra`)
 * and the day (the history is relative to today).
 */
export function templateName(extra = ''): string {
  const hash = createHash('sha256');
  const subgraphs = readdirSync(join(root, 'subgraphs'));
  const files = [
    ...subgraphs.flatMap((s) => [
      ...filesUnder(join(root, 'subgraphs', s, 'src', 'migrations')),
      ...filesUnder(join(root, 'subgraphs', s, 'src', 'seed')),
    ]),
    ...filesUnder(join(root, 'packages', 'demo-data', 'src')),
  ].sort();
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  hash.update(extra).update('\0').update(new Date().toISOString().slice(0, 10));
  return `dg_tplc_${hash.digest('hex').slice(0, 16)}`;
}

/**
 * On a long-lived server (DATABASE_URL), test runs reuse one seeded template per content hash instead
 * of seeding their own; `build` runs once (see `buildOnce`).
 */
export async function reusableTemplate(
  adminUrl: string,
  build: (scratch: string) => Promise<void>,
  extra = '',
): Promise<{ name: string; built: boolean }> {
  const name = templateName(extra);
  return { name, built: await buildOnce(adminUrl, name, build) };
}
