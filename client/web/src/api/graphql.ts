// Runs the app's persisted operations: the request carries the operation's id (codegen's sha256 of
// its text), never the text; the gateway serves the manifest codegen wrote beside these types.
import type { TypedDocumentString } from '@generated/graphql';

import { getAccessToken, refresh } from './session';

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string };
}

/** A request that failed as a whole: network, HTTP, or GraphQL errors (not userErrors, which are data). */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

/** The id the gateway knows the operation by. */
export function documentIdOf(document: TypedDocumentString<unknown, unknown>): string {
  const hash = (document as unknown as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('Not a persisted document: run npm run codegen');
  return hash;
}

const EXPIRED = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);

async function send(
  body: string,
  token: string | null,
): Promise<{ status: number; json: { data?: unknown; errors?: GraphQLErrorShape[] } }> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
    });
  } catch {
    throw new RequestError('The network is unreachable.', 'NETWORK');
  }
  const json = (await response.json().catch(() => ({}))) as { data?: unknown; errors?: GraphQLErrorShape[] };
  return { status: response.status, json };
}

/** Runs one operation; an expired token is refreshed and the request sent once more. */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const body = JSON.stringify({ documentId: documentIdOf(document as TypedDocumentString<unknown, unknown>), variables: variables ?? {} });
  let { status, json } = await send(body, await getAccessToken());
  const code = json.errors?.[0]?.extensions?.code;
  if (status === 401 || (code && EXPIRED.has(code))) {
    const token = await refresh(true);
    if (token) ({ status, json } = await send(body, token));
  }
  if (json.errors?.length && !json.data) {
    const first = json.errors[0];
    throw new RequestError(first.message, first.extensions?.code ?? 'ERROR', status);
  }
  if (status >= 500 && !json.data) throw new RequestError('The server could not answer.', 'SERVICE_UNAVAILABLE', status);
  return json.data as TResult;
}
