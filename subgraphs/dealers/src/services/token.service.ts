import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, type Claims } from '@dealergraph/runtime';
import { importPKCS8, SignJWT, type CryptoKey } from 'jose';

/** Issues access tokens; built once per process from the configured private key. */
export interface TokenService {
  issueAccessToken(claims: Claims): Promise<string>;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

/** Loads the signing key and returns the issuer. */
export async function createTokenService(options: {
  privateKeyPem: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}): Promise<TokenService> {
  const key: CryptoKey = await importPKCS8(options.privateKeyPem, ACCESS_TOKEN_ALGORITHM);
  return {
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
  };
}
