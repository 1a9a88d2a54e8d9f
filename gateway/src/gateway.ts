import { createPublicKey } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  createServiceMetrics,
  type ServiceMetrics,
} from '@dealergraph/runtime';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { createGatewayRuntime, type GatewayRuntime, getGraphQLWSOptions } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { extractFromHeader, useJWT } from '@graphql-mesh/plugin-jwt-auth';
import { useServer } from 'graphql-ws/use/ws';
import { Redis } from 'ioredis';
import { WebSocketServer } from 'ws';

import { useAnonymousAccess } from './anonymous-access.plugin.js';
import { COST_LIMITS, defaultSecurity, type GatewayConfig, type SecuritySettings } from './config.js';
import { serveDocument } from './documents.js';
import { gatewayMetricsPlugin, serveGatewayMetrics } from './gateway-metrics.js';
import { startGatewayTracing } from './gateway-tracing.js';
import { closeGracefully, drainGate } from './graceful-close.js';
import { renderLocalGraphiQL, serveGraphiQLAsset } from './graphiql.js';
import { useInputErrorCodes } from './input-errors.plugin.js';
import { persistedDocumentErrorsAsResults, persistedDocuments } from './persisted-documents/persisted-documents.js';
import { DEMO_LIMITS, PRODUCTION_LIMITS, queryLimitPlugins } from './query-limits.js';
import { readLimitedBody } from './security/body-limit.js';
import { type BucketStore, memoryBucketStore, redisBucketStore } from './security/bucket-store.js';
import { clientAddressReader } from './security/client-address.js';
import { useClientScopes } from './security/client-scope.plugin.js';
import { useCostLimit } from './security/cost-limit.plugin.js';
import { type LiveAccess, liveAccess } from './security/live-access.js';
import { oauthTokenHandler } from './security/oauth-token.js';
import { createSessionCheck, type SessionCheck, type SharedSessionAnswers } from './security/session-check.js';
import { useSessionGate } from './security/session-gate.plugin.js';
import { useSignInGuard } from './security/sign-in-guard.plugin.js';
import { bearerFromParams, socketAuthorization, socketSessionGuard } from './security/socket-sessions.js';
import { useUpstreamSignature } from './security/upstream-signature.plugin.js';
import { useServiceUnavailable } from './service-unavailable.plugin.js';
import { useSubscriptionErrors } from './subscription-errors.plugin.js';
import { type SubscriptionSharing, subscriptionSharing, type SubscriptionSharingStats } from './subscription-sharing.plugin.js';
import { subscriptionTransportEntries } from './subscriptions.js';
import { readSupergraph, withSubgraphUrls } from './supergraph.js';
import { socketTokenCheck, useTokenAnswers } from './token-answers.js';
import { mailRoutes } from './web/mail-routes.js';
import { webRoutes } from './web/web-routes.js';

export interface RunningGateway {
  url: string;
  port: number;
  runtime: GatewayRuntime;
  /** Upstream subscriptions and the client subscriptions sharing them, now. */
  subscriptionStats(): SubscriptionSharingStats;
  /** The port of its `/metrics` listener; null when it has none. */
  metricsPort: number | null;
  /** Open client connections (HTTP and sockets), now. */
  openConnections(): Promise<number>;
  stop(): Promise<void>;
}

/** graphql-ws clients send `{ authorization: "Bearer <token>" }` as connectionParams. */
function fromConnectionParams({ serverContext }: { serverContext?: Record<string, unknown> }) {
  const params = serverContext?.connectionParams as Record<string, unknown> | undefined;
  const value = params?.authorization ?? params?.Authorization;
  if (typeof value !== 'string') return undefined;
  const [scheme, token] = value.trim().split(/\s+/);
  return scheme?.toLowerCase() === 'bearer' && token ? { prefix: 'Bearer', token } : undefined;
}

/** The configured security settings over their defaults. */
export function securityOf(config: GatewayConfig): Required<SecuritySettings> {
  const costs = config.production ? COST_LIMITS.production : COST_LIMITS.demo;
  const given = Object.fromEntries(Object.entries(config.security ?? {}).filter(([, v]) => v !== undefined));
  return { ...defaultSecurity(config.production), ...costs, ...given } as Required<SecuritySettings>;
}

/** What the gateways on one Redis share (REDIS_URL): the budgets and the session-check answers. */
interface SharedState {
  store: BucketStore;
  sessions?: SharedSessionAnswers;
  close(): void;
}

