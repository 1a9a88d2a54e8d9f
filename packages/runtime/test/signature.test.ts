import { describe, expect, it } from 'vitest';
import { hasValidSignature, sign, SIGNATURE_EXTENSION, signaturePayload, type SignedBody } from '../src/auth/signature.js';

const SECRET = 's3cret';
const QUERY = 'query Order($id: ID!) { order(id: $id) { id } }';
const VARIABLES = { id: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b' };
const JWT = { sub: 'u1', email: 'a@dealer.test', role: 'ORDER_ENTRY', dealerId: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b' };

/** A body as the gateway sends it: signed over query, variables and jwt. */
function signedBody(secret = SECRET): SignedBody {
  const signature = sign(signaturePayload({ query: QUERY, variables: VARIABLES, jwt: JWT }), secret);
  return { query: QUERY, variables: VARIABLES, extensions: { jwt: JWT, [SIGNATURE_EXTENSION]: signature } };
}

describe('signaturePayload and sign', () => {
  it('leave out empty variables and a missing jwt, and sign with HMAC-SHA256 in base64', () => {
    const payload = signaturePayload({ query: '{ me { id } }', variables: {} });
    expect(payload).toBe('{"query":"{ me { id } }"}');
    expect(sign(payload, SECRET)).toBe('e5co3vem/hgBhFN+Lcx9DF6kAdnJV282QIHqVjlgUPw=');
  });

  it('do not depend on the order of keys', () => {
    expect(signaturePayload({ query: 'q', variables: { a: 1, b: 2 }, jwt: { x: 1, y: 2 } })).toBe(
      signaturePayload({ query: 'q', variables: { b: 2, a: 1 }, jwt: { y: 2, x: 1 } }),
    );
  });
});

describe('hasValidSignature', () => {
  it('accepts a body signed with the shared secret', () => {
    expect(SIGNATURE_EXTENSION).toBe('hmac-signature');
    expect(hasValidSignature(signedBody(), SECRET)).toBe(true);
  });

  it('accepts a body without variables signed without them', () => {
    const signature = sign(signaturePayload({ query: '{ me { id } }' }), SECRET);
    expect(hasValidSignature({ query: '{ me { id } }', extensions: { [SIGNATURE_EXTENSION]: signature } }, SECRET)).toBe(true);
    expect(hasValidSignature({ query: '{ me { id } }', variables: {}, extensions: { [SIGNATURE_EXTENSION]: signature } }, SECRET)).toBe(true);
  });

  it('refuses a body whose query was changed', () => {
    expect(hasValidSignature({ ...signedBody(), query: 'query Order($id: ID!) { order(id: $id) { id total { amount } } }' }, SECRET)).toBe(false);
  });

  it('refuses a body whose variables were changed or dropped', () => {
    expect(hasValidSignature({ ...signedBody(), variables: { id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' } }, SECRET)).toBe(false);
    expect(hasValidSignature({ ...signedBody(), variables: null }, SECRET)).toBe(false);
  });

  it('refuses a body whose jwt claims were changed or dropped', () => {
    const body = signedBody();
    const signature = body.extensions![SIGNATURE_EXTENSION];
    expect(hasValidSignature({ ...body, extensions: { jwt: { ...JWT, role: 'ADMIN' }, [SIGNATURE_EXTENSION]: signature } }, SECRET)).toBe(false);
    expect(hasValidSignature({ ...body, extensions: { [SIGNATURE_EXTENSION]: signature } }, SECRET)).toBe(false);
  });

  it('refuses a body without a signature, or with one that is not a string', () => {
    expect(hasValidSignature({ query: QUERY, variables: VARIABLES, extensions: { jwt: JWT } }, SECRET)).toBe(false);
    expect(hasValidSignature({ query: QUERY, variables: VARIABLES }, SECRET)).toBe(false);
    expect(hasValidSignature({ query: QUERY, variables: VARIABLES, extensions: { jwt: JWT, [SIGNATURE_EXTENSION]: 42 } }, SECRET)).toBe(false);
    expect(hasValidSignature({ query: QUERY, variables: VARIABLES, extensions: { jwt: JWT, [SIGNATURE_EXTENSION]: '' } }, SECRET)).toBe(false);
  });

  it('refuses a body signed with another secret', () => {
    expect(hasValidSignature(signedBody('other-secret'), SECRET)).toBe(false);
  });

  it('refuses a missing body or one without a string query', () => {
    expect(hasValidSignature(null, SECRET)).toBe(false);
    expect(hasValidSignature(undefined, SECRET)).toBe(false);
    expect(hasValidSignature({ ...signedBody(), query: undefined }, SECRET)).toBe(false);
  });
});
