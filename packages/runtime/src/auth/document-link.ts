import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived download links for documents (invoice and statement PDFs, statement CSVs). The link
 * carries what to render and for which dealer, signed with a key derived from the gateway's upstream
 * secret, so only a subgraph that checked access can mint one and the gateway can check it without a
 * database. Unguessable (HMAC-SHA256) and expiring; a link names one dealer's document only.
 */

export type DocumentKind = 'INVOICE_PDF' | 'STATEMENT_PDF' | 'STATEMENT_CSV';

export interface DocumentLink {
  kind: DocumentKind;
  dealerId: string;
  /** Invoice id for INVOICE_PDF; `from..to` ISO instants for statements. */
  subject: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export const DOCUMENT_ROUTE = '/documents/';
const KINDS: readonly DocumentKind[] = ['INVOICE_PDF', 'STATEMENT_PDF', 'STATEMENT_CSV'];

/** A key for document links only, derived so that it never signs anything the gateway secret signs. */
export function documentLinkKey(hmacSecret: string): Buffer {
  return createHmac('sha256', hmacSecret).update('dealergraph/document-link/v1').digest();
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

/** `<payload>.<signature>`, both base64url: safe in a URL path segment. */
export function signDocumentLink(link: DocumentLink, key: Buffer): string {
  const body = Buffer.from(JSON.stringify([link.kind, link.dealerId, link.subject, link.exp])).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** The link, or null when the token is malformed, forged or expired at `now`. Constant-time comparison. */
export function verifyDocumentLink(token: string, key: Buffer, now: Date): DocumentLink | null {
  const parts = token.split('.');
  if (parts.length !== 2 || parts[0].length > 2000) return null;
  const [body, given] = parts;
  const expected = Buffer.from(mac(key, body));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 4) return null;
  const [kind, dealerId, subject, exp] = fields as unknown[];
  if (!KINDS.includes(kind as DocumentKind) || typeof dealerId !== 'string' || typeof subject !== 'string' || typeof exp !== 'number')
    return null;
  if (exp * 1000 <= now.getTime()) return null;
  return { kind: kind as DocumentKind, dealerId, subject, exp };
}
