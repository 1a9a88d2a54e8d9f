import { DOCUMENT_ROUTE, type DocumentKind, serviceUnavailable, signDocumentLink, verifyDocumentLink } from '@dealergraph/runtime';

import type { CreditContext } from '../context.js';
import { invoicePdf } from '../documents/invoice-pdf.js';
import { statementCsv } from '../documents/statement-csv.js';
import { statementPdf } from '../documents/statement-pdf.js';
import { invoiceStatus } from '../domain/credit.js';
import { statementOf } from './statement.service.js';

/** A rendered document, ready to stream. */
export interface DocumentFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

function keyOf(ctx: CreditContext): Buffer {
  if (!ctx.documentKey) throw serviceUnavailable('Document downloads are not configured on this server.');
  return ctx.documentKey;
}

/**
 * A download path on the gateway's origin for a document of a dealer the caller was already allowed to
 * read. The link expires after the configured lifetime and names this dealer's document only.
 */
export function documentPath(ctx: CreditContext, kind: DocumentKind, dealerId: string, subject: string): string {
  const exp = Math.floor(ctx.now().getTime() / 1000) + ctx.documentLinkTtlSeconds;
  return `${DOCUMENT_ROUTE}${signDocumentLink({ kind, dealerId, subject, exp }, keyOf(ctx))}`;
}

/** The statement period of a statement link's subject. */
export function statementSubject(from: Date, to: Date): string {
  return `${from.toISOString()}..${to.toISOString()}`;
}

/**
 * Renders the document a link names, or null when the token is forged, expired or names nothing that
 * belongs to its dealer. The token is the only authority: it was minted after an access check.
 */
export async function renderDocument(ctx: CreditContext, token: string): Promise<DocumentFile | null> {
  const link = verifyDocumentLink(token, keyOf(ctx), ctx.now());
  if (!link) return null;
  if (link.kind === 'INVOICE_PDF') {
    const invoice = await ctx.loaders.invoiceById.load(link.subject);
    if (!invoice || invoice.dealerId !== link.dealerId) return null;
    const lines = await ctx.loaders.linesByInvoice.load(invoice.id);
    const status = invoiceStatus({ amount: invoice.amount, paidAmount: invoice.paidAmount, dueAt: invoice.dueAt, now: ctx.now() });
    const content = await invoicePdf({ ...invoice, status, lines }, ctx.now());
    return { filename: `${invoice.number}.pdf`, contentType: 'application/pdf', content };
  }
  const [fromText, toText] = link.subject.split('..');
  const from = new Date(fromText);
  const to = new Date(toText);
  const account = await ctx.loaders.accountByDealer.load(link.dealerId);
  if (!account) return null;
  const statement = await statementOf(ctx, link.dealerId, from, to);
  const name = `statement-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}`;
  if (link.kind === 'STATEMENT_CSV') {
    return {
      filename: `${name}.csv`,
      contentType: 'text/csv; charset=utf-8',
      content: Buffer.from(statementCsv(statement, account.currency), 'utf8'),
    };
  }
  const content = await statementPdf(statement, { dealerId: link.dealerId, currency: account.currency }, ctx.now());
  return { filename: `${name}.pdf`, contentType: 'application/pdf', content };
}
