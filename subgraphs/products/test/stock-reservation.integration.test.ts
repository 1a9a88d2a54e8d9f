import { randomUUID } from 'node:crypto';

import { deriveInternalKey, InternalCallError, type InternalClient, internalClient, type ReserveStockResult } from '@dealergraph/runtime';
import { startTestStack, type TestStack, until } from '@dealergraph/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { STOCK_CHANNEL, type StockChangeMessage } from '../src/services/stock-events.service.js';

/**
 * products.reserveStock / releaseStock / shipStock through real signed calls to the running products
 * subgraph, with the stock rows read straight from PostgreSQL. Each test uses products of its own.
 */
let stack: TestStack;
let products: InternalClient<'products'>;
let productIds: string[];
const dealerId = randomUUID();
let nextProduct = 0;

interface Row {
  warehouse_id: string;
  on_hand: number;
  reserved: number;
}

const sql = <T extends object[] = object[]>(query: string, params: unknown[] = []) =>
  stack.orms.products.em.fork().execute<T>(query, params);

/** A product of the test's own, with `perWarehouse` units on hand and none reserved in each of its warehouses. */
async function productWithStock(perWarehouse: number): Promise<{ id: string; warehouses: number }> {
  const id = productIds[nextProduct++];
  const rows = await sql<Row[]>('update products.stock_level set on_hand = ?, reserved = 0 where product_id = ? returning warehouse_id', [
    perWarehouse,
    id,
  ]);
  return { id, warehouses: rows.length };
}

async function stockOf(productId: string): Promise<Row[]> {
  const rows = await sql<Row[]>(
    'select warehouse_id, on_hand, reserved from products.stock_level where product_id = ? order by warehouse_id',
    [productId],
  );
  return rows.map((r) => ({ ...r, on_hand: Number(r.on_hand), reserved: Number(r.reserved) }));
}

const reservedSum = async (productId: string) => (await stockOf(productId)).reduce((s, r) => s + r.reserved, 0);
const reservationRows = async (orderId: string) =>
  sql<{ n: string }[]>('select count(*) as n from products.stock_reservation where order_id = ?', [orderId]).then(([r]) => Number(r.n));

beforeAll(async () => {
  stack = await startTestStack();
  products = internalClient('products', { baseUrl: stack.subgraphs.products.url, key: deriveInternalKey(stack.hmacSecret) });
  // Products stocked in at least two warehouses, so reservations can split.
  const rows = await sql<{ product_id: string }[]>(
    'select product_id from products.stock_level group by product_id having count(*) >= 2 order by product_id limit 20',
  );
  productIds = rows.map((r) => r.product_id);
});

afterAll(async () => {
  await stack?.stop();
});

