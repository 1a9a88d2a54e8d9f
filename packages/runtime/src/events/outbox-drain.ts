import pg from 'pg';

import type { Logger } from '../logger.js';

/**
 * Drains an outbox table in batches whenever a commit NOTIFYs its channel, and on a poll in case a
 * notification was missed (the listener's connection dropped). One drain runs at a time; a wake-up
 * during a drain makes it go round once more. The outbox rows are the history (at least once); the
 * notification only says "look now", so a lost one costs at most one poll interval.
 */
export async function startOutboxDrain(options: {
  databaseUrl: string;
  logger: Logger;
  /** The channel the outbox's insert trigger notifies (orders_outbox, dealers_outbox). */
  channel: string;
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
  await listener.query(`listen "${options.channel.replace(/"/g, '""')}"`);
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
