import { describe, expect, it } from 'vitest';

import {
  ENVELOPE_EXTENSION,
  newEnvelope,
  NonceGuard,
  sign,
  SIGNATURE_EXTENSION,
  signaturePayload,
  type SignedBody,
  signedClient,
  signRequest,
  verifySignedBody,
} from '../src/auth/signature.js';

const SECRET = 's3cret';
const QUERY = 'query Order($id: ID!) { order(id: $id) { id } }';
const VARIABLES = { id: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b' };
const JWT = { payload: { sub: 'u1', email: 'a@dealer.test', role: 'ORDER_ENTRY', dealerId: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b' } };
const NOW = 1_800_000_000_000;

/** A body as the gateway sends it. */
function signedBody(secret = SECRET, at = NOW): SignedBody {
  const envelope = newEnvelope({ ip: '203.0.113.7', userAgent: 'test' }, at);
  return {
    query: QUERY,
    variables: VARIABLES,
    extensions: signRequest({ query: QUERY, variables: VARIABLES, jwt: JWT }, secret, envelope),
  };
}
const verify = (body: SignedBody | null | undefined, guard = new NonceGuard(), now = NOW) => verifySignedBody(body, SECRET, guard, now);

describe('signaturePayload and sign', () => {
  it('leave out empty variables and a missing jwt, and sign with HMAC-SHA256 in base64', () => {
    const payload = signaturePayload({ query: '{ me { id } }', variables: {} });
    expect(payload).toBe('{"query":"{ me { id } }"}');
    expect(sign(payload, SECRET)).toBe('e5co3vem/hgBhFN+Lcx9DF6kAdnJV282QIHqVjlgUPw=');
  });

  it('do not depend on the order of keys, and cover the envelope', () => {
    const gateway = { ts: 1, nonce: 'n'.repeat(22) };
    expect(signaturePayload({ query: 'q', variables: { a: 1, b: 2 }, jwt: { x: 1, y: 2 }, gateway })).toBe(
      signaturePayload({ query: 'q', variables: { b: 2, a: 1 }, jwt: { y: 2, x: 1 }, gateway: { nonce: 'n'.repeat(22), ts: 1 } }),
    );
    expect(signaturePayload({ query: 'q', gateway })).not.toBe(signaturePayload({ query: 'q', gateway: { ...gateway, ts: 2 } }));
  });
});

describe('verifySignedBody', () => {
  it('accepts a fresh body signed with the shared secret, and reads the client from it', () => {
    const body = signedBody();
    expect(Object.keys(body.extensions!).sort()).toEqual([ENVELOPE_EXTENSION, SIGNATURE_EXTENSION, 'jwt'].sort());
    expect(verify(body)).toBe('OK');
    expect(signedClient(body)).toEqual({ ip: '203.0.113.7', userAgent: 'test' });
  });

  it('accepts a body without variables signed without them', () => {
    const extensions = signRequest({ query: '{ me { id } }' }, SECRET, newEnvelope(null, NOW));
    expect(verify({ query: '{ me { id } }', extensions })).toBe('OK');
    expect(verify({ query: '{ me { id } }', variables: {}, extensions })).toBe('OK');
  });

  it('refuses a replay of the same signed body', () => {
    const guard = new NonceGuard();
    const body = signedBody();
    expect(verify(body, guard)).toBe('OK');
    expect(verify(body, guard, NOW + 1_000)).toBe('REPLAYED');
  });

  it('refuses a body signed too long ago or too far ahead', () => {
    expect(verify(signedBody(SECRET, NOW - 61_000))).toBe('STALE');
    expect(verify(signedBody(SECRET, NOW + 61_000))).toBe('STALE');
    expect(verify(signedBody(SECRET, NOW - 59_000))).toBe('OK');
  });

  it('refuses a body whose timestamp, nonce or client was changed', () => {
    const body = signedBody();
    const envelope = body.extensions![ENVELOPE_EXTENSION] as Record<string, unknown>;
    for (const change of [{ ts: NOW + 1 }, { nonce: 'x'.repeat(22) }, { client: { ip: '10.0.0.1', userAgent: 'test' } }]) {
      expect(verify({ ...body, extensions: { ...body.extensions, [ENVELOPE_EXTENSION]: { ...envelope, ...change } } })).toBe('INVALID');
    }
    expect(verify({ ...body, extensions: { ...body.extensions, [ENVELOPE_EXTENSION]: undefined } })).toBe('INVALID');
  });

  it('refuses a body whose query, variables or claims were changed or dropped', () => {
    const body = signedBody();
    expect(verify({ ...body, query: 'query Order($id: ID!) { order(id: $id) { id total { amount } } }' })).toBe('INVALID');
    expect(verify({ ...body, variables: { id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' } })).toBe('INVALID');
    expect(verify({ ...body, variables: null })).toBe('INVALID');
    expect(verify({ ...body, extensions: { ...body.extensions, jwt: { payload: { ...JWT.payload, role: 'ADMIN' } } } })).toBe('INVALID');
    expect(verify({ ...body, extensions: { ...body.extensions, jwt: undefined } })).toBe('INVALID');
  });

  it('does not remember the nonce of a forged body, so the genuine one still passes', () => {
    const guard = new NonceGuard();
    const body = signedBody();
    expect(verify({ ...body, extensions: { ...body.extensions, [SIGNATURE_EXTENSION]: 'AAAA' } }, guard)).toBe('INVALID');
    expect(verify(body, guard)).toBe('OK');
  });

  it('refuses a body without a signature, with a non-string one, or signed with another secret', () => {
    const body = signedBody();
    expect(verify({ ...body, extensions: { ...body.extensions, [SIGNATURE_EXTENSION]: undefined } })).toBe('INVALID');
    expect(verify({ ...body, extensions: { ...body.extensions, [SIGNATURE_EXTENSION]: 42 } })).toBe('INVALID');
    expect(verify({ ...body, extensions: { ...body.extensions, [SIGNATURE_EXTENSION]: '' } })).toBe('INVALID');
    expect(verify(signedBody('other-secret'))).toBe('INVALID');
  });

  it('refuses a missing body or one without a string query', () => {
    expect(verify(null)).toBe('INVALID');
    expect(verify(undefined)).toBe('INVALID');
    expect(verify({ ...signedBody(), query: undefined })).toBe('INVALID');
  });
});
