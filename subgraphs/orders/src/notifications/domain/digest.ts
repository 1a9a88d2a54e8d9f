/**
 * The daily digest: one mail that batches a user's non-urgent notifications kept since their last
 * digest. Entries are grouped by what they are about (an order, an invoice, ...), in time order,
 * each group with its events in the order they happened; the subject says how many.
 */

/** One notification kept for a digest. */
export interface DigestEntry {
  kind: string;
  /** What it is about, as the reader knows it (an order number, an invoice number). */
  subject: string;
  /** Its line in the mail (already rendered in the user's language). */
  line: string;
  at: Date;
}

export interface DigestMail {
  subject: string;
  /** One section per thing the entries are about, the thing first touched first. */
  sections: { subject: string; lines: string[] }[];
  count: number;
}

/** The digest of a user's entries; null when there is nothing to send (no empty digest is ever mailed). */
export function digestOf({ entries, title }: { entries: readonly DigestEntry[]; title: (count: number) => string }): DigestMail | null {
  if (entries.length === 0) return null;
  const sorted = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime() || a.subject.localeCompare(b.subject));
  const sections = new Map<string, string[]>();
  for (const entry of sorted) sections.set(entry.subject, [...(sections.get(entry.subject) ?? []), entry.line]);
  return {
    subject: title(entries.length),
    sections: [...sections].map(([subject, lines]) => ({ subject, lines })),
    count: entries.length,
  };
}
