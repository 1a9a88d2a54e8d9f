import { createHash, createHmac } from 'node:crypto';

import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  API_CLIENT_ROLE,
  type ApiScope,
  type Claims,
} from '@dealergraph/runtime';
import { type CryptoKey, importPKCS8, SignJWT } from 'jose';

/** Issues access tokens; built once per process from the configured private key. */
export interface TokenService {
  issueAccessToken(claims: Claims): Promise<string>;
  /** A short-lived access token of an API client: its id, dealer, scopes and own budget at the gateway. */
  issueClientToken(client: ClientTokenClaims, ttlSeconds: number): Promise<string>;
  /**
   * The secret of the refresh token that replaces `presentedSecret` in a session: an HMAC under a key
   * derived from the signing key, so the same presented token always yields the same successor (a
   * lost answer can be given again within the grace, see session-refresh.ts) while nobody without
   * the key can compute it, and no database keeps a usable token.
   */
  refreshSecretAfter(sessionId: string, presentedSecret: string): string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

/** What an API client's access token says about it. */
export interface ClientTokenClaims {
  clientId: string;
  dealerId: string | null;
  scopes: ApiScope[];
  budget: { costPerSecond: number; costBurst: number; requestsPerMinute: number };
}

/** Loads the signing key and returns the issuer. */
export async function createTokenService(options: {
  privateKeyPem: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}): Promise<TokenService> {
  const key: CryptoKey = await importPKCS8(options.privateKeyPem, ACCESS_TOKEN_ALGORITHM);
  const successorKey = createHash('sha256').update(`dealergraph refresh successor\n${options.privateKeyPem}`).digest();
  return {
    refreshSecretAfter: (sessionId, presentedSecret) =>
      createHmac('sha256', successorKey).update(`${sessionId}.${presentedSecret}`).digest('base64url'),
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds,
    issueAccessToken: ({ sub, ...rest }) =>
      new SignJWT({ ...rest })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM })
        .setSubject(sub)
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${options.accessTokenTtlSeconds}s`)
        .sign(key),
    issueClientToken: (client, ttlSeconds) =>
      // sub is the client's uuid: services record it where they record who acted (e.g. placed_by_user_id).
      new SignJWT({
        role: API_CLIENT_ROLE,
        email: `client:${client.clientId}`,
        cid: client.clientId,
        dealerId: client.dealerId,
        scopes: client.scopes,
        budget: client.budget,
      })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM })
        .setSubject(client.clientId)
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key),
  };
}
