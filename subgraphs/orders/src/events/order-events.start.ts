import { serveSubscriptions, type SubgraphRuntime, type SubgraphServing } from '@dealergraph/runtime';

import type { OrdersConfig } from '../config.js';
import { channelFor, createInProcessBus, createRedisBus, type EventBus } from './event-bus.js';
import type { OrderEventHub } from './order-event-hub.js';
import { startOutboxRelay } from './outbox-relay.js';

/**
 * The live side of the orders subgraph, started with the service: the event bus (Redis when
 * REDIS_URL is set, else in-process), the outbox relay that publishes committed events to it, the
 * hub that feeds them to this instance's subscriptions, and graphql-ws on the subgraph's own server.
 * Returns how to stop all of it.
 */
export async function startOrderEvents(
  runtime: SubgraphRuntime,
  serving: SubgraphServing<object>,
  hub: OrderEventHub,
): Promise<() => Promise<void>> {
  const config = runtime.config as Partial<OrdersConfig> & SubgraphRuntime['config'];
  const bus: EventBus = config.redisUrl
    ? await createRedisBus(config.redisUrl, channelFor(config.databaseUrl), runtime.logger)
    : createInProcessBus();
  hub.attach(bus);
  runtime.metrics.gauge('dealergraph_live_subscriptions', 'Subscriptions this instance feeds (orderUpdated and the like).', () => hub.size);
  runtime.metrics.gauge(
    'dealergraph_outbox_lag_seconds',
    'Age of the oldest order event not yet published to the live bus (0 when none waits).',
    async () => {
      const [row] = await runtime.orm.em
        .fork()
        .execute<{ lag: number | null }[]>(
          `select extract(epoch from now() - min(at))::float8 as lag from "orders"."order_event" where published_at is null`,
        );
      return Math.max(0, row?.lag ?? 0);
    },
  );
  const stopRelay = await startOutboxRelay({ orm: runtime.orm, databaseUrl: config.databaseUrl, bus, logger: runtime.logger });
  const stopServing = serveSubscriptions({
    httpServer: serving.httpServer,
    schema: serving.schema,
    hmacSecret: config.hmacSecret,
    logger: runtime.logger,
    contextFor: serving.contextFor,
  });
  return async () => {
    await stopServing();
    await stopRelay();
    hub.stop();
    await bus.close();
  };
}
