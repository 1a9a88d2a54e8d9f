import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { defaultPrintFn } from '@graphql-tools/executor-common';
import type { ExecutionRequest, ExecutionResult, Executor } from '@graphql-tools/utils';
import { type DocumentNode, print } from 'graphql';

import type { ClientAddress, RawRequestContext } from './security/client-address.js';
import { SharedStream } from './shared-stream.js';

/** What the gateway's subscription sharing holds right now, for tests and the benchmark. */
export interface SubscriptionSharingStats {
  /** Client subscriptions, executed once per event for all identical ones (groups). */
  groups: number;
  /** Client subscriptions reading the groups. */
  members: number;
  /** Upstream subscriptions open to subgraphs. */
  upstream: number;
  /** Client subscriptions reading them. */
  consumers: number;
  /** Entity fetches behind subscription events answered by an identical one already in flight. */
  sharedFetches: number;
}

export interface SubscriptionSharing {
  plugin: GatewayPlugin;
  stats(): SubscriptionSharingStats;
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<ExecutionResult> =>
  value != null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

/**
 * Everything a subgraph's answer can depend on: the subgraph, the operation, its variables, the
 * forwarded claims (the whole signed payload, so only calls of the very same token are alike) and
 * the client's address in the signed envelope.
 */
function keyOf(subgraphName: string, request: ExecutionRequest): string {
  const extensions = (request.extensions ?? {}) as { jwt?: unknown; gateway?: { client?: unknown } };
  return JSON.stringify([
    subgraphName,
    defaultPrintFn(request.document),
    request.variables ?? null,
    extensions.jwt ?? null,
    extensions.gateway?.client ?? null,
  ]);
}

/** A copy a caller may merge into: the data deep-copied (errors are read, never changed, and may be class instances). */
const copyOf = (result: ExecutionResult): ExecutionResult =>
  result.data == null ? { ...result } : { ...result, data: structuredClone(result.data) };

/**
 * A client's own result object: what follows the execution (plugins' result hooks, graphql-ws
 * serialising it) may set top-level keys such as extensions, but does not change the data.
 */
const shallowCopyOf = (result: ExecutionResult): ExecutionResult => ({ ...result });

interface StreamEntry {
  ready: Promise<SharedStream<ExecutionResult> | ExecutionResult>;
  stream?: SharedStream<ExecutionResult>;
}

/**
 * Without it, every client subscription is executed on its own: a thousand clients of one token make
 * the orders subgraph execute and send each event a thousand times, and the gateway run a thousand
 * query plans with a thousand identical entity fetches. With it:
 * - identical client subscriptions (same operation, variables, claims payload and client address)
 *   are executed once per event, and each client gets its own copy of the result. Each one has passed
 *   the per-operation checks of the plugins before this one (token, session, limits) on its own, and
 *   its socket guard (token expiry, ended session) ends only its own reading;
 * - identical upstream subscriptions (same subgraph, operation, variables, claims, client address)
 *   share one subscription to the subgraph;
 * - identical entity fetches behind subscription events that are in flight at the same moment share
 *   one call (nothing is kept after it answered).
 * Every key holds the whole claims payload, so no caller ever gets what another token was sent.
 */
export function subscriptionSharing(options: { clientAddress(context: RawRequestContext): ClientAddress }): SubscriptionSharing {
  const groups = new Map<string, StreamEntry>();
  const printed = new WeakMap<DocumentNode, string>();
  const streams = new Map<string, StreamEntry>();
  const fetches = new Map<string, Promise<ExecutionResult>>();
  const subscriptionContexts = new WeakSet<object>();
  let sharedFetches = 0;

  /**
   * Joins the stream under `key` in `map`, opening it with `open` when there is none: a result that is
   * not a stream (errors) goes to everyone who asked at the same moment and is not kept.
   */
  const join = (
    map: Map<string, StreamEntry>,
    key: string,
    open: (signal: AbortSignal) => unknown,
    alone: () => unknown,
    copy: (result: ExecutionResult) => ExecutionResult,
    signal?: AbortSignal | null,
  ): Promise<unknown> => {
    let entry = map.get(key);
    if (!entry || (entry.stream && !entry.stream.open)) {
      // What it reads must not end with the client that happened to open it.
      const controller = new AbortController();
      const created: StreamEntry = {
        ready: Promise.resolve(open(controller.signal)).then(
          (result): SharedStream<ExecutionResult> | ExecutionResult => {
            if (!isAsyncIterable(result)) {
              if (map.get(key) === created) map.delete(key);
              return result as ExecutionResult;
            }
            created.stream = new SharedStream<ExecutionResult>(result[Symbol.asyncIterator](), copy, () => {
              if (map.get(key) === created) map.delete(key);
              controller.abort();
            });
            return created.stream;
          },
          (error: unknown) => {
            if (map.get(key) === created) map.delete(key);
            throw error;
          },
        ),
      };
      entry = created;
      map.set(key, entry);
    }
    return entry.ready.then((source) => {
      if (!(source instanceof SharedStream)) return source;
      // Ended between its creation and now: this one reads a stream of its own.
      if (!source.open) return alone();
      const consumer = source.join();
      signal?.addEventListener('abort', () => void consumer.return?.(), { once: true });
      return consumer;
    });
  };

  const sharedSubscription =
    (subgraphName: string, executor: Executor): Executor =>
    (request) =>
      join(
        streams,
        keyOf(subgraphName, request),
        (signal) => executor({ ...request, signal }),
        () => executor(request),
        // The query plan merges entity fetches into what the upstream sent.
        copyOf,
        request.signal,
      ) as never;

  /** The client operation's key: only the very same token, operation, variables and client address share. */
  const groupKeyOf = (args: {
    document: DocumentNode;
    operationName?: string | null;
    variableValues?: unknown;
    contextValue: unknown;
  }): string | null => {
    const context = args.contextValue as RawRequestContext & { jwt?: { payload?: unknown } };
    if (!context?.jwt?.payload) return null;
    let text = printed.get(args.document);
    if (text === undefined) {
      text = print(args.document);
      printed.set(args.document, text);
    }
    return JSON.stringify([
      text,
      args.operationName ?? null,
      args.variableValues ?? null,
      context.jwt.payload,
      options.clientAddress(context),
    ]);
  };

  const sharedFetch =
    (subgraphName: string, executor: Executor): Executor =>
    (request) => {
      const key = keyOf(subgraphName, request);
      const inflight = fetches.get(key);
      if (inflight) {
        sharedFetches++;
        return inflight.then(copyOf) as never;
      }
      const call = Promise.resolve(executor(request) as ExecutionResult);
      // Taken before the first caller's own handlers run, which may merge into what they received.
      const snapshot = call.then(copyOf);
      snapshot.catch(() => {}).finally(() => fetches.delete(key));
      fetches.set(key, snapshot);
      return call as never;
    };

  const plugin: GatewayPlugin = {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      if (args.contextValue && typeof args.contextValue === 'object') subscriptionContexts.add(args.contextValue);
      const key = groupKeyOf(args);
      if (key === null) return;
      // The hooks before this one (token, session, limits) have let this client's operation through.
      setSubscribeFn(
        (subscribeArgs) =>
          join(
            groups,
            key,
            () => subscribeFn(subscribeArgs),
            () => subscribeFn(subscribeArgs),
            shallowCopyOf,
          ) as never,
      );
    },
    onSubgraphExecute({ subgraphName, executionRequest, executor, setExecutor }) {
      if (executionRequest.operationType === 'subscription') setExecutor(sharedSubscription(subgraphName, executor));
      else if (executionRequest.operationType === 'query' && subscriptionContexts.has(executionRequest.context as object)) {
        setExecutor(sharedFetch(subgraphName, executor));
      }
    },
  };

  return {
    plugin,
    stats: () => {
      const readers = (map: Map<string, StreamEntry>) => [...map.values()].reduce((sum, entry) => sum + (entry.stream?.size ?? 0), 0);
      return { groups: groups.size, members: readers(groups), upstream: streams.size, consumers: readers(streams), sharedFetches };
    },
  };
}