const IN_PROCESS: SharedState = { store: memoryBucketStore, close: () => {} };

/**
 * In Redis when REDIS_URL is set (every gateway on it shares them), else in this process. A command
 * Redis cannot answer within a second fails, and this process's own memory stands in: the in-process
 * limiter of the same policy (see bucket-store.ts), a call to the dealers subgraph for a session.
 */
function sharedStateOf(config: GatewayConfig): SharedState {
  if (!config.redisUrl) return IN_PROCESS;
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1_000 });
  redis.on('error', (error: Error) => console.warn(`[gateway] redis (shared state): ${error.message}`));
  const keyPrefix = config.redisKeyPrefix ?? 'dealergraph:';
  return { store: redisBucketStore(redis, keyPrefix), sessions: { redis, keyPrefix }, close: () => redis.disconnect() };
}

function sessionCheckOf(
  config: GatewayConfig,
  field: 'sessionAccess' | 'apiClientActive' = 'sessionAccess',
  shared: SharedState = IN_PROCESS,
): SessionCheck {
  return createSessionCheck({
    dealersUrl: config.subgraphUrls.dealers,
    secret: config.hmacSecret,
    ttlMs: securityOf(config).sessionCheckTtlMs,
    field,
    shared: shared.sessions,
  });
}

/** The sweep of live subscriptions (every transport) against sessions, API clients, expiry and address rules. */
function liveAccessOf(config: GatewayConfig, sessionCheck: SessionCheck, shared: SharedState = IN_PROCESS): LiveAccess {
  const security = securityOf(config);
  return liveAccess({
    sessionCheck,
    clientCheck: sessionCheckOf(config, 'apiClientActive', shared),
    sweepMs: security.socketSweepMs,
    clientAddress: clientAddressReader(security.trustedProxies),
  });
}

