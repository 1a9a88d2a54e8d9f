import { generateKeyPairSync, randomBytes } from 'node:crypto';

import { generateSigningKeys } from '@dealergraph/runtime/tokens';

/** The variables `npm run secrets` writes: what production refuses to start without. */
export const SECRET_NAMES = ['GATEWAY_HMAC_SECRET', 'INTERNAL_SERVICE_SECRET', 'JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
/** Written too, but production starts without them: the VAPID key pair of web push (off without it). */
export const OPTIONAL_SECRET_NAMES = ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY'] as const;
export type OptionalSecretName = (typeof OPTIONAL_SECRET_NAMES)[number];

/**
 * A VAPID key pair (RFC 8292) as web push libraries and browsers take it: the P-256 public key as an
 * uncompressed point and the private scalar, both base64url.
 */
export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  return { publicKey: point.toString('base64url'), privateKey: jwk.d! };
}

/** Fresh values: two 256-bit secrets, an ES256 key pair (PEM) and a VAPID key pair. */
export async function generateSecrets(): Promise<Record<SecretName | OptionalSecretName, string>> {
  const keys = await generateSigningKeys();
  const vapid = generateVapidKeys();
  const secret = () => randomBytes(32).toString('base64url');
  return {
    GATEWAY_HMAC_SECRET: secret(),
    INTERNAL_SERVICE_SECRET: secret(),
    JWT_PRIVATE_KEY: keys.privateKey,
    JWT_PUBLIC_KEY: keys.publicKey,
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
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
export function renderEnvFile(secrets: Record<SecretName, string> & Partial<Record<OptionalSecretName, string>>, now: Date): string {
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
    ...(secrets.VAPID_PUBLIC_KEY && secrets.VAPID_PRIVATE_KEY
      ? [
          '# Signs web push messages (VAPID). Browsers subscribe to the public key: replacing the pair silences every',
          '# device until it subscribes again. VAPID_SUBJECT (a mailto: or https: URL) tells push services who you are.',
          `VAPID_PUBLIC_KEY=${quoted(secrets.VAPID_PUBLIC_KEY)}`,
          `VAPID_PRIVATE_KEY=${quoted(secrets.VAPID_PRIVATE_KEY)}`,
        ]
      : []),
    '',
    '# Unset: an embedded PostgreSQL keeps the data under .data/. For a server of your own:',
    '# DATABASE_URL=postgres://dealergraph:password@db.internal:5432/dealergraph',
    '# REDIS_URL=redis://redis.internal:6379',
    '',
  ].join('\n');
}
