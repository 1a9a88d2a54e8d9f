// The special price request form's checks, before anything is sent: a part number, a whole quantity of
// one or more, an optional unit price as a decimal amount (two fraction digits at most, never a float),
// and a reason. Each problem names its field; the message keys are the catalogue's.

export interface RequestDraft {
  sku: string;
  quantity: string;
  wantedUnitPrice: string;
  reason: string;
}

export interface RequestInput {
  sku: string;
  quantity: number;
  wantedUnitPrice: string | null;
  reason: string;
}

export type RequestProblem = 'special.skuMissing' | 'special.quantityInvalid' | 'special.priceInvalid' | 'special.reasonMissing';

/** A decimal amount as the API takes it: digits, optionally a point and one or two digits. */
export const isDecimalAmount = (value: string): boolean => /^\d+(\.\d{1,2})?$/.test(value);

/** The input to send, or the problem of each field that is not right. */
export function checkRequest(
  draft: RequestDraft,
): { input: RequestInput } | { problems: Partial<Record<keyof RequestDraft, RequestProblem>> } {
  const problems: Partial<Record<keyof RequestDraft, RequestProblem>> = {};
  const sku = draft.sku.trim();
  const quantity = Number(draft.quantity.trim());
  const price = draft.wantedUnitPrice.trim();
  const reason = draft.reason.trim();
  if (!sku) problems.sku = 'special.skuMissing';
  if (!/^\d+$/.test(draft.quantity.trim()) || quantity < 1) problems.quantity = 'special.quantityInvalid';
  if (price && !isDecimalAmount(price)) problems.wantedUnitPrice = 'special.priceInvalid';
  if (!reason) problems.reason = 'special.reasonMissing';
  if (Object.keys(problems).length) return { problems };
  return { input: { sku, quantity, wantedUnitPrice: price || null, reason } };
}
