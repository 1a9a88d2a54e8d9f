import type { Server } from 'node:http';

import { type ExecutionArgs, getOperationAST, GraphQLError, type GraphQLSchema, parse, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

import { type Claims, parseClaims } from '../auth/claims.js';
import { hasValidSignature, unsignedRequest } from '../auth/signature.js';
import type { Logger } from '../logger.js';
import { maskError } from './subgraph-server.js';

export interface SubscriptionServerOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  hmacSecret: string;
  logger: Logger;
  /** The context of one subscription, for the claims read from its signed subscribe message. */
  contextFor(claims: Claims | null): object;
}

/**
 * graphql-ws on the subgraph's own HTTP server at /graphql, for the gateway. Like HTTP requests,
 * every subscribe message must carry the gateway's signature over query, variables and claims, and
 * the claims come from that signed message only (connection_init is not signed, so it grants nothing).
 * Errors of a subscription, when it starts and on every event, are masked as over HTTP: a coded error
 * goes out as it is, anything unexpected as a message that leaks nothing (and is logged).
 */
export function serveSubscriptions(options: SubscriptionServerOptions): () => Promise<void> {
  const wsServer = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const mask = maskError(options.logger);
  const handle = useServer(
    {
      schema: options.schema,
      onSubscribe: (_ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const body = payload as { query: string; variables?: Record<string, unknown> | null; extensions?: Record<string, unknown> | null };
        if (!hasValidSignature(body, options.hmacSecret)) return [unsignedRequest()];
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('The query does not parse.')];
        }
        const errors = validate(options.schema, document);
        if (errors.length) return errors;
        if (!getOperationAST(document, payload.operationName)) return [new GraphQLError('No such operation in the document.')];
        const jwt = body.extensions?.jwt as { payload?: unknown } | undefined;
        return {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables ?? undefined,
          contextValue: options.contextFor(parseClaims(jwt?.payload)),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length ? { ...result, errors: result.errors.map((error) => mask(error.toJSON(), error)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => {
        for (const error of errors) if (!error.extensions?.code) options.logger.warn('subscription error', { message: error.message });
      },
    },
    wsServer,
  );
  return async () => {
    await handle.dispose();
    for (const client of wsServer.clients) client.terminate();
    await new Promise<void>((resolve) => wsServer.close(() => resolve()));
  };
}
