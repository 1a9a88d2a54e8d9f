import type { Logger } from '@dealergraph/runtime';
import pg from 'pg';

/**
 * Drains the order outbox in batches whenever a commit NOTIFYs `orders_outbox`, and on a poll in case
 * a notification was missed (the listener's connection dropped). One drain runs at a time; a wake-up
 * during a drain makes it go round once more. Shared by the relay (live subscriptions) and the ERP
 * forwarder, which read the same outbox for different readers.
 */
export async function startOutboxDrain(options: {
  databaseUrl: string;
  logger: Logger;
  /** Names the reader in its warnings ("outbox relay", "ERP forwarder"). */
  name: string;
  /** Takes one batch and returns how many rows it took; a full batch means more may wait. */
  batch: () => Promise<number>;
  batchSize: number;
  pollMs: number;
}): Promise<() => Promise<void>> {
  const { logger, name } = options;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const drain = async () => {
    do {
      again = false;
      try {
        while (!stopped && (await options.batch()) === options.batchSize);
      } catch (error) {
        if (!stopped) logger.warn(`${name}: the batch failed; trying again on the next poll`, { message: (error as Error).message });
      }
    } while (again && !stopped);
  };

  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain().finally(() => {
      running = null;
    });
  };

  const listener = new pg.Client({ connectionString: options.databaseUrl });
  listener.on('notification', wake);
  listener.on('error', (error) => logger.warn(`${name}: listener connection failed; polling only`, { message: error.message }));
  await listener.connect();
  await listener.query('listen orders_outbox');
  const timer = setInterval(wake, options.pollMs);
  timer.unref();
  wake();

  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    await listener.end().catch(() => {});
  };
}
