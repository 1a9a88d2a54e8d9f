import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { TEMPLATE_READY, templateReady } from '../src/template-ready.js';

/** The wait of `createTestDatabase({ seeded: true })` for the template the global setup seeds in the background. */
describe('templateReady', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-template-ready-'));

  it('returns at once without a status file (the template was complete before the files started)', async () => {
    await expect(templateReady(undefined)).resolves.toBeUndefined();
  });

  it('waits until the setup writes ready, and no longer once it has', async () => {
    const status = join(dir, 'later');
    let settled = false;
    const waiting = templateReady(status).then(() => (settled = true));
    // The wait polls the file: it cannot have ended while the file is missing.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    writeFileSync(status, TEMPLATE_READY);
    await waiting;
    expect(settled).toBe(true);
    await expect(templateReady(status)).resolves.toBeUndefined();
  });

  it("fails with the setup's own words when seeding failed", async () => {
    const status = join(dir, 'failed');
    writeFileSync(status, 'the seeded template could not be made: relation "x" does not exist');
    await expect(templateReady(status)).rejects.toThrow('relation "x" does not exist');
  });

  it('keeps waiting for a second status file after the first was ready (each run has its own)', async () => {
    const first = join(dir, 'first');
    writeFileSync(first, TEMPLATE_READY);
    await templateReady(first);
    const second = join(dir, 'second');
    let settled = false;
    const waiting = templateReady(second).then(() => (settled = true));
    // A wait that returned at once (one flag for every file) would have settled before this.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    writeFileSync(second, TEMPLATE_READY);
    await waiting;
  });
});
