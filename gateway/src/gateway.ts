import { createGatewayRuntime, getGraphQLWSOptions, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { useHmacUpstreamSignature } from '@graphql-mesh/hmac-upstream-signature';
import { createInlineSigningKeyProvider, extractFromHeader, useJWT } from '@graphql-mesh/plugin-jwt-auth';
import { defaultPrintFn } from '@graphql-tools/executor-common';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, signaturePayload } from '@dealergraph/runtime';
import { useServer } from 'graphql-ws/use/ws';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useAnonymousAccess } from './anonymous-access.plugin.js';
import { serveDocument } from './documents.js';
import { renderLocalGraphiQL, serveGraphiQLAsset } from './graphiql.js';
import { DEMO_LIMITS, PRODUCTION_LIMITS, queryLimitPlugins } from './query-limits.js';
import type { GatewayConfig } from './config.js';
import { readSupergraph, withSubgraphUrls } from './supergraph.js';

export interface RunningGateway {
  url: string;
  port: number;
  runtime: GatewayRuntime;
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

/** The one endpoint: verifies access tokens, forwards claims, signs every subgraph call. */
export function createGateway(config: GatewayConfig, supergraph = readSupergraph()): GatewayRuntime {
  return createGatewayRuntime({
    supergraph: withSubgraphUrls(supergraph, config.subgraphUrls),
    unifiedGraphHandler: config.queryPlanner === 'js' ? undefined : unifiedGraphHandler,
    graphqlEndpoint: '/graphql',
    // `query` is what the packaged GraphiQL build opens with; `defaultQuery` is for newer builds.
    graphiql: config.production ? false : ({ title: 'dealergraph', defaultQuery: DEFAULT_QUERY, query: DEFAULT_QUERY } as { title: string }),
    renderGraphiQL: renderLocalGraphiQL,
    landingPage: false,
    logging: 'warn',
    disableIntrospection: config.production ? { disableIf: ({ context }) => !(context as { jwt?: unknown }).jwt } : undefined,
    // The plugins come from packages that pin different copies of the Hive logger types.
    plugins: () => [
      useJWT({
        signingKeyProviders: [createInlineSigningKeyProvider(config.jwtPublicKey)],
        tokenLookupLocations: [extractFromHeader({ name: 'authorization', prefix: 'Bearer' }), fromConnectionParams as never],
        tokenVerification: { algorithms: [ACCESS_TOKEN_ALGORITHM], issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
        reject: { missingToken: false, invalidToken: true },
        forward: { payload: true, token: false, extensionsFieldName: 'jwt' },
      }),
      ...queryLimitPlugins(config.production ? PRODUCTION_LIMITS : DEMO_LIMITS, config.production),
      useAnonymousAccess({ allowIntrospection: !config.production }),
      // "Did you mean …?" would spell the schema out to callers that may not introspect it.
      ...(config.production ? [blockFieldSuggestionsPlugin()] : []),
      // Last, so that it signs the claims the JWT plugin just forwarded.
      useHmacUpstreamSignature({
        secret: config.hmacSecret,
        serializeExecutionRequest: (request) =>
          signaturePayload({ query: defaultPrintFn(request.document), variables: request.variables, jwt: request.extensions?.jwt }),
      }),
    ] as never[],
  });
}

/** Serves the gateway over HTTP and graphql-ws on the same path. */
export async function startGateway(config: GatewayConfig, supergraph?: string): Promise<RunningGateway> {
  const runtime = createGateway(config, supergraph);
  // The schema loads lazily; the first WebSocket subscription would fail without it.
  await runtime.getSchema();
  const documents = { hmacSecret: config.hmacSecret, creditUrl: config.subgraphUrls.credit };
  const httpServer: Server = createServer((request, response) => {
    if (serveDocument(request, response, documents)) return;
    if (config.production || !serveGraphiQLAsset(request, response)) void runtime(request, response);
  });
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsHandle = useServer(
    getGraphQLWSOptions(runtime, (ctx) => {
      const upgrade = (ctx.extra as { request: IncomingMessage }).request;
      const headers = new Headers();
      for (const [key, value] of Object.entries(upgrade.headers)) if (typeof value === 'string') headers.set(key, value);
      return { request: new Request(`http://${upgrade.headers.host ?? 'localhost'}${upgrade.url ?? '/graphql'}`, { headers }) };
    }),
    wsServer,
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    runtime,
    stop: async () => {
      await wsHandle.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await runtime.dispose();
    },
  };
}

const DEFAULT_QUERY = `# 1. Sign in (run this, copy accessToken into the Headers tab as
#    { "Authorization": "Bearer <accessToken>" }), then run MyDealerView.
mutation SignIn {
  login(email: "platinum@demo.dealer", password: "demo-pass-2026") {
    accessToken
    refreshToken
    userErrors { code message }
  }
}

query MyDealerView {
  me {
    email
    role
    dealer {
      name
      tier
      credit { limit { amount } openBalance { amount } pendingOrders { amount } available { amount } status exceedancePolicy }
    }
  }
  products(first: 5) {
    totalCount
    nodes { sku name brand stock { status available } price { unitPrice { amount } appliedRules } }
  }
  orders(first: 3) { totalCount nodes { number status total { amount } } }
}
`;
