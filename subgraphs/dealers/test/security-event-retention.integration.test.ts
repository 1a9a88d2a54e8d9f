import { openSubgraphOrm } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { toolingDefinition as definition } from '../src/definition.js';
import { pruneSecurityEvents, startSecurityEventRetention } from '../src/services/security-event-retention.service.js';

// The audit log's retention sweep against a real database (a copy of the migrated, seeded
// template), with the sweep's clock passed in: no waiting on timers.

let db: TestDatabase;
let orm: Awaited<ReturnType<typeof openSubgraphOrm>>;
const NOW = new Date('2026-11-30T10:00:00Z');
const DAY = 24 * 3600 * 1000;
const sql = (text: string, params: unknown[] = []) => orm.em.getConnection().execute(text, params);
const count = async () => Number((await sql('select count(*) from dealers.security_event'))[0].count);

/** Writes `n` events of `kind`, `daysAgo` days before NOW. */
async function events(n: number, daysAgo: number, kind = 'SIGN_IN_FAILED') {
  await sql(
    `insert into dealers.security_event (id, kind, detail, at)
     select gen_random_uuid(), ?, '{}', ?::timestamptz from generate_series(1, ?)`,
    [kind, new Date(NOW.getTime() - daysAgo * DAY), n],
  );
}

beforeAll(async () => {
  db = await createTestDatabase({ seeded: true });
  orm = await openSubgraphOrm(definition, { databaseUrl: db.url, poolSize: 4 });
});
afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});
beforeEach(async () => {
  await sql('delete from dealers.security_event');
});

describe('security event retention', () => {
  it('deletes the events older than the cutoff in batches, and keeps the rest to the millisecond', async () => {
    await events(25, 400);
    await events(1, 365.00001);
    await events(1, 364.99999);
    await events(10, 30, 'API_CLIENT_SECRET_ROTATED');
    expect(await count()).toBe(37);
    const before = new Date(NOW.getTime() - 365 * DAY);
    // A batch of 7 needs four full statements and a short one: every old row goes, none else.
    expect(await pruneSecurityEvents(orm.em.fork(), { before, batchSize: 7 })).toBe(26);
    expect(await count()).toBe(11);
    expect(Number((await sql('select count(*) from dealers.security_event where at < ?', [before]))[0].count)).toBe(0);
    expect(await pruneSecurityEvents(orm.em.fork(), { before, batchSize: 7 })).toBe(0);
  });

  it('lets two sweeps run at once without deleting a row twice or failing', async () => {
    await events(500, 400);
    await events(3, 1);
    const before = new Date(NOW.getTime() - 365 * DAY);
    const deleted = await Promise.all([1, 2, 3].map(() => pruneSecurityEvents(orm.em.fork(), { before, batchSize: 50 })));
    expect(deleted.reduce((a, b) => a + b, 0)).toBe(500);
    expect(await count()).toBe(3);
  });

  it('runs from the service start with the configured retention and clock, and stops cleanly', async () => {
    await events(5, 40);
    await events(4, 20);
    const errors: unknown[] = [];
    // The first run starts at once; stopping waits for it.
    const stop = startSecurityEventRetention(
      () => orm.em.fork(),
      { retentionDays: 30, now: () => NOW, batchSize: 2 },
      (e) => errors.push(e),
    );
    await stop();
    expect(errors).toEqual([]);
    expect(await count()).toBe(4);
    expect(
      Number((await sql('select count(*) from dealers.security_event where at >= ?', [new Date(NOW.getTime() - 30 * DAY)]))[0].count),
    ).toBe(4);
  });

  it('reports a failed run instead of throwing, so the next tick can retry; refuses to start with a bad retention', async () => {
    const errors: unknown[] = [];
    const stop = startSecurityEventRetention(
      () => {
        throw new Error('database unreachable');
      },
      { retentionDays: 30, now: () => NOW },
      (e) => errors.push(e),
    );
    await stop();
    expect(errors.map(String)).toEqual(['Error: database unreachable']);
    expect(() =>
      startSecurityEventRetention(
        () => orm.em.fork(),
        { retentionDays: 0, now: () => NOW },
        () => {},
      ),
    ).toThrow(RangeError);
  });
});
