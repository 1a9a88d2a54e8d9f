import { randomUUID } from 'node:crypto';

import { migrate, openSubgraphOrm } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase, until } from '@dealergraph/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OrderEvent } from '../src/events/order-event.entity.js';
import { recordOrderEvent } from '../src/events/outbox.service.js';
import { ordersSubgraph } from '../src/index.js';

let db: TestDatabase;
let orm: MikroORM;
let listener: pg.Client;
/** The payloads of the notifications heard on orders_outbox (the trigger's are empty; the controls' are not). */
const notifications: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await openSubgraphOrm(ordersSubgraph(), { databaseUrl: db.url, poolSize: 2 });
  await migrate(orm);
  listener = new pg.Client({ connectionString: db.url });
  await listener.connect();
  listener.on('notification', (n) => notifications.push(n.payload ?? ''));
  await listener.query('listen orders_outbox');
});

afterAll(async () => {
  await listener?.end();
  await orm?.close(true);
  await db?.drop();
});

const NO_SCOPE = { salesRepUserId: null, dealerRegion: null };
/**
 * A positive control instead of waiting "long enough": a notification sent now from another
 * connection, awaited until the listener hears it. PostgreSQL delivers one channel's notifications in
 * commit order, so anything committed before it has been heard by then. Returns the outbox's
 * notifications heard so far (the controls left out).
 */
async function heardUpToNow(): Promise<string[]> {
  const control = `control-${randomUUID()}`;
  await orm.em.fork().getConnection().execute(`select pg_notify('orders_outbox', '${control}')`);
  await until('the control notification', () => notifications.includes(control), 10_000);
  return notifications.filter((n) => !n.startsWith('control-'));
}

describe('recordOrderEvent (transactional outbox)', () => {
  it("writes the event with the caller's transaction and wakes listeners only on commit", async () => {
    const orderId = randomUUID();
    const dealerId = randomUUID();
    notifications.length = 0;
    let seenBeforeCommit = -1;
    await orm.em.fork().transactional(async (em) => {
      const event = recordOrderEvent(em, {
        orderId,
        dealerId,
        scope: { salesRepUserId: dealerId, dealerRegion: 'Northeast' },
        type: 'STATUS_CHANGED',
        status: 'APPROVED',
        actor: dealerId,
        reason: 'ok',
      });
      expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
      await em.flush();
      seenBeforeCommit = (await heardUpToNow()).length;
      // Another connection cannot see it before commit.
      expect(await orm.em.fork().count(OrderEvent, { orderId })).toBe(0);
    });
    expect(seenBeforeCommit).toBe(0);
    expect(await heardUpToNow()).toEqual(['']);
    const rows = await orm.em.fork().find(OrderEvent, { orderId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      dealerId,
      salesRepUserId: dealerId,
      dealerRegion: 'Northeast',
      type: 'STATUS_CHANGED',
      status: 'APPROVED',
      actorId: dealerId,
      reason: 'ok',
      publishedAt: null,
    });
  });

  it('leaves nothing and notifies nobody when the transaction rolls back', async () => {
    const orderId = randomUUID();
    notifications.length = 0;
    await expect(
      orm.em.fork().transactional(async (em) => {
        recordOrderEvent(em, { orderId, dealerId: randomUUID(), scope: NO_SCOPE, type: 'ORDER_PLACED', status: 'PENDING_APPROVAL' });
        await em.flush();
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await heardUpToNow()).toEqual([]);
    expect(await orm.em.fork().count(OrderEvent, { orderId })).toBe(0);
  });

  it('does not flush by itself', async () => {
    const em = orm.em.fork();
    const orderId = randomUUID();
    recordOrderEvent(em, { orderId, dealerId: randomUUID(), scope: NO_SCOPE, type: 'ORDER_PLACED' });
    expect(await orm.em.fork().count(OrderEvent, { orderId })).toBe(0);
    await em.flush();
    expect(await orm.em.fork().count(OrderEvent, { orderId })).toBe(1);
  });
});
