import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';

import { type Claims, parseClaims } from '../auth/claims.js';
import { NonceGuard, type NonceMemory, type SignedBody, signedClient, unsignedRequest, verifySignedBodyWith } from '../auth/signature.js';
import { InternalCallError } from '../internal/internal-client.js';
import { type InternalRoutesOptions, mountInternalOperations } from '../internal/internal-server.js';
import { type Logger, withRequestLogScope } from '../logger.js';
import { Refusal } from '../result/result.js';

export interface SubgraphServerOptions<TContext> {
  name: string;
  schema: GraphQLSchema;
  host: string;
  /** 0 picks a free port. */
  port: number;
  hmacSecret: string;
  logger: Logger;
  /** Builds the per-request context once the signature checked out. */
  context: (claims: Claims | null, client: ClientInfo) => TContext | Promise<TContext>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any context type share one registry
  plugins?: ApolloServerPlugin<any>[];
  /** Internal operations served at /internal/<operation> to signed service calls. */
  internal?: Omit<InternalRoutesOptions, 'service' | 'logger'>;
  /** The largest GraphQL request body accepted, in bytes (2 MB unless the subgraph takes files). */
  maxBodyBytes?: number;
  /** Where accepted signature nonces are remembered; this process when left out. */
  nonces?: NonceMemory;
}

/** The caller's address and user agent, as the gateway vouched for them in the signed body. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  httpServer: Server;
  /** The express app behind it, for the few plain HTTP pages a subgraph serves besides GraphQL (mounted by its `start`). */
  app: express.Express;
  stop(): Promise<void>;
}

/** The retry hint of a SERVICE_UNAVAILABLE answer: a crashed service is back in about two seconds (as the gateway's). */
const UNAVAILABLE_RETRY_SECONDS = 2;

const INTERNAL_MESSAGE = 'Something went wrong on our side; it has been logged. Try again, and tell support if it persists.';

/**
 * Keeps expected errors as they are (a `Refusal` with its first user error's code) anything
 * unexpected with a message that leaks nothing.
 */
export function maskError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // A refusal that reached a field without userErrors: expected, answered with its code.
    if (original instanceof Refusal) {
      const [first] = original.errors;
      return {
        message: first?.message ?? original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: first?.code ?? 'BAD_REQUEST', ...(first?.field ? { field: first.field } : {}) },
      };
    }
    // Another service this one needed did not answer (killed, restarting, overloaded) and nothing on the way
    // handled it: the caller may retry, as for a subgraph the gateway cannot reach; it is no bug of ours.
    if (original instanceof InternalCallError && (original.code === 'UNAVAILABLE' || original.code === 'TIMEOUT')) {
      logger.warn('a service this request needed did not answer', { message: original.message, path: formatted.path });
      return {
        message: 'A service this request needs is not available right now; try again in a few seconds.',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS },
      };
    }
    const code = formatted.extensions?.code;
    const expected = original instanceof GraphQLError && original.extensions?.code !== undefined;
    if (expected || (code && code !== 'INTERNAL_SERVER_ERROR')) return formatted;
    logger.error('unexpected error', { message: (original as Error)?.message, path: formatted.path, stack: (original as Error)?.stack });
    return {
      message: INTERNAL_MESSAGE,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * Serves a subgraph over HTTP. Every request must carry the gateway's signature over query, variables
 * and claims; the claims are read from that signed body and nowhere else.
 */
export async function startSubgraphServer<TContext extends object>(options: SubgraphServerOptions<TContext>): Promise<RunningSubgraph> {
  const app = express();
  const httpServer = createServer(app);
  const server = new ApolloServer<TContext>({
    schema: options.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: maskError(options.logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Traces are for Apollo's paid router; our gateway does not read them.
      ApolloServerPluginInlineTraceDisabled(),
      // Nothing reads cache hints, and the plugin wraps every field resolver of every response (about
      // 4 % of a subgraph's CPU on the catalog page).
      ApolloServerPluginCacheControlDisabled(),
      ...(options.plugins ?? []),
    ],
  });
  await server.start();
  const nonces = options.nonces ?? new NonceGuard();
  // Every line logged while a request runs names it: the gateway's x-request-id (it sends one per request).
  app.use((req, _res, next) => {
    const header = req.headers['x-request-id'];
    const requestId = (Array.isArray(header) ? header[0] : header)?.slice(0, 100) ?? randomUUID();
    withRequestLogScope({ requestId }, next);
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  if (options.internal) mountInternalOperations(app, { ...options.internal, service: options.name, logger: options.logger });
  app.use(
    '/graphql',
    express.json({ limit: options.maxBodyBytes ?? 2 * 1024 * 1024 }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const body = req.body as SignedBody | undefined;
        const check = await verifySignedBodyWith(body, options.hmacSecret, nonces);
        if (check !== 'OK') throw unsignedRequest(check);
        const jwt = body?.extensions?.jwt as { payload?: unknown } | undefined;
        return options.context(parseClaims(jwt?.payload), signedClient(body));
      },
    }),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    name: options.name,
    port,
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}/graphql`,
    httpServer,
    app,
    stop: async () => {
      await server.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
