/** Why an approver rejects an order: the dealer sees the code, the text says the rest. */
export const REJECTION_CODES = ['CREDIT_RISK', 'PRICE_NOT_APPROVED', 'BELOW_MINIMUM', 'STOCK', 'OTHER'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** What the dealer could do instead, suggested with a rejection. */
export const ALTERNATIVE_KINDS = ['SPLIT_ORDER', 'PAY_DOWN', 'CHOOSE_SUBSTITUTE'] as const;
export type AlternativeKind = (typeof ALTERNATIVE_KINDS)[number];

/** One suggested alternative; `amount` (minor units) only for PAY_DOWN, where it is required. */
export interface RejectionAlternative {
  kind: AlternativeKind;
  amount: number | null;
  note: string | null;
}

/** A rejection as stored with the order and carried by its REJECTED event. */
export interface Rejection {
  code: RejectionCode;
  reason: string;
  alternatives: RejectionAlternative[];
}

/** A refused rejection input: which field and why. */
export interface RejectionProblem {
  field: string[];
  message: string;
}

/** At most this many alternatives per rejection: a short list the dealer reads on a phone. */
export const MAX_ALTERNATIVES = 5;

/**
 * Checks and normalises a rejection: the text is mandatory (trimmed), the code defaults to OTHER
 * (the original two-argument rejectOrder, kept for clients), PAY_DOWN needs a positive amount and nothing else takes
 * one, and a kind appears once.
 */
export function buildRejection(input: {
  code?: RejectionCode | null;
  reason: string | null | undefined;
  alternatives?: readonly RejectionAlternative[] | null;
}): { rejection: Rejection } | { problem: RejectionProblem } {
  const reason = input.reason?.trim() ?? '';
  if (!reason) return { problem: { field: ['reason'], message: 'Say why the order is rejected.' } };
  const code = input.code ?? 'OTHER';
  if (!REJECTION_CODES.includes(code)) return { problem: { field: ['reasonCode'], message: `Unknown rejection code ${String(code)}.` } };
  const given = input.alternatives ?? [];
  if (given.length > MAX_ALTERNATIVES)
    return { problem: { field: ['alternatives'], message: `At most ${MAX_ALTERNATIVES} alternatives.` } };
  const seen = new Set<AlternativeKind>();
  const alternatives: RejectionAlternative[] = [];
  for (const [i, alt] of given.entries()) {
    const field = ['alternatives', String(i)];
    if (seen.has(alt.kind)) return { problem: { field, message: `${alt.kind} is suggested twice.` } };
    seen.add(alt.kind);
    if (alt.kind === 'PAY_DOWN' && !(alt.amount !== null && alt.amount > 0))
      return { problem: { field: [...field, 'amount'], message: 'PAY_DOWN needs the amount to pay, above zero.' } };
    if (alt.kind !== 'PAY_DOWN' && alt.amount !== null)
      return { problem: { field: [...field, 'amount'], message: `${alt.kind} takes no amount.` } };
    alternatives.push({ kind: alt.kind, amount: alt.amount, note: alt.note?.trim() || null });
  }
  return { rejection: { code, reason, alternatives } };
}
