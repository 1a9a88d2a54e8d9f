import { type Logger, startOutboxDrain } from '@dealergraph/runtime';
import type { MikroORM } from '@mikro-orm/postgresql';

import type { EventBus, OrderEventMessage } from './event-bus.js';

export interface OutboxRelayOptions {
  orm: MikroORM;
  databaseUrl: string;
  bus: EventBus;
  logger: Logger;
  /** Safety net for a missed notification or a crashed publisher: how often to look anyway. */
  pollIntervalMs?: number;
  /** Rows claimed per transaction. */
  batchSize?: number;
}

/** An order_event row as PostgreSQL returns it. */
export interface OutboxRow {
  id: string;
  order_id: string;
  dealer_id: string;
  type: string;
  status: string | null;
  actor_id: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  sales_rep_user_id: string | null;
  dealer_region: string | null;
  at: Date;
}

/**
 * Publishes committed outbox rows. Woken by the NOTIFY that a committing transaction sends (see the
 * order_event trigger) and by a slow poll. Each batch is claimed with FOR UPDATE SKIP LOCKED, so
 * several orders instances never publish the same row at once; the row is marked published in the
 * same transaction after the bus took it. A crash between the two republishes it: at-least-once,
 * and subscribers drop repeats by event id.
 */
export async function startOutboxRelay(options: OutboxRelayOptions): Promise<() => Promise<void>> {
  const { orm, bus, logger } = options;
  const schema = orm.config.get('schema') ?? 'orders';
  const batchSize = options.batchSize ?? 200;
  const claimAndPublish = async (): Promise<number> =>
    orm.em.fork().transactional(async (em) => {
      const rows = (await em.execute(
        `select id, order_id, dealer_id, type, status, actor_id, reason, data, sales_rep_user_id, dealer_region, at from "${schema}"."order_event"
         where published_at is null order by at, id limit ? for update skip locked`,
        [batchSize],
      )) as OutboxRow[];
      if (!rows.length) return 0;
      const publishedAt = new Date();
      for (const row of rows) await bus.publish(toMessage(row, publishedAt));
      await em.execute(`update "${schema}"."order_event" set published_at = ? where id in (${rows.map(() => '?').join(',')})`, [
        publishedAt,
        ...rows.map((r) => r.id),
      ]);
      return rows.length;
    });

  return startOutboxDrain({
    databaseUrl: options.databaseUrl,
    logger,
    channel: 'orders_outbox',
    name: 'outbox relay',
    batch: claimAndPublish,
    batchSize,
    pollMs: options.pollIntervalMs ?? 1000,
  });
}

function toMessage(row: OutboxRow, publishedAt: Date): OrderEventMessage {
  return {
    id: row.id,
    orderId: row.order_id,
    dealerId: row.dealer_id,
    type: row.type,
    status: row.status,
    actorId: row.actor_id,
    reason: row.reason,
    data: row.data,
    salesRepUserId: row.sales_rep_user_id,
    dealerRegion: row.dealer_region,
    at: new Date(row.at).toISOString(),
    publishedAt: publishedAt.toISOString(),
  };
}
