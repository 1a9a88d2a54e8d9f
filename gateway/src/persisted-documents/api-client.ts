import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@dealergraph/runtime';
import { importSPKI, type JWTPayload, jwtVerify } from 'jose';

/**
 * Whether verified access-token claims are an API client's (an integration partner's, with its own
 * scopes and cost budget): the one kind of caller that may send documents of its own when persisted
 * documents are required. Everyone else uses the first-party apps' persisted operations.
 */
export function isApiClient(claims: JWTPayload | undefined): boolean {
  return claims?.role === API_CLIENT_ROLE && typeof claims.cid === 'string';
}

/** The role in an API client's access token (the dealers subgraph issues them, with `cid`, its client id). */
export const API_CLIENT_ROLE = 'API_CLIENT';

/**
 * The verified claims of the Bearer token on a request, or undefined (none, or invalid: the JWT plugin
 * answers an invalid one on its own). Persisted documents are resolved before the context is built,
 * so this reads the token itself; it runs only for a document sent as text while documents are required.
 */
export function bearerClaimsReader(publicKey: string): (request: Request) => Promise<JWTPayload | undefined> {
  const key = importSPKI(publicKey, ACCESS_TOKEN_ALGORITHM);
  return async (request) => {
    const [scheme, token] = (request.headers.get('authorization') ?? '').trim().split(/\s+/);
    if (scheme?.toLowerCase() !== 'bearer' || !token) return undefined;
    try {
      const { payload } = await jwtVerify(token, await key, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
      });
      return payload;
    } catch {
      return undefined;
    }
  };
}
