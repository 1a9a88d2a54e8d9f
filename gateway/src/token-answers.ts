import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@dealergraph/runtime';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { decodeJwt, errors, importSPKI, jwtVerify } from 'jose';

/**
 * Coded answers for the two token mistakes a client can act on, the same over HTTP and graphql-ws:
 * - TOKEN_EXPIRED: the token was the graph's own and has expired; refresh it and retry (HTTP 401 with
 *   `extensions.code`; a socket is closed with 4401 and a reason that starts with the code). Without
 *   this the JWT plugin answers a bare "Unauthenticated" and a socket a bare 4403 "Forbidden", and a
 *   client cannot tell "refresh" from "give up".
 * - INVALID_AUTHORIZATION: an Authorization value without the "Bearer " scheme (HTTP 401; a socket is
 *   closed with 4400) instead of a 400 with no code over HTTP and an anonymous socket over graphql-ws.
 * Everything else (valid tokens, forged ones, no token) goes on to the JWT plugin unchanged.
 */
export type TokenProblem = { code: 'TOKEN_EXPIRED' | 'INVALID_AUTHORIZATION'; message: string };

const EXPIRED: TokenProblem = {
  code: 'TOKEN_EXPIRED',
  message: 'The access token has expired: get a new one (refreshSession, or POST /auth/refresh in the browser) and retry.',
};
const NO_SCHEME: TokenProblem = {
  code: 'INVALID_AUTHORIZATION',
  message: 'Send the access token as "Bearer <token>" (in the Authorization header, or connectionParams.authorization).',
};

/** Reads an Authorization value; null when there is nothing to say about it. */
export function tokenProblemReader(publicKey: string): (authorization: string | undefined | null) => Promise<TokenProblem | null> {
  const key = importSPKI(publicKey, ACCESS_TOKEN_ALGORITHM);
  return async (authorization) => {
    const value = authorization?.trim();
    if (!value) return null;
    const [scheme, token, extra] = value.split(/\s+/);
    if (scheme.toLowerCase() !== 'bearer' || !token || extra) return NO_SCHEME;
    // Cheap first: only a token whose exp has passed is verified here (its signature must be ours).
    let exp: number | undefined;
    try {
      exp = decodeJwt(token).exp;
    } catch {
      return null;
    }
    if (exp === undefined || exp * 1000 > Date.now()) return null;
    try {
      await jwtVerify(token, await key, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
      });
      return null;
    } catch (error) {
      return error instanceof errors.JWTExpired ? EXPIRED : null;
    }
  };
}

/** The HTTP side: answers the request itself, before the JWT plugin, with a GraphQL error body. */
export function useTokenAnswers(publicKey: string): GatewayPlugin {
  const problemOf = tokenProblemReader(publicKey);
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      const problem = await problemOf(request.headers.get('authorization'));
      if (!problem) return;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: problem.message, extensions: { code: problem.code } }] }), {
          status: 401,
          headers: {
            'content-type': 'application/graphql-response+json; charset=utf-8',
            'www-authenticate': `Bearer error="invalid_token", error_description="${problem.code}"`,
            'cache-control': 'no-store',
          },
        }),
      );
    },
  };
}

/** The socket side: closes a connection whose token is expired (4401) or has no Bearer scheme (4400); false then. */
export function socketTokenCheck(publicKey: string) {
  const problemOf = tokenProblemReader(publicKey);
  return async (value: string | undefined, socket: { close(code: number, reason: string): void }) => {
    if (typeof value !== 'string') return true;
    const problem = await problemOf(value);
    if (!problem) return true;
    // A close reason is at most 123 bytes: the code, then the short form of what to do.
    if (problem.code === 'TOKEN_EXPIRED') socket.close(4401, 'TOKEN_EXPIRED: refresh the access token, then reconnect.');
    else socket.close(4400, 'INVALID_AUTHORIZATION: send "Bearer <token>".');
    return false;
  };
}
