import { createECDH, sign, verify } from 'node:crypto';
import { parseEnv } from 'node:util';

import { describe, expect, it } from 'vitest';

import { generateSecrets, OPTIONAL_SECRET_NAMES, renderEnvFile, SECRET_NAMES } from '../src/production/secrets.js';

describe('the production env file', () => {
  it('reads back (as Node reads it) to the same secrets, and the key pair signs and verifies', async () => {
    const secrets = await generateSecrets();
    const parsed = parseEnv(renderEnvFile(secrets, new Date('2026-12-07T12:00:00Z')));
    expect(parsed.NODE_ENV).toBe('production');
    for (const name of SECRET_NAMES) expect(parsed[name]).toBe(secrets[name].trim());
    const data = Buffer.from('a token body');
    const signature = sign('sha256', data, parsed.JWT_PRIVATE_KEY!);
    expect(verify('sha256', data, parsed.JWT_PUBLIC_KEY!, signature)).toBe(true);
  });

  it("holds a VAPID key pair for web push: the public key is the private key's point, as browsers take it", async () => {
    const secrets = await generateSecrets();
    const parsed = parseEnv(renderEnvFile(secrets, new Date('2026-12-07T12:00:00Z')));
    for (const name of OPTIONAL_SECRET_NAMES) expect(parsed[name]).toBe(secrets[name]);
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(parsed.VAPID_PRIVATE_KEY!, 'base64url'));
    expect(ecdh.getPublicKey().toString('base64url')).toBe(parsed.VAPID_PUBLIC_KEY);
    expect(Buffer.from(parsed.VAPID_PUBLIC_KEY!, 'base64url')).toHaveLength(65);
  });

  it('is fresh each time: no two runs share a secret', async () => {
    const [a, b] = await Promise.all([generateSecrets(), generateSecrets()]);
    for (const name of SECRET_NAMES) expect(a[name]).not.toBe(b[name]);
    expect(Buffer.from(a.GATEWAY_HMAC_SECRET, 'base64url')).toHaveLength(32);
  });
});
