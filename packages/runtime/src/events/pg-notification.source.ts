import pg from 'pg';

import type { Logger } from '../logger.js';
import type { EventSource } from './event-hub.js';

/**
 * Events sent with `pg_notify(channel, json)` inside a writing transaction. PostgreSQL delivers a
 * notification only when that transaction commits, and never for one that rolls back, to every
 * connection listening on the channel in that database: so every instance of a subgraph (they share
 * its database) hears each committed change, with no outbox table and no broker. Like Redis pub/sub
 * it is at-most-once for a listener that is disconnected at the time; use it for state whose next
 * event carries the whole current value (stock levels), not for a history that must not miss a step.
 */
export interface PgNotificationSource<T> extends EventSource<T> {
  close(): Promise<void>;
}

/** Listens on one channel; each payload is parsed as JSON. Resolves once the LISTEN is in place. */
export async function listenPgNotifications<T>(options: {
  databaseUrl: string;
  channel: string;
  logger: Logger;
}): Promise<PgNotificationSource<T>> {
  const listeners = new Set<(event: T) => void>();
  const client = new pg.Client({ connectionString: options.databaseUrl });
  client.on('error', (error) => options.logger.warn(`listen ${options.channel}: connection failed`, { message: error.message }));
  client.on('notification', (message) => {
    if (message.channel !== options.channel || !message.payload) return;
    let event: T;
    try {
      event = JSON.parse(message.payload) as T;
    } catch (error) {
      options.logger.warn(`unreadable notification on ${options.channel}`, { message: (error as Error).message });
      return;
    }
    for (const listener of listeners) listener(event);
  });
  await client.connect();
  await client.query(`listen "${options.channel.replace(/"/g, '""')}"`);
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await client.end().catch(() => {});
    },
  };
}
