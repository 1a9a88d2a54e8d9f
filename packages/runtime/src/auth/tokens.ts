import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';

/** Access tokens are ES256 JWTs with this issuer and audience; the gateway accepts no others. */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';
export const ACCESS_TOKEN_ISSUER = 'dealergraph';
export const ACCESS_TOKEN_AUDIENCE = 'dealergraph-api';

export interface SigningKeys {
  /** PKCS#8 PEM, for the dealers subgraph only. */
  privateKey: string;
  /** SPKI PEM, for the gateway. */
  publicKey: string;
}

/** A fresh ES256 key pair, for the demo and tests when no keys are configured. */
export async function generateSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
  return { privateKey: await exportPKCS8(privateKey), publicKey: await exportSPKI(publicKey) };
}
