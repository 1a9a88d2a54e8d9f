import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { CreditContext } from '../context.js';
import { documentPath, renderDocument, statementSubject } from '../services/document.service.js';
import { findInvoice, linesOf } from '../services/invoice.service.js';
import { StatementType } from './account.type.js';
import { toInvoiceLineType } from './account-mappers.js';
import { InvoiceType } from './credit.type.js';
import { DocumentFileType, InvoiceLineType } from './ledger.type.js';
import { toInvoiceType } from './mappers.js';

const LINK_NOTE =
  'A path on the gateway (GET it there, no Authorization header needed); it works for a few minutes only and for this document only.';

@Resolver(() => InvoiceType)
export class InvoiceResolver {
  @Authorized()
  @Query(() => InvoiceType, {
    nullable: true,
    description: "One invoice by id; null when it does not exist or belongs to another dealer (dealer users see their own dealer's only).",
  })
  async invoice(
    @Arg('id', () => ID, { description: 'The invoice id.' }) id: string,
    @Ctx() ctx: CreditContext,
  ): Promise<InvoiceType | null> {
    const invoice = await findInvoice(ctx, id);
    return invoice ? toInvoiceType(invoice, ctx.now()) : null;
  }

  // Invoices reach these fields only through an access-checked path (the dealer's account or `invoice`).

  @FieldResolver(() => [InvoiceLineType], { description: "The invoice's lines, at the order's snapshot prices." })
  async lines(@Root() invoice: InvoiceType, @Ctx() ctx: CreditContext): Promise<InvoiceLineType[]> {
    return (await linesOf(ctx, invoice.id)).map((l) => toInvoiceLineType(l, invoice.currency));
  }

  @FieldResolver(() => String, { description: `Download path of the invoice PDF. ${LINK_NOTE}` })
  pdfUrl(@Root() invoice: InvoiceType, @Ctx() ctx: CreditContext): string {
    return documentPath(ctx, 'INVOICE_PDF', invoice.dealerId, invoice.id);
  }
}

@Resolver(() => StatementType)
export class StatementResolver {
  @FieldResolver(() => String, { description: `Download path of the statement as PDF. ${LINK_NOTE}` })
  pdfUrl(@Root() statement: StatementType, @Ctx() ctx: CreditContext): string {
    return documentPath(ctx, 'STATEMENT_PDF', statement.dealerId, statementSubject(statement.from, statement.to));
  }

  @FieldResolver(() => String, { description: `Download path of the statement as CSV. ${LINK_NOTE}` })
  csvUrl(@Root() statement: StatementType, @Ctx() ctx: CreditContext): string {
    return documentPath(ctx, 'STATEMENT_CSV', statement.dealerId, statementSubject(statement.from, statement.to));
  }
}

@Resolver()
export class DocumentResolver {
  // Not in the public API (@inaccessible): only the gateway's download route calls it, signed like
  // every subgraph call. The token is the authority: it was minted after an access check.
  @Directive('@inaccessible')
  @Query(() => DocumentFileType, {
    nullable: true,
    description: 'Internal: renders the document a download token names; null for a forged or expired token.',
  })
  async documentFile(
    @Arg('token', { description: 'The token of a download path.' }) token: string,
    @Ctx() ctx: CreditContext,
  ): Promise<DocumentFileType | null> {
    const file = await renderDocument(ctx, token);
    return file ? { filename: file.filename, contentType: file.contentType, contentBase64: file.content.toString('base64') } : null;
  }
}