describe('products.reserveStock', () => {
  it('never oversells when 20 orders race for the last units, and the losers reserve nothing', async () => {
    const product = await productWithStock(3);
    const total = product.warehouses * 3;
    const orders = Array.from({ length: 20 }, () => randomUUID());
    const results = await Promise.all(
      orders.map((orderId) => products.call('reserveStock', { orderId, dealerId, lines: [{ productId: product.id, quantity: 2 }] })),
    );

    const winners = orders.filter((_, i) => results[i].status === 'RESERVED');
    const losers = orders.filter((_, i) => results[i].status !== 'RESERVED');
    expect(winners).toHaveLength(Math.floor(total / 2));
    const rows = await stockOf(product.id);
    expect(rows.every((r) => r.reserved <= r.on_hand && r.reserved >= 0)).toBe(true);
    expect(rows.reduce((s, r) => s + r.reserved, 0)).toBe(winners.length * 2);
    for (const [i, result] of results.entries()) {
      if (result.status === 'RESERVED') {
        expect(result.reservations.reduce((s, r) => s + r.quantity, 0)).toBe(2);
      } else {
        expect(result).toEqual({ status: 'INSUFFICIENT', shortages: [{ productId: product.id, requested: 2, available: total % 2 }] });
        expect(await reservationRows(orders[i])).toBe(0);
      }
    }
    for (const orderId of losers) expect(await sql('select 1 from products.order_reservation where order_id = ?', [orderId])).toEqual([]);

    // The catalog shows what is left, through the gateway.
    const client = await stack.loginAs('platinum@demo.dealer');
    const [{ sku }] = await sql<{ sku: string }[]>('select sku from products.product where id = ?', [product.id]);
    const shown = (await client.data('query($sku: String!) { product(sku: $sku) { stock { available status } } }', { sku })).product.stock;
    expect(shown.available).toBe(total % 2);
  });

  it('runs orders that lock the same rows in opposite line order side by side without deadlock', async () => {
    const a = await productWithStock(100);
    const b = await productWithStock(100);
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        products.call('reserveStock', {
          orderId: randomUUID(),
          dealerId,
          lines:
            i % 2
              ? [
                  { productId: a.id, quantity: 3 },
                  { productId: b.id, quantity: 2 },
                ]
              : [
                  { productId: b.id, quantity: 2 },
                  { productId: a.id, quantity: 3 },
                ],
        }),
      ),
    );
    expect(results.every((r) => r.status === 'RESERVED')).toBe(true);
    expect(await reservedSum(a.id)).toBe(48);
    expect(await reservedSum(b.id)).toBe(32);
  });

  it('reserves all lines or none', async () => {
    const plenty = await productWithStock(50);
    const scarce = await productWithStock(1);
    const orderId = randomUUID();
    const result = await products.call('reserveStock', {
      orderId,
      dealerId,
      lines: [
        { productId: plenty.id, quantity: 5 },
        { productId: scarce.id, quantity: scarce.warehouses + 1 },
      ],
    });
    expect(result).toEqual({
      status: 'INSUFFICIENT',
      shortages: [{ productId: scarce.id, requested: scarce.warehouses + 1, available: scarce.warehouses }],
    });
    expect(await reservedSum(plenty.id)).toBe(0);
    expect(await reservedSum(scarce.id)).toBe(0);
    // Nothing was kept of the attempt: the same order may try again with what is there.
    const retry = await products.call('reserveStock', {
      orderId,
      dealerId,
      lines: [{ productId: scarce.id, quantity: scarce.warehouses }],
    });
    expect(retry.status).toBe('RESERVED');
    expect(await reservedSum(scarce.id)).toBe(scarce.warehouses);
  });

  it('splits a line over warehouses, most available first', async () => {
    const product = await productWithStock(4);
    const rows = await stockOf(product.id);
    await sql('update products.stock_level set on_hand = 10 where product_id = ? and warehouse_id = ?', [product.id, rows[1].warehouse_id]);
    const result = (await products.call('reserveStock', {
      orderId: randomUUID(),
      dealerId,
      lines: [{ productId: product.id, quantity: 12 }],
    })) as Extract<ReserveStockResult, { status: 'RESERVED' }>;
    expect(result.status).toBe('RESERVED');
    expect(result.reservations.find((r) => r.warehouseId === rows[1].warehouse_id)?.quantity).toBe(10);
    expect(result.reservations.reduce((s, r) => s + r.quantity, 0)).toBe(12);
  });

  it('reserves an order once, however often and however concurrently it is asked', async () => {
    const product = await productWithStock(20);
    const orderId = randomUUID();
    const input = { orderId, dealerId, lines: [{ productId: product.id, quantity: 7 }] };
    const results = await Promise.all(Array.from({ length: 6 }, () => products.call('reserveStock', input)));
    expect(results.every((r) => r.status === 'RESERVED')).toBe(true);
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await products.call('reserveStock', input)).toEqual(results[0]);
    expect(await reservedSum(product.id)).toBe(7);
  });
});

