import PDFDocument from 'pdfkit';

/** A pdfkit document drawn by `draw`, collected into one buffer. Built-in Helvetica: no font files to ship. */
export function renderPdf(title: string, createdAt: Date, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Author: 'dealergraph', CreationDate: createdAt } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A simple table: header row, then rows; starts a new page (with the header again) when the page is full. */
export function drawTable(doc: PDFKit.PDFDocument, columns: readonly Column[], rows: readonly string[][]): void {
  const left = doc.page.margins.left;
  const rowHeight = 16;
  const drawRow = (cells: readonly string[], bold: boolean) => {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold)
        drawRow(
          columns.map((c) => c.header),
          true,
        );
    }
    const y = doc.y;
    let x = left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      const col = columns[i];
      doc.text(cell, x + 2, y + 3, { width: col.width - 4, height: 11, align: col.align ?? 'left', ellipsis: true });
      x += col.width;
    });
    const width = columns.reduce((s, c) => s + c.width, 0);
    doc
      .moveTo(left, y + rowHeight)
      .lineTo(left + width, y + rowHeight)
      .lineWidth(bold ? 0.8 : 0.3)
      .stroke('#888888');
    doc.x = left;
    doc.y = y + rowHeight;
  };
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  for (const row of rows) drawRow(row, false);
}

/** "2026-11-01" in UTC. */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
