import { canSeeDealer, normalizeId, requireClaims } from '@dealergraph/runtime';

import type { CreditContext } from '../context.js';
import type { Invoice } from '../entities/invoice.entity.js';
import type { InvoiceLine } from '../entities/invoice-line.entity.js';

/** One invoice by id, if the caller may see its dealer; null otherwise (the same answer as for no such invoice). */
export async function findInvoice(ctx: CreditContext, id: string): Promise<Invoice | null> {
  const claims = requireClaims(ctx.claims);
  const invoiceId = normalizeId(id);
  if (!invoiceId) return null;
  const invoice = await ctx.loaders.invoiceById.load(invoiceId);
  return invoice && canSeeDealer(claims, invoice.dealerId) ? invoice : null;
}

/** The lines of an invoice the caller was already allowed to read. */
export function linesOf(ctx: CreditContext, invoiceId: string): Promise<InvoiceLine[]> {
  return ctx.loaders.linesByInvoice.load(invoiceId);
}
