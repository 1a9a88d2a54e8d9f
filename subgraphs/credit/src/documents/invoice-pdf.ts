import { formatAmount } from '@dealergraph/runtime';

import { drawTable, isoDay, renderPdf } from './pdf.js';

export interface InvoiceDocument {
  number: string;
  dealerId: string;
  orderId: string | null;
  issuedAt: Date;
  dueAt: Date;
  currency: string;
  amount: number;
  paidAmount: number;
  status: string;
  lines: readonly { lineNo: number; sku: string; name: string; quantity: number; unitPrice: number; lineTotal: number }[];
}

/** The invoice as a PDF: header, lines at the order's snapshot prices, total, paid and left to pay. */
export function invoicePdf(invoice: InvoiceDocument, createdAt: Date): Promise<Buffer> {
  const money = (minor: number) => `${formatAmount(minor)} ${invoice.currency}`;
  return renderPdf(`Invoice ${invoice.number}`, createdAt, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(`Invoice ${invoice.number}`);
    doc.moveDown(0.5).font('Helvetica').fontSize(10);
    doc.text(`Dealer: ${invoice.dealerId}`);
    if (invoice.orderId) doc.text(`Order: ${invoice.orderId}`);
    doc.text(`Issued: ${isoDay(invoice.issuedAt)}    Due: ${isoDay(invoice.dueAt)}    Status: ${invoice.status}`);
    doc.moveDown();
    drawTable(
      doc,
      [
        { header: '#', width: 25, align: 'right' },
        { header: 'SKU', width: 90 },
        { header: 'Description', width: 190 },
        { header: 'Qty', width: 45, align: 'right' },
        { header: 'Unit price', width: 70, align: 'right' },
        { header: 'Line total', width: 75, align: 'right' },
      ],
      invoice.lines.map((l) => [String(l.lineNo), l.sku, l.name, String(l.quantity), formatAmount(l.unitPrice), formatAmount(l.lineTotal)]),
    );
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(11);
    const right = { align: 'right' as const, width: doc.page.width - doc.page.margins.left - doc.page.margins.right };
    doc.text(`Total: ${money(invoice.amount)}`, doc.page.margins.left, doc.y, right);
    doc.font('Helvetica').fontSize(10);
    doc.text(`Paid: ${money(invoice.paidAmount)}`, right);
    doc.font('Helvetica-Bold').text(`Left to pay: ${money(Math.max(0, invoice.amount - invoice.paidAmount))}`, right);
  });
}
