import { randomUUID } from 'node:crypto';

import { migrate, openSubgraphOrm } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OrderEvent } from '../src/events/order-event.entity.js';
import { ordersSubgraph } from '../src/index.js';
import { InvalidTransitionError, type OrderStatus } from '../src/orders/domain/order-lifecycle.js';
import { Order } from '../src/orders/order.entity.js';
import { changeOrderStatus, recordPlacement } from '../src/orders/order-status.service.js';
import { OrderStatusChange } from '../src/orders/order-status-change.entity.js';

// changeOrderStatus is the one way a status changes: lifecycle check, history and outbox event in
// the caller's transaction. Real PostgreSQL, this subgraph's own tables only.

let db: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await openSubgraphOrm(ordersSubgraph(), { databaseUrl: db.url, poolSize: 2 });
  await migrate(orm);
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

async function newOrder(): Promise<string> {
  const id = randomUUID();
  await orm.em.fork().transactional(async (em) => {
    const order = em.create(Order, {
      id,
      number: `T-${id}`,
      dealerId: randomUUID(),
      status: 'PENDING_APPROVAL',
      currency: 'USD',
      total: 100,
      placedAt: new Date(),
    });
    em.persist(order);
    await recordPlacement(em, order, null, new Date());
  });
  return id;
}

const change = (id: string, to: OrderStatus, byUserId: string | null = null, comment: string | null = null) =>
  orm.em.fork().transactional(async (em) => {
    const order = await em.findOneOrFail(Order, { id });
    await changeOrderStatus(em, order, { to, byUserId, comment });
  });

describe('changeOrderStatus', () => {
  it('follows the lifecycle, writing history (who, why, in order) and one outbox event per change', async () => {
    const id = await newOrder();
    const approver = randomUUID();
    await change(id, 'APPROVED', approver, 'fine');
    await change(id, 'PROCESSING');
    await change(id, 'SHIPPED');
    await change(id, 'DELIVERED');
    const history = await orm.em.fork().find(OrderStatusChange, { order: id }, { orderBy: { position: 'asc' } });
    expect(history.map((h) => [h.position, h.status])).toEqual([
      [1, 'PENDING_APPROVAL'],
      [2, 'APPROVED'],
      [3, 'PROCESSING'],
      [4, 'SHIPPED'],
      [5, 'DELIVERED'],
    ]);
    expect(history[1]).toMatchObject({ byUserId: approver, comment: 'fine' });
    const events = await orm.em.fork().find(OrderEvent, { orderId: id }, { orderBy: { at: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['ORDER_PLACED', 'STATUS_CHANGED', 'STATUS_CHANGED', 'STATUS_CHANGED', 'STATUS_CHANGED']);
    expect((await orm.em.fork().findOneOrFail(Order, { id })).status).toBe('DELIVERED');
  });

  it('refuses a transition the lifecycle does not allow and changes nothing', async () => {
    const id = await newOrder();
    await expect(change(id, 'SHIPPED')).rejects.toBeInstanceOf(InvalidTransitionError);
    await change(id, 'REJECTED', randomUUID(), 'no');
    await expect(change(id, 'APPROVED')).rejects.toThrow(/REJECTED cannot change any more/);
    expect((await orm.em.fork().findOneOrFail(Order, { id })).status).toBe('REJECTED');
    expect(await orm.em.fork().count(OrderStatusChange, { order: id })).toBe(2);
    expect(await orm.em.fork().count(OrderEvent, { orderId: id })).toBe(2);
  });
});
