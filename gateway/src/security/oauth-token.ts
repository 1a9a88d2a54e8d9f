import type { IncomingMessage, ServerResponse } from 'node:http';

import { newEnvelope, signRequest } from '@dealergraph/runtime';

import { type BucketStore, memoryBucketStore } from './bucket-store.js';
import type { ClientAddress } from './client-address.js';
import type { BucketPolicy } from './token-bucket.js';

export const OAUTH_TOKEN_ROUTE = '/oauth/token';
const MAX_BODY = 8 * 1024;
const QUERY =
  'mutation ApiClientToken($clientId: String!, $clientSecret: String!, $scopes: [String!]) { apiClientToken(clientId: $clientId, clientSecret: $clientSecret, scopes: $scopes) { accessToken expiresIn scopes error } }';

export interface OAuthTokenOptions {
  dealersUrl: string;
  hmacSecret: string;
  /** Attempts per client address (the sign-in budget). */
  perAddress: BucketPolicy;
  clientAddress(request: IncomingMessage): ClientAddress;
  /** Where the budget is kept: this process unless given (Redis, shared by every gateway). */
  store?: BucketStore;
}

interface Grant {
  grantType?: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string;
}

function send(response: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache', ...headers });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The grant from the form (or JSON) body and, per RFC 6749 §2.3.1, HTTP Basic credentials. */
export function parseGrant(contentType: string, body: string, authorization: string | undefined): Grant | null {
  let fields: Record<string, unknown>;
  if (contentType.includes('application/json')) {
    try {
      fields = JSON.parse(body || '{}') as Record<string, unknown>;
    } catch {
      return null;
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(body));
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const grant: Grant = {
    grantType: text(fields.grant_type),
    clientId: text(fields.client_id),
    clientSecret: text(fields.client_secret),
    scope: text(fields.scope),
  };
  const [scheme, encoded] = (authorization ?? '').trim().split(/\s+/);
  if (scheme?.toLowerCase() === 'basic' && encoded) {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    try {
      grant.clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
      grant.clientSecret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
    } catch {
      return null;
    }
  }
  return grant;
}

/**
 * `POST /oauth/token`, the OAuth2 client-credentials grant for integration partners: credentials
 * by HTTP Basic or in the form, `grant_type=client_credentials`, optional `scope` (space-separated,
 * a subset of the client's). Answers a short-lived ES256 access token issued by the dealers
 * subgraph (signed internal call), or an RFC 6749 error. Attempts are limited per client address.
 * Returns false for other paths.
 */
export function oauthTokenHandler(options: OAuthTokenOptions) {
  const buckets = (options.store ?? memoryBucketStore)('oauth-token', options.perAddress);
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    if ((request.url ?? '').split('?')[0] !== OAUTH_TOKEN_ROUTE) return false;
    void (async () => {
      if (request.method !== 'POST')
        return send(response, 405, { error: 'invalid_request', error_description: 'Use POST.' }, { allow: 'POST' });
      const client = options.clientAddress(request);
      const wait = await buckets.take(client.ip ?? 'unknown');
      if (wait > 0)
        return send(
          response,
          429,
          { error: 'slow_down', error_description: `Too many token requests; try again in ${wait} s.` },
          { 'retry-after': String(wait) },
        );
      const body = await readBody(request);
      if (body === null) return send(response, 413, { error: 'invalid_request', error_description: 'The request body is too large.' });
      const grant = parseGrant(String(request.headers['content-type'] ?? ''), body, request.headers.authorization);
      if (!grant)
        return send(response, 400, { error: 'invalid_request', error_description: 'The body or the Basic credentials cannot be read.' });
      if (grant.grantType !== 'client_credentials')
        return send(response, 400, {
          error: 'unsupported_grant_type',
          error_description: 'Only grant_type=client_credentials is supported.',
        });
      if (!grant.clientId || !grant.clientSecret)
        return send(
          response,
          401,
          { error: 'invalid_client', error_description: 'Send client_id and client_secret.' },
          { 'www-authenticate': 'Basic realm="dealergraph"' },
        );
      const variables = {
        clientId: grant.clientId.slice(0, 100),
        clientSecret: grant.clientSecret.slice(0, 200),
        scopes: grant.scope ? grant.scope.split(/\s+/).filter(Boolean) : null,
      };
      const upstream = await fetch(options.dealersUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          query: QUERY,
          variables,
          extensions: signRequest({ query: QUERY, variables }, options.hmacSecret, newEnvelope(client)),
        }),
        signal: AbortSignal.timeout(10_000),
      });
      const answer = (await upstream.json()) as {
        data?: { apiClientToken?: { accessToken: string | null; expiresIn: number | null; scopes: string[]; error: string | null } };
      };
      const result = answer.data?.apiClientToken;
      if (!result)
        return send(response, 503, {
          error: 'temporarily_unavailable',
          error_description: 'Tokens cannot be issued right now; try again shortly.',
        });
      if (result.error === 'invalid_scope')
        return send(response, 400, { error: 'invalid_scope', error_description: 'A requested scope is not granted to this client.' });
      if (!result.accessToken)
        return send(
          response,
          401,
          { error: 'invalid_client', error_description: 'Unknown client, wrong secret, or revoked client.' },
          { 'www-authenticate': 'Basic realm="dealergraph"' },
        );
      send(response, 200, {
        access_token: result.accessToken,
        token_type: 'Bearer',
        expires_in: result.expiresIn,
        scope: result.scopes.join(' '),
      });
    })().catch(() => {
      if (!response.headersSent)
        send(response, 503, {
          error: 'temporarily_unavailable',
          error_description: 'Tokens cannot be issued right now; try again shortly.',
        });
    });
    return true;
  };
}
