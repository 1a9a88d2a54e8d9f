import { formatAmount } from '@dealergraph/runtime';

import type { Statement } from '../domain/statement.js';
import { drawTable, isoDay, renderPdf } from './pdf.js';

/** A statement as a PDF: opening balance, each movement with the running balance, totals, closing balance. */
export function statementPdf(statement: Statement, meta: { dealerId: string; currency: string }, createdAt: Date): Promise<Buffer> {
  const money = (minor: number) => `${formatAmount(minor)} ${meta.currency}`;
  return renderPdf(`Statement ${isoDay(statement.from)} to ${isoDay(statement.to)}`, createdAt, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text('Account statement');
    doc.moveDown(0.5).font('Helvetica').fontSize(10);
    doc.text(`Dealer: ${meta.dealerId}`);
    doc.text(`Period: ${statement.from.toISOString()} to ${statement.to.toISOString()} (end excluded)`);
    doc
      .moveDown(0.5)
      .font('Helvetica-Bold')
      .text(`Opening balance: ${money(statement.openingBalance)}`);
    doc.moveDown();
    drawTable(
      doc,
      [
        { header: 'Date', width: 65 },
        { header: 'Type', width: 70 },
        { header: 'Reference', width: 110 },
        { header: 'Description', width: 110 },
        { header: 'Amount', width: 70, align: 'right' },
        { header: 'Balance', width: 70, align: 'right' },
      ],
      statement.lines.map((l) => [isoDay(l.at), l.kind, l.reference, l.description, formatAmount(l.amount), formatAmount(l.balance)]),
    );
    doc.moveDown().font('Helvetica').fontSize(10);
    const x = doc.page.margins.left;
    doc.text(`Invoiced: ${money(statement.totalInvoiced)}`, x, doc.y);
    doc.text(`Paid: ${money(statement.totalPaid)}`);
    doc.text(`Adjusted: ${money(statement.totalAdjusted)}`);
    doc.font('Helvetica-Bold').text(`Closing balance: ${money(statement.closingBalance)}`);
  });
}