/** The one endpoint: verifies access tokens, forwards claims, signs every subgraph call. */
export function createGateway(
  config: GatewayConfig,
  supergraph = readSupergraph(),
  sessionCheck = sessionCheckOf(config),
  sharing?: SubscriptionSharing,
  live?: LiveAccess,
  metrics: ServiceMetrics = createServiceMetrics('gateway'),
  state: SharedState = IN_PROCESS,
  tracing: Awaited<ReturnType<typeof startGatewayTracing>>['plugin'] = null,
): GatewayRuntime {
  const security = securityOf(config);
  const clientAddress = clientAddressReader(security.trustedProxies);
  const shared = sharing ?? subscriptionSharing({ clientAddress });
  const clientCheck = sessionCheckOf(config, 'apiClientActive', state);
  const liveStreams = live ?? liveAccessOf(config, sessionCheck, state);
  const { store } = state;
  // Parsed once: given the PEM text, jsonwebtoken parses the key again on every request. It takes a
  // KeyObject as well, though the plugin's type says string.
  const verificationKey = createPublicKey(config.jwtPublicKey) as unknown as string;
  return createGatewayRuntime({
    supergraph: withSubgraphUrls(supergraph, config.subgraphUrls),
    // Deduplication of identical in-flight subgraph calls deep-copies every subgraph result
    // (structuredClone, 4 % of the gateway's CPU on the catalog page), and can merge little: every
    // call carries the caller's claims, so only one user's identical concurrent queries are identical.
    transportEntries: { '*': { options: { deduplicateInflightRequests: false } }, ...subscriptionTransportEntries() } as never,
    unifiedGraphHandler: config.queryPlanner === 'js' ? undefined : unifiedGraphHandler,
    graphqlEndpoint: '/graphql',
    // `query` is what the packaged GraphiQL build opens with; `defaultQuery` is for newer builds.
    graphiql: config.production
      ? false
      : ({ title: 'dealergraph', defaultQuery: DEFAULT_QUERY, query: DEFAULT_QUERY } as { title: string }),
    renderGraphiQL: renderLocalGraphiQL,
    landingPage: false,
    logging: 'warn',
    // A subscription lives as long as its client wants it: Hive's timeout would end the upstream one
    // after upstreamTimeoutMs (and reject its iterator unhandled). The fetches behind each event still
    // get the timeout.
    upstreamTimeout: ({ executionRequest }) =>
      executionRequest?.operationType === 'subscription' ? undefined : security.upstreamTimeoutMs,
    persistedDocuments: persistedDocuments({
      required: config.production && security.persistedDocumentsRequired,
      jwtPublicKey: config.jwtPublicKey,
    }),
    disableIntrospection: config.production ? { disableIf: ({ context }) => !(context as { jwt?: unknown }).jwt } : undefined,
    // The plugins come from packages that pin different copies of the Hive logger types.
    plugins: (ctx) =>
      [
        // First: its request span is the parent of every other plugin's work and of each subgraph call.
        ...(tracing ? [tracing(ctx)] : []),
        gatewayMetricsPlugin(metrics, ctx.log),
        // Before the JWT plugin: an expired or scheme-less token gets a coded answer instead of its bare 401/400.
        useTokenAnswers(config.jwtPublicKey),
        useJWT({
          signingKeyProviders: [() => verificationKey],
          tokenLookupLocations: [extractFromHeader({ name: 'authorization', prefix: 'Bearer' }), fromConnectionParams as never],
          tokenVerification: { algorithms: [ACCESS_TOKEN_ALGORITHM], issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
          reject: { missingToken: false, invalidToken: true },
          forward: { payload: true, token: false, extensionsFieldName: 'jwt' },
        }),
        ...queryLimitPlugins(config.production ? PRODUCTION_LIMITS : DEMO_LIMITS, config.production),
        useAnonymousAccess(),
        useSignInGuard({ perAddress: { burst: security.signInBurst, perSecond: security.signInPerMinute / 60 }, clientAddress, store }),
        useSessionGate(sessionCheck, clientAddress, clientCheck),
        // Every subscription the gates let through stays under them while it lives (any transport).
        liveStreams.plugin,
        useClientScopes(),
        useCostLimit({
          maxCost: security.maxCost,
          budget: { burst: security.costBurst, perSecond: security.costPerSecond },
          clientAddress,
          store,
        }),
        // "Did you mean …?" would spell the schema out to callers that may not introspect it.
        ...(config.production ? [blockFieldSuggestionsPlugin()] : []),
        useSubscriptionErrors(),
        useInputErrorCodes(),
        useServiceUnavailable(),
        // Last, so that it signs the claims the JWT plugin just forwarded.
        useUpstreamSignature({ secret: config.hmacSecret, clientAddress }),
        // After the signature: its executor wraps the others and keys on the signed claims.
        shared.plugin,
      ] as never[],
  });
}

/** Serves the gateway over HTTP and graphql-ws on the same path. */
export async function startGateway(config: GatewayConfig, supergraph?: string): Promise<RunningGateway> {
  const shared = sharedStateOf(config);
  const sessionCheck = sessionCheckOf(config, 'sessionAccess', shared);
  const sharing = subscriptionSharing({ clientAddress: clientAddressReader(securityOf(config).trustedProxies) });
  const live = liveAccessOf(config, sessionCheck, shared);
  const metrics = createServiceMetrics('gateway', { process: !!config.metrics });
  const tracing = await startGatewayTracing(config.tracing);
  const runtime = createGateway(config, supergraph, sessionCheck, sharing, live, metrics, shared, tracing.plugin);
  // The schema loads lazily; the first WebSocket subscription would fail without it.
  await runtime.getSchema();
  const documents = { hmacSecret: config.hmacSecret, creditUrl: config.subgraphUrls.credit };
  const security = securityOf(config);
  const clientAddress = clientAddressReader(security.trustedProxies);
  const serveOAuthToken = oauthTokenHandler({
    dealersUrl: config.subgraphUrls.dealers,
    hmacSecret: config.hmacSecret,
    perAddress: { burst: security.signInBurst, perSecond: security.signInPerMinute / 60 },
    clientAddress: (req) => clientAddress({ req }),
    store: shared.store,
  });
  const serveWeb = webRoutes(
    config,
    { burst: security.signInBurst, perSecond: security.signInPerMinute / 60 },
    (req) => clientAddress({ req }),
    shared.store,
  );
  const serveMail = mailRoutes({ ordersUrl: config.subgraphUrls.orders, production: config.production });
  const drain = drainGate();
  const httpServer: Server = createServer((request, response) => {
    if (drain.serve(request, response)) return;
    if (serveDocument(request, response, documents)) return;
    if (serveOAuthToken(request, response)) return;
    if (!config.production && serveGraphiQLAsset(request, response)) return;
    if (serveMail(request, response)) return;
    if (serveWeb(request, response)) return;
    // The body is read here, under the size limit, before the runtime parses anything.
    void readLimitedBody(request, response, security.maxBodyBytes).then((ok) => {
      if (ok) void runtime(request, response);
    });
  });
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const guard = socketSessionGuard({
    publicKey: config.jwtPublicKey,
    sessionCheck,
    sweepMs: securityOf(config).socketSweepMs,
    clientAddress: clientAddressReader(securityOf(config).trustedProxies),
  });
  const tokenCheck = socketTokenCheck(config.jwtPublicKey);
  const wsHandle = useServer(
    {
      ...persistedDocumentErrorsAsResults(
        getGraphQLWSOptions(runtime, (ctx) => {
          const upgrade = (ctx.extra as { request: IncomingMessage }).request;
          const headers = new Headers();
          for (const [key, value] of Object.entries(upgrade.headers)) if (typeof value === 'string') headers.set(key, value);
          // The socket's token on its requests too, as over HTTP: the persisted-documents check reads it there.
          const token = bearerFromParams(ctx.connectionParams);
          if (token) headers.set('authorization', `Bearer ${token}`);
          return {
            req: upgrade,
            request: new Request(`http://${upgrade.headers.host ?? 'localhost'}${upgrade.url ?? '/graphql'}`, { headers }),
          };
        }),
      ),
      onConnect: async (ctx) =>
        (await tokenCheck(socketAuthorization(ctx), (ctx.extra as { socket: { close(code: number, reason: string): void } }).socket)) &&
        guard.onConnect(ctx),
      onClose: (ctx) => guard.onClose(ctx),
    },
    wsServer,
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  metrics.gauge('dealergraph_live_sockets', 'Open graphql-ws sockets.', () => wsServer.clients.size);
  metrics.gauge(
    'dealergraph_live_subscriptions',
    'Client subscriptions, and the upstream subscriptions they share (kind).',
    () => {
      const stats = sharing.stats();
      return [
        { labels: { kind: 'client' }, value: stats.members + stats.consumers },
        { labels: { kind: 'upstream' }, value: stats.upstream },
      ];
    },
    ['kind'],
  );
  const metricsServer = await serveGatewayMetrics(config, metrics);
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    metricsPort: metricsServer?.port ?? null,
    runtime,
    subscriptionStats: () => sharing.stats(),
    openConnections: () =>
      new Promise((resolve, reject) => httpServer.getConnections((error, count) => (error ? reject(error) : resolve(count)))),
    stop: stopOnce({
      drain,
      guard,
      live,
      wsHandle,
      wsServer,
      httpServer,
      runtime,
      metricsServer,
      graceMs: config.shutdownGraceMs ?? 10_000,
      closeShared: shared.close,
    }),
  };
}

/**
 * The gateway's stop, run once however often it is called (a whole stack stops its gateway again after a test
 * stopped it on its own): readiness turns 503, sockets close with 1001 (going away) so clients reconnect to
 * another gateway and catch up, requests in flight finish, then the runtime goes.
 */
function stopOnce(parts: {
  drain: { start(): void };
  guard: { dispose(): void };
  live: { dispose(): void };
  wsHandle: { dispose(): unknown };
  wsServer: WebSocketServer;
  httpServer: Server;
  runtime: GatewayRuntime;
  metricsServer: { stop(): Promise<void> } | null;
  graceMs: number;
  closeShared(): void;
}): () => Promise<void> {
  let stopped: Promise<void> | undefined;
  const stop = async () => {
    parts.drain.start();
    parts.guard.dispose();
    parts.live.dispose();
    await parts.wsHandle.dispose();
    await new Promise<void>((resolve) => parts.wsServer.close(() => resolve()));
    await closeGracefully(parts.httpServer, parts.graceMs);
    await parts.runtime.dispose();
    await parts.metricsServer?.stop();
    parts.closeShared();
  };
  return () => (stopped ??= stop());
}

// One operation (Run needs no choice of operation), and short lines: the editor shows them whole.
const DEFAULT_QUERY = `# Sign in to the web app at / first (for example as
# platinum@demo.dealer, password demo-pass-2026): this page
# then uses that session, with no token to copy. Press Run.
#
# Apps and scripts call login(email, password) and send its
# accessToken as "Authorization: Bearer <accessToken>".
query MyDealerView {
  me {
    email
    role
    dealer {
      name
      tier
      credit {
        limit { amount }
        openBalance { amount }
        pendingOrders { amount }
        available { amount }
        status
        exceedancePolicy
      }
    }
  }
  products(first: 5) {
    totalCount
    nodes {
      sku
      name
      brand
      stock { status available }
      price { unitPrice { amount } appliedRules }
    }
  }
  orders(first: 3) {
    totalCount
    nodes { number status total { amount } }
  }
}
`;
