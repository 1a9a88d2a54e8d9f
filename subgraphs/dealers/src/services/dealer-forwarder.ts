import { internalClient, type Logger, startOutboxDrain, type SubgraphRuntime } from '@dealergraph/runtime';
import type { MikroORM } from '@mikro-orm/postgresql';

import { dealerChangedEvent } from '../domain/dealer-changed-event.js';

interface ChangeRow {
  id: string;
  subject_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  actor_name: string | null;
  at: Date;
}

const BATCH = 200;

/**
 * Hands every audited dealer change to integration as a `dealer.changed` event (customer updates
 * going upstream to the ERP). The audit table is the outbox: the change and its row commit together,
 * the insert trigger wakes this drain, and a row is marked only after integration stored its
 * deliveries. A crash in between hands it over again; integration keeps each event id once.
 */
export async function startDealerForwarder(options: {
  orm: MikroORM;
  runtime: SubgraphRuntime;
  logger: Logger;
  pollMs?: number;
}): Promise<() => Promise<void>> {
  const { orm, runtime, logger } = options;
  const schema = orm.config.get('schema') ?? 'dealers';
  const { serviceUrls, internalKey: key, databaseUrl } = runtime.config;
  // Read at call time: integration starts after dealers, and its port is known only then.
  const integration = () => internalClient('integration', { baseUrl: serviceUrls.integration, key, timeoutMs: 10_000 });

  const forwardBatch = async (): Promise<number> => {
    const connection = orm.em.getConnection();
    const rows = await connection.execute<ChangeRow[]>(
      `select id, subject_id, before, after, actor_name, at from "${schema}"."master_data_change"
        where erp_forwarded_at is null and subject = 'DEALER' order by at, id limit ?`,
      [BATCH],
    );
    if (rows.length === 0) return 0;
    const events = rows.map((row) =>
      dealerChangedEvent({
        change: {
          id: row.id,
          subjectId: row.subject_id,
          before: row.before,
          after: row.after,
          actorName: row.actor_name,
          at: new Date(row.at),
        },
      }),
    );
    await integration().call('acceptEvents', { events });
    await connection.execute(
      `update "${schema}"."master_data_change" set erp_forwarded_at = now() where id = any(?::uuid[]) and erp_forwarded_at is null`,
      [`{${rows.map((r) => r.id).join(',')}}`],
    );
    return rows.length;
  };

  return startOutboxDrain({
    databaseUrl,
    logger,
    channel: 'dealers_outbox',
    name: 'dealer forwarder',
    batch: forwardBatch,
    batchSize: BATCH,
    pollMs: options.pollMs ?? 1000,
  });
}
