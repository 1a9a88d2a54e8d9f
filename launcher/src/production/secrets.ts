import { randomBytes } from 'node:crypto';

import { generateSigningKeys } from '@dealergraph/runtime/tokens';

/** The variables `npm run secrets` writes: what production refuses to start without. */
export const SECRET_NAMES = ['GATEWAY_HMAC_SECRET', 'INTERNAL_SERVICE_SECRET', 'JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Fresh values: two 256-bit secrets and an ES256 key pair (PEM). */
export async function generateSecrets(): Promise<Record<SecretName, string>> {
  const keys = await generateSigningKeys();
  const secret = () => randomBytes(32).toString('base64url');
  return {
    GATEWAY_HMAC_SECRET: secret(),
    INTERNAL_SERVICE_SECRET: secret(),
    JWT_PRIVATE_KEY: keys.privateKey,
    JWT_PUBLIC_KEY: keys.publicKey,
  };
}

/**
 * One value in the env-file syntax Node (`process.loadEnvFile`), Docker Compose and dotenv read the
 * same way: double quotes, new lines as `\n`. Our values are base64 and PEM, which hold no quotes.
 */
function quoted(value: string): string {
  if (/["\\]/.test(value)) throw new Error('a secret with quotes or backslashes cannot be written safely');
  return `"${value.trim().replace(/\r?\n/g, '\\n')}"`;
}

/** The text of the production env file: the secrets, production mode, and hints for the rest. */
export function renderEnvFile(secrets: Record<SecretName, string>, now: Date): string {
  return [
    `# dealergraph production settings, written by \`npm run secrets\` on ${now.toISOString()}.`,
    '# Keep this file secret (it is mode 600 and ignored by git). npm start and npm run admin:create read it;',
    '# variables already set in the environment win over it. docs/PRODUCTION.md explains each one.',
    'NODE_ENV=production',
    '',
    '# Signs the gateway -> subgraph requests; every instance of the gateway and the subgraphs needs the same.',
    `GATEWAY_HMAC_SECRET=${quoted(secrets.GATEWAY_HMAC_SECRET)}`,
    '# Signs the calls between services.',
    `INTERNAL_SERVICE_SECRET=${quoted(secrets.INTERNAL_SERVICE_SECRET)}`,
    '# ES256 key pair of the access tokens: the private key for the dealers subgraph, the public one for the gateway.',
    '# Replacing them signs every user out.',
    `JWT_PRIVATE_KEY=${quoted(secrets.JWT_PRIVATE_KEY)}`,
    `JWT_PUBLIC_KEY=${quoted(secrets.JWT_PUBLIC_KEY)}`,
    '',
    '# Unset: an embedded PostgreSQL keeps the data under .data/. For a server of your own:',
    '# DATABASE_URL=postgres://dealergraph:password@db.internal:5432/dealergraph',
    '# REDIS_URL=redis://redis.internal:6379',
    '',
  ].join('\n');
}
