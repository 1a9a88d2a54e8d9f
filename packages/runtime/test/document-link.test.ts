import { describe, expect, it } from 'vitest';

import { type DocumentLink, documentLinkKey, signDocumentLink, verifyDocumentLink } from '../src/auth/document-link.js';

const key = documentLinkKey('gateway-secret');
const now = new Date('2026-11-30T10:00:00Z');
const link: DocumentLink = { kind: 'INVOICE_PDF', dealerId: 'd1', subject: 'inv-1', exp: now.getTime() / 1000 + 300 };

describe('document links', () => {
  it('round-trip while valid', () => {
    expect(verifyDocumentLink(signDocumentLink(link, key), key, now)).toEqual(link);
  });
  it('refuse expired, forged, re-targeted and foreign-key tokens', () => {
    const token = signDocumentLink(link, key);
    expect(verifyDocumentLink(token, key, new Date(now.getTime() + 301_000))).toBeNull();
    const [, sig] = token.split('.');
    const other = Buffer.from(JSON.stringify(['INVOICE_PDF', 'd2', 'inv-1', link.exp])).toString('base64url');
    expect(verifyDocumentLink(`${other}.${sig}`, key, now)).toBeNull();
    expect(verifyDocumentLink(token, documentLinkKey('another-secret'), now)).toBeNull();
    expect(verifyDocumentLink('garbage', key, now)).toBeNull();
    expect(verifyDocumentLink(`${token}x`, key, now)).toBeNull();
  });
  it('differs from the gateway secret itself', () => {
    expect(key.toString('base64')).not.toBe(Buffer.from('gateway-secret').toString('base64'));
  });
});