describe('products.reserveStock of a big order', () => {
  it('reserves and releases an order of several thousand lines in one call', async () => {
    const rows = await sql<{ product_id: string }[]>(
      `update products.stock_level set on_hand = 50, reserved = 0
       where product_id in (select id from products.product order by id desc limit 6000) returning product_id`,
    );
    const ids = [...new Set(rows.map((r) => r.product_id))];
    expect(ids.length).toBeGreaterThan(5_000);
    const orderId = randomUUID();
    const result = await products.call('reserveStock', { orderId, dealerId, lines: ids.map((productId) => ({ productId, quantity: 60 })) });
    expect(result.status).toBe('RESERVED');
    const [{ total }] = await sql<{ total: string }[]>('select sum(quantity) as total from products.stock_reservation where order_id = ?', [
      orderId,
    ]);
    expect(Number(total)).toBe(ids.length * 60);
    expect(await products.call('releaseStock', { orderId })).toEqual({ status: 'RELEASED' });
    const [{ reserved }] = await sql<{ reserved: string }[]>(
      `select sum(reserved) as reserved from products.stock_level where product_id in (select id from products.product order by id desc limit 6000)`,
    );
    expect(Number(reserved)).toBe(0);
  });
});

describe('products.releaseStock and shipStock', () => {
  it('releases once, and a released order is never reserved again', async () => {
    const product = await productWithStock(10);
    const orderId = randomUUID();
    const input = { orderId, dealerId, lines: [{ productId: product.id, quantity: 4 }] };
    expect((await products.call('reserveStock', input)).status).toBe('RESERVED');
    expect(await products.call('releaseStock', { orderId })).toEqual({ status: 'RELEASED' });
    expect(await reservedSum(product.id)).toBe(0);
    expect(await products.call('releaseStock', { orderId })).toEqual({ status: 'RELEASED' });
    expect(await reservedSum(product.id)).toBe(0);
    expect(await products.call('reserveStock', input)).toEqual({ status: 'RELEASED' });
    expect(await reservedSum(product.id)).toBe(0);
    expect(await products.call('shipStock', { orderId })).toEqual({ status: 'RELEASED' });
  });

  it('a release that comes before the reservation (a compensation after a timeout) wins: the late reservation takes nothing', async () => {
    const product = await productWithStock(10);
    const orderId = randomUUID();
    expect(await products.call('releaseStock', { orderId })).toEqual({ status: 'NONE' });
    expect(await products.call('releaseStock', { orderId })).toEqual({ status: 'NONE' });
    expect(await products.call('reserveStock', { orderId, dealerId, lines: [{ productId: product.id, quantity: 1 }] })).toEqual({
      status: 'RELEASED',
    });
    expect(await reservedSum(product.id)).toBe(0);
    expect(await products.call('shipStock', { orderId })).toEqual({ status: 'NONE' });
    expect(await products.call('shipStock', { orderId: randomUUID() })).toEqual({ status: 'NONE' });
  });

  it('ships a reservation once: on hand and reserved go down together', async () => {
    const product = await productWithStock(10);
    const before = await stockOf(product.id);
    const orderId = randomUUID();
    const reserved = await products.call('reserveStock', { orderId, dealerId, lines: [{ productId: product.id, quantity: 6 }] });
    expect(await products.call('shipStock', { orderId })).toEqual({ status: 'SHIPPED' });
    expect(await products.call('shipStock', { orderId })).toEqual({ status: 'SHIPPED' });
    const after = await stockOf(product.id);
    expect(after.reduce((s, r) => s + r.on_hand, 0)).toBe(before.reduce((s, r) => s + r.on_hand, 0) - 6);
    expect(after.reduce((s, r) => s + r.reserved, 0)).toBe(0);
    // A shipped order cannot be released, and asking to reserve it again answers what was reserved.
    expect(await products.call('releaseStock', { orderId })).toEqual({ status: 'SHIPPED' });
    expect(await products.call('reserveStock', { orderId, dealerId, lines: [{ productId: product.id, quantity: 6 }] })).toEqual(reserved);
    expect((await stockOf(product.id)).reduce((s, r) => s + r.on_hand, 0)).toBe(before.reduce((s, r) => s + r.on_hand, 0) - 6);
  });

  it('refuses malformed input with 400 before it reaches PostgreSQL', async () => {
    const productId = productIds[0];
    const bad: [string, unknown][] = [
      ['reserveStock', { orderId: 'x', dealerId, lines: [{ productId, quantity: 1 }] }],
      ['reserveStock', { orderId: randomUUID(), dealerId: null, lines: [{ productId, quantity: 1 }] }],
      ['reserveStock', { orderId: randomUUID(), dealerId, lines: [] }],
      ['reserveStock', { orderId: randomUUID(), dealerId, lines: [{ productId, quantity: -1 }] }],
      ['reserveStock', { orderId: randomUUID(), dealerId, lines: [{ productId, quantity: 3_000_000_000 }] }],
      ['reserveStock', { orderId: randomUUID(), dealerId, lines: [{ productId: 'p', quantity: 1 }] }],
      ['releaseStock', { orderId: '1; drop table x' }],
      ['shipStock', {}],
    ];
    for (const [operation, input] of bad) {
      const error = await products.call(operation as 'shipStock', input as never).catch((e: unknown) => e);
      expect(error, `${operation} ${JSON.stringify(input)}`).toBeInstanceOf(InternalCallError);
      expect((error as InternalCallError).code).toBe('REJECTED');
    }
  });
});

