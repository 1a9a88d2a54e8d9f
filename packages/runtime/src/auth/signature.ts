import { createHmac, timingSafeEqual } from 'node:crypto';
import stableStringify from 'json-stable-stringify';
import { GraphQLError } from 'graphql';

/**
 * What the gateway signs for every subgraph call, and what subgraphs recompute: the printed query,
 * its variables (left out when empty) and the forwarded JWT claims. One function on both sides, so
 * the two can never drift apart.
 */
export function signaturePayload(request: { query: string; variables?: Record<string, unknown> | null; jwt?: unknown }): string {
  const variables = request.variables && Object.keys(request.variables).length > 0 ? request.variables : undefined;
  return stableStringify({ query: request.query, variables, jwt: request.jwt ?? undefined }) ?? '';
}

/** base64(HMAC-SHA256(secret, payload)), the value of `extensions["hmac-signature"]`. */
export function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64');
}

export const SIGNATURE_EXTENSION = 'hmac-signature';

export interface SignedBody {
  query?: unknown;
  variables?: unknown;
  extensions?: Record<string, unknown> | null;
}

/** True when the body carries a valid gateway signature. Constant-time comparison. */
export function hasValidSignature(body: SignedBody | null | undefined, secret: string): boolean {
  if (!body || typeof body.query !== 'string') return false;
  const given = body.extensions?.[SIGNATURE_EXTENSION];
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(
    sign(
      signaturePayload({
        query: body.query,
        variables: (body.variables ?? undefined) as Record<string, unknown> | undefined,
        jwt: body.extensions?.jwt,
      }),
      secret,
    ),
  );
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The error every subgraph answers to a request the gateway did not sign. */
export function unsignedRequest(): GraphQLError {
  return new GraphQLError('This service answers only requests signed by the dealergraph gateway; send your request to the gateway.', {
    extensions: { code: 'UNSIGNED_REQUEST', http: { status: 401 } },
  });
}
