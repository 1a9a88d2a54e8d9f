import { randomUUID } from 'node:crypto';

import { GraphQLClient, until } from '@dealergraph/testing';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

const PLACE = 'mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } userErrors { code message } } }';

/** How one answer to placeOrder came out. */
export type Outcome = 'ok' | `refused:${string}` | `error:${string}` | 'transport';

/** What the clients and sockets saw while services were killed under them. */
export interface LoadReport {
  /** Every answer, by outcome (`error:SERVICE_UNAVAILABLE`, `refused:INSUFFICIENT_STOCK`, …). */
  outcomes: Map<Outcome, number>;
  /** The messages of the errors that were not SERVICE_UNAVAILABLE, for the failure message. */
  unexpected: string[];
  /** Every idempotency key sent and the order ids its successful answers named (one, however often retried). */
  keys: Map<string, Set<string>>;
  /** Keys that never got a success (each still refused or unavailable when the clients stopped). */
  unfinished: string[];
  /** Subscriptions that ended (an error or a completion) and were started again. */
  resubscribed: number;
  /** Sockets that closed and connected again. */
  reconnected: number;
}

/** One socket watching every order of its dealer; starts the subscription again whenever it ends. */
export interface Watcher {
  seen: Set<string>;
  dispose(): Promise<void>;
}

export function watchOrders(gatewayUrl: string, accessToken: string, report: LoadReport): Watcher {
  const seen = new Set<string>();
  let disposed = false;
  let connections = 0;
  const client: Client = createClient({
    url: gatewayUrl.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${accessToken}` },
    lazy: false,
    onNonLazyError: () => {},
    retryAttempts: Infinity,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 300)),
    shouldRetry: () => true,
    on: { connected: () => void (connections++ > 0 && report.reconnected++) },
  });
  const subscribe = () => {
    if (disposed) return;
    client.subscribe<{ orderUpdated: { id: string } }>(
      { query: 'subscription { orderUpdated { id status } }' },
      {
        next: ({ data }) => data && seen.add(data.orderUpdated.id),
        // The orders process behind it went away: subscribe again (a real client would also catch up
        // with orderEvents(since:)).
        error: () => resubscribe(),
        complete: () => resubscribe(),
      },
    );
  };
  const resubscribe = () => {
    if (disposed) return;
    report.resubscribed++;
    setTimeout(subscribe, 1_000);
  };
  subscribe();
  return {
    seen,
    dispose: async () => {
      disposed = true;
      await client.dispose();
    },
  };
}

/** The retry hint of an answer, in ms (SERVICE_UNAVAILABLE carries retryAfterSeconds). */
function retryHintMs(errors: { extensions?: Record<string, unknown> }[] | undefined): number {
  const seconds = errors?.map((e) => e.extensions?.retryAfterSeconds).find((s) => typeof s === 'number');
  return typeof seconds === 'number' ? seconds * 1000 : 1000;
}

/**
 * Places orders from `clients` until `stop()` says so, as an app would: a new idempotency key per order, the
 * same key again (after the retry hint) for an answer that was not final, and a new order once one is.
 */
export function placeOrdersUntil(clients: GraphQLClient[], skus: string[], report: LoadReport, stopped: () => boolean): Promise<void> {
  const count = (outcome: Outcome) => report.outcomes.set(outcome, (report.outcomes.get(outcome) ?? 0) + 1);
  return Promise.all(
    clients.map(async (client, c) => {
      let n = 0;
      while (!stopped()) {
        const key = randomUUID();
        report.keys.set(key, new Set());
        const input = { idempotencyKey: key, lines: [{ sku: skus[(c + n++) % skus.length], quantity: 1 }] };
        // After the stop, finish the order in hand: every key ends placed or refused, not in between.
        for (let attempt = 0; attempt < 60; attempt++) {
          let answer;
          try {
            answer = await client.request(PLACE, { input });
          } catch {
            count('transport');
            await new Promise((resolve) => setTimeout(resolve, 500));
            continue;
          }
          const code = answer.errors?.[0]?.extensions?.code as string | undefined;
          if (answer.errors?.length) {
            count(`error:${code ?? 'none'}`);
            if (code !== 'SERVICE_UNAVAILABLE') report.unexpected.push(JSON.stringify(answer.errors));
            await new Promise((resolve) => setTimeout(resolve, retryHintMs(answer.errors)));
            continue;
          }
          const placed = answer.data.placeOrder;
          if (placed.userErrors.length) {
            count(`refused:${placed.userErrors[0].code}`);
            break;
          }
          count('ok');
          report.keys.get(key)!.add(placed.order.id);
          break;
        }
        if (report.keys.get(key)!.size === 0) report.unfinished.push(key);
      }
    }),
  ).then(() => {});
}

export function emptyReport(): LoadReport {
  return { outcomes: new Map(), unexpected: [], keys: new Map(), unfinished: [], resubscribed: 0, reconnected: 0 };
}

/** Kills a service's process and waits until the supervisor has a new one serving again. */
export async function killAndAwaitRestart(
  name: string,
  pidOf: (name: string) => number | undefined,
  healthy: () => Promise<boolean>,
): Promise<void> {
  const killed = pidOf(name)!;
  process.kill(killed, 'SIGKILL');
  await until(`a new ${name} process`, () => pidOf(name) !== killed, 60_000);
  await until(`${name} serving again`, healthy, 60_000);
}