describe('stock change notifications (stockChanged)', () => {
  it('notifies a reservation and a release once each, on commit; a shipment and a refused reservation notify nothing', async () => {
    const listener = new pg.Client({ connectionString: stack.database.url });
    await listener.connect();
    const heard: StockChangeMessage[] = [];
    listener.on('notification', (n) => heard.push(JSON.parse(n.payload!) as StockChangeMessage));
    await listener.query(`listen ${STOCK_CHANNEL}`);
    try {
      const [a, b] = [await productWithStock(5), await productWithStock(5)];
      /** Every notification sent before this one has arrived once this one has (one connection, in order). */
      const settle = async () => {
        const id = randomUUID();
        await sql('select pg_notify(?, ?)', [
          STOCK_CHANNEL,
          JSON.stringify({ id, productIds: [], reason: 'IMPORTED', at: new Date().toISOString() }),
        ]);
        await until('the settling notification to arrive', () => heard.some((m) => m.id === id));
        return heard
          .splice(0)
          .filter((m) => m.id !== id)
          .map((m) => ({ reason: m.reason, productIds: [...m.productIds].sort() }));
      };
      await settle();
      const orderId = randomUUID();
      const lines = [
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 7 },
      ];
      expect((await products.call('reserveStock', { orderId, dealerId, lines })).status).toBe('RESERVED');
      expect(await settle()).toEqual([{ reason: 'RESERVED', productIds: [a.id, b.id].sort() }]);
      // A repeat is the same reservation: nothing changed, nothing to tell.
      expect((await products.call('reserveStock', { orderId, dealerId, lines })).status).toBe('RESERVED');
      // Short of stock: rolled back, so PostgreSQL drops its notification.
      expect(
        (await products.call('reserveStock', { orderId: randomUUID(), dealerId, lines: [{ productId: a.id, quantity: 1_000 }] })).status,
      ).toBe('INSUFFICIENT');
      expect(await settle()).toEqual([]);
      expect((await products.call('releaseStock', { orderId })).status).toBe('RELEASED');
      expect(await settle()).toEqual([{ reason: 'RELEASED', productIds: [a.id, b.id].sort() }]);
      const shipped = randomUUID();
      expect((await products.call('reserveStock', { orderId: shipped, dealerId, lines: [{ productId: a.id, quantity: 1 }] })).status).toBe(
        'RESERVED',
      );
      await settle();
      expect((await products.call('shipStock', { orderId: shipped })).status).toBe('SHIPPED');
      expect(await settle()).toEqual([]);
    } finally {
      await listener.end();
    }
  });
});
