// TEMPORARY (delete before finishing)
import pg from 'pg';
import { generateDemoData } from '@dealergraph/demo-data';
import { insertInChunks, migrate, openSubgraphOrm, type EntityManager } from '@dealergraph/runtime';
import { ordersSubgraph } from './src/index.js';
import { Order, OrderLine } from './src/entities/index.js';

const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
const def = ordersSubgraph();
const data = generateDemoData({ anchor: new Date('2026-11-01T00:00:00Z') });
const orderRows = data.orders.map((o) => ({ id: o.id, number: o.number, dealerId: o.dealerId, placedByUserId: o.placedByUserId, status: o.status, currency: o.currency, total: o.total, poNumber: o.poNumber, idempotencyKey: null, placedAt: o.placedAt, updatedAt: o.updatedAt }));
const lineRows = data.orders.flatMap((o) => o.lines.map((l, i) => ({ ...l, order: o.id, position: i + 1 })));

async function viaJson(tx: EntityManager) {
  const o = orderRows.map((r) => ({ id: r.id, number: r.number, dealer_id: r.dealerId, placed_by_user_id: r.placedByUserId, status: r.status, currency: r.currency, total: r.total, po_number: r.poNumber, placed_at: r.placedAt, updated_at: r.updatedAt }));
  for (let i = 0; i < o.length; i += 5000) await tx.execute(`insert into "orders"."order" (id, number, dealer_id, placed_by_user_id, status, currency, total, po_number, placed_at, updated_at) select * from jsonb_to_recordset(?::jsonb) as x(id uuid, number text, dealer_id uuid, placed_by_user_id uuid, status text, currency text, total bigint, po_number text, placed_at timestamptz, updated_at timestamptz)`, [JSON.stringify(o.slice(i, i + 5000))]);
  const l = lineRows.map((r) => ({ id: r.id, order_id: r.order, position: r.position, product_id: r.productId, sku: r.sku, name: r.name, quantity: r.quantity, unit_price: r.unitPrice, line_total: r.lineTotal }));
  for (let i = 0; i < l.length; i += 5000) await tx.execute(`insert into "orders"."order_line" (id, order_id, position, product_id, sku, name, quantity, unit_price, line_total) select * from jsonb_to_recordset(?::jsonb) as x(id uuid, order_id uuid, position int, product_id uuid, sku text, name text, quantity int, unit_price bigint, line_total bigint)`, [JSON.stringify(l.slice(i, i + 5000))]);
}
async function viaOrm(tx: EntityManager) {
  await insertInChunks(tx, Order, orderRows);
  await insertInChunks(tx, OrderLine, lineRows);
}
for (let round = 0; round < 8; round++) {
  await admin.query('drop database if exists dg_orders_scratch');
  await admin.query('create database dg_orders_scratch');
  const orm = await openSubgraphOrm(def, { databaseUrl: 'postgres://postgres@127.0.0.1:5432/dg_orders_scratch', poolSize: 4 });
  await migrate(orm);
  const t = Date.now();
  const json = round % 2 === 1;
  await orm.em.fork().transactional((tx) => (json ? viaJson(tx) : viaOrm(tx)));
  console.log(json ? 'json' : 'orm', Date.now() - t, 'ms');
  await orm.close(true);
}
await admin.query('drop database if exists dg_orders_scratch');
await admin.end();
