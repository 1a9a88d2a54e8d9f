import {
  type ErpEvent,
  formatAmount,
  type InternalClient,
  internalClient,
  type Logger,
  startOutboxDrain,
  type SubgraphRuntime,
} from '@dealergraph/runtime';
import type { MikroORM } from '@mikro-orm/postgresql';

import { erpEventType } from './domain/erp-events.js';

interface OutboxRow {
  id: string;
  order_id: string;
  type: string;
  status: string | null;
  reason: string | null;
  at: Date;
}

interface OrderRow {
  id: string;
  number: string;
  status: string;
  dealer_id: string;
  po_number: string | null;
  currency: string;
  total: string;
  placed_at: Date;
  erp_order_number: string | null;
  confirmed_ship_date: string | null;
  confirmed_delivery_date: string | null;
  carrier: string | null;
  tracking_number: string | null;
  was_approved: boolean;
}

interface LineRow {
  order_id: string;
  position: number;
  sku: string;
  name: string;
  quantity: number;
  unit_price: string;
  line_total: string;
}

const BATCH = 200;

/** A PostgreSQL array literal of uuids, bound as one parameter (the query builder would spread a JS array). */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/** The ERP events among these outbox rows, each with its order as it stands (lines, prices, dealer code). */
async function erpEventsOf(orm: MikroORM, schema: string, dealers: InternalClient<'dealers'>, rows: OutboxRow[]): Promise<ErpEvent[]> {
  const connection = orm.em.getConnection();
  const candidates = rows.filter((r) => erpEventType({ type: r.type, status: r.status, wasApproved: true }) !== null);
  const events: ErpEvent[] = [];
  if (candidates.length > 0) {
    const orderIds = [...new Set(candidates.map((r) => r.order_id))];
    const orders = await connection.execute<OrderRow[]>(
      `select o.id, o.number, o.status, o.dealer_id, o.po_number, o.currency, o.total::text as total, o.placed_at,
              o.erp_order_number, o.confirmed_ship_date::text as confirmed_ship_date,
              o.confirmed_delivery_date::text as confirmed_delivery_date, o.carrier, o.tracking_number,
              exists (select 1 from "${schema}"."order_status_change" h where h.order_id = o.id and h.status = 'APPROVED') as was_approved
         from "${schema}"."order" o where o.id = any(?::uuid[])`,
      [uuidArray(orderIds)],
    );
    const lines = await connection.execute<LineRow[]>(
      `select order_id, position, sku, name, quantity, unit_price::text as unit_price, line_total::text as line_total
         from "${schema}"."order_line" where order_id = any(?::uuid[]) order by order_id, position`,
      [uuidArray(orderIds)],
    );
    const byOrder = new Map(orders.map((o) => [o.id, o]));
    const dealerIds = [...new Set(orders.map((o) => o.dealer_id))];
    const profiles = new Map((await dealers.call('dealerProfiles', { dealerIds })).dealers.map((d) => [d.id, d]));
    for (const row of candidates) {
      const order = byOrder.get(row.order_id);
      if (!order) continue;
      const type = erpEventType({ type: row.type, status: row.status, wasApproved: order.was_approved });
      if (!type) continue;
      const dealer = profiles.get(order.dealer_id);
      events.push({
        id: row.id,
        type,
        key: order.id,
        at: new Date(row.at).toISOString(),
        data: {
          order: {
            id: order.id,
            number: order.number,
            status: row.status,
            poNumber: order.po_number,
            currency: order.currency,
            total: formatAmount(Number(order.total)),
            placedAt: new Date(order.placed_at).toISOString(),
            erpOrderNumber: order.erp_order_number,
            confirmedShipDate: order.confirmed_ship_date,
            confirmedDeliveryDate: order.confirmed_delivery_date,
            carrier: order.carrier,
            trackingNumber: order.tracking_number,
            dealer: { id: order.dealer_id, code: dealer?.code ?? null, name: dealer?.name ?? null },
            shipTo: dealer ? { name: dealer.name ?? null, city: dealer.city ?? null } : null,
            lines: lines
              .filter((l) => l.order_id === order.id)
              .map((l) => ({
                position: l.position,
                sku: l.sku,
                name: l.name,
                quantity: l.quantity,
                unitPrice: formatAmount(Number(l.unit_price)),
                lineTotal: formatAmount(Number(l.line_total)),
              })),
          },
          ...(row.reason ? { reason: row.reason } : {}),
        },
      });
    }
  }
  return events;
}

/**
 * Hands the outbox events the ERP hears of (domain/erp-events.ts) to the integration subgraph, which
 * turns them into webhook deliveries. Runs beside the relay: woken by the same commit NOTIFY and a
 * poll; takes unforwarded rows oldest first, builds each order's snapshot (lines, prices, dealer code
 * from dealers), calls `integration.acceptEvents` and only then marks the rows forwarded. No
 * transaction waits on the call. A crash or a refusal in between sends them again on the next round;
 * integration drops an event id it already has, so each event is delivered once per endpoint.
 */
export async function startErpForwarder(options: {
  orm: MikroORM;
  runtime: SubgraphRuntime;
  logger: Logger;
  pollMs?: number;
}): Promise<() => Promise<void>> {
  const { orm, logger, runtime } = options;
  const schema = orm.config.get('schema') ?? 'orders';
  const { serviceUrls, internalKey: key, databaseUrl } = runtime.config;
  const integration: InternalClient<'integration'> = internalClient('integration', {
    baseUrl: serviceUrls.integration,
    key,
    timeoutMs: 10_000,
  });
  const dealers: InternalClient<'dealers'> = internalClient('dealers', { baseUrl: serviceUrls.dealers, key, timeoutMs: 10_000 });
  const forwardBatch = async (): Promise<number> => {
    const connection = orm.em.getConnection();
    const rows = await connection.execute<OutboxRow[]>(
      `select id, order_id, type, status, reason, at from "${schema}"."order_event"
        where erp_forwarded_at is null order by at, id limit ?`,
      [BATCH],
    );
    if (rows.length === 0) return 0;
    const events = await erpEventsOf(orm, schema, dealers, rows);
    if (events.length > 0) await integration.call('acceptEvents', { events });
    await connection.execute(
      `update "${schema}"."order_event" set erp_forwarded_at = now() where id = any(?::uuid[]) and erp_forwarded_at is null`,
      [uuidArray(rows.map((r) => r.id))],
    );
    return rows.length;
  };

  return startOutboxDrain({
    databaseUrl,
    logger,
    channel: 'orders_outbox',
    name: 'ERP forwarder',
    batch: forwardBatch,
    batchSize: BATCH,
    pollMs: options.pollMs ?? 1000,
  });
}
