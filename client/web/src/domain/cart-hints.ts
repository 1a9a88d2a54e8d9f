// What the cart tells a dealer beside each line and above the Place order button, from what the API
// computed (prices, volume breaks, the credit preview). Decides which notices show and how urgent.

export type Tone = 'info' | 'warning' | 'danger' | 'success';

export interface CartLineFacts {
  orderable: boolean;
  problem: string | null;
  priceChanged: boolean;
  volumeBreakHint: string | null;
  stockStatus: string | null;
}

export interface LineHint {
  kind: 'NOT_ORDERABLE' | 'PRICE_CHANGED' | 'LOW_STOCK' | 'OUT_OF_STOCK' | 'VOLUME_BREAK';
  tone: Tone;
}

/** The hints of one line, most urgent first. */
export function lineHints(line: CartLineFacts): LineHint[] {
  const hints: LineHint[] = [];
  if (!line.orderable) hints.push({ kind: 'NOT_ORDERABLE', tone: 'danger' });
  if (line.priceChanged) hints.push({ kind: 'PRICE_CHANGED', tone: 'warning' });
  if (line.orderable && line.stockStatus === 'OUT') hints.push({ kind: 'OUT_OF_STOCK', tone: 'danger' });
  else if (line.orderable && line.stockStatus === 'LOW') hints.push({ kind: 'LOW_STOCK', tone: 'warning' });
  if (line.orderable && line.volumeBreakHint) hints.push({ kind: 'VOLUME_BREAK', tone: 'info' });
  return hints;
}

export interface CreditPreviewFacts {
  outcome: string;
}

/**
 * How the credit preview (CreditPreviewOutcome) reads above the button: within credit, will wait for
 * approval, needs attention (part of the order, or payment first), or refused. With a warning on an
 * accepted order (SOFT_WARNING policy), the warning shows.
 */
export function creditNotice(
  preview: (CreditPreviewFacts & { warning?: string | null }) | null,
): { kind: 'OK' | 'APPROVAL' | 'WARNING' | 'BLOCKED'; tone: Tone } | null {
  if (!preview) return null;
  switch (preview.outcome) {
    case 'ACCEPT':
      return preview.warning ? { kind: 'WARNING', tone: 'warning' } : { kind: 'OK', tone: 'success' };
    case 'APPROVAL':
      return { kind: 'APPROVAL', tone: 'info' };
    case 'PARTIAL':
    case 'PAYMENT_REQUIRED':
      return { kind: 'WARNING', tone: 'warning' };
    default:
      return { kind: 'BLOCKED', tone: 'danger' };
  }
}

/** Whether Place order can be pressed: something orderable, and a role that may order. */
export function canPlaceOrder(lines: CartLineFacts[], role: string | undefined): boolean {
  return role !== 'VIEW_ONLY' && lines.length > 0 && lines.every((line) => line.orderable);
}
