import type { createGatewayRuntime } from '@graphql-hive/gateway-runtime';

import { bearerClaimsReader, isApiClient } from './api-client.js';
import { loadPersistedDocuments } from './manifest.js';

/** The `persistedDocuments` option of Hive Gateway's runtime (its built-in persisted operations plugin). */
export type PersistedDocumentsOption = Exclude<
  Parameters<typeof createGatewayRuntime>[0]['persistedDocuments'],
  undefined | { type: 'hive' }
>;

/** The id a request names: `documentId` in the body, else Apollo's `extensions.persistedQuery` (version 1). */
function requestedId(params: { extensions?: Record<string, unknown> }): string | null {
  const id = (params as { documentId?: unknown }).documentId;
  if (typeof id === 'string') return id;
  const apollo = params.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  return apollo?.version === 1 && typeof apollo.sha256Hash === 'string' ? apollo.sha256Hash : null;
}

/**
 * The first-party apps' operations, accepted by id in every mode: `documentId` in the body, or
 * Apollo's `extensions.persistedQuery.sha256Hash`. With `required` (production only), a document sent
 * as text is refused with PERSISTED_DOCUMENT_REQUIRED unless the caller is an API client.
 */
export function persistedDocuments(options: {
  required: boolean;
  jwtPublicKey: string;
  documents?: ReadonlyMap<string, string>;
}): PersistedDocumentsOption {
  const documents = options.documents ?? loadPersistedDocuments();
  const claimsOf = bearerClaimsReader(options.jwtPublicKey);
  return {
    getPersistedOperation: (id) => documents.get(id) ?? null,
    extractPersistedOperationId: requestedId,
    allowArbitraryDocuments: options.required ? async (request) => isApiClient(await claimsOf(request)) : true,
    customErrors: {
      persistedQueryOnly: {
        message:
          'Only the published operations of the dealergraph apps are accepted: send a documentId. Integration partners use their API client credentials.',
        extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED', http: { status: 400 } },
      },
      keyNotFound: {
        message: 'Send a documentId (or extensions.persistedQuery.sha256Hash) or a query.',
        extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED', http: { status: 400 } },
      },
      notFound: {
        message: 'No published operation has this documentId: update the app.',
        extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND', http: { status: 400 } },
      },
    },
  };
}

type Handler = (args: never) => unknown;

/**
 * Over graphql-ws the refusals above are thrown out of the runtime's execute, and graphql-ws answers a
 * throw by closing the whole socket (4500). This turns them into an error result of that one
 * operation, as over HTTP; the socket and its other subscriptions stay.
 */
export function persistedDocumentErrorsAsResults<T extends { execute?: Handler; subscribe?: Handler }>(options: T): T {
  const wrap = (handler: Handler | undefined) =>
    handler &&
    (async (args: never) => {
      try {
        return await handler(args);
      } catch (error) {
        const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
        if (error instanceof Error && typeof code === 'string' && code.startsWith('PERSISTED_DOCUMENT_')) return { errors: [error] };
        throw error;
      }
    });
  return { ...options, execute: wrap(options.execute), subscribe: wrap(options.subscribe) };
}
