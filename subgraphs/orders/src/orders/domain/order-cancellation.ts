/**
 * Why an order was cancelled: pure, no I/O. The codes that say the order was wrong when it was placed
 * (keyed in wrongly, sent twice, wrong price or article) are the success metrics' order errors; the
 * others (the dealer changed its mind, payment never came, anything else) are not.
 */

export const CANCELLATION_CODES = ['DEALER_REQUEST', 'ENTRY_ERROR', 'DUPLICATE_ORDER', 'WRONG_PRICE', 'WRONG_ITEM', 'OTHER'] as const;
export type CancellationCode = (typeof CANCELLATION_CODES)[number];

/** The codes counted by the order error rate. */
export const ERROR_CANCELLATION_CODES: readonly CancellationCode[] = ['ENTRY_ERROR', 'DUPLICATE_ORDER', 'WRONG_PRICE', 'WRONG_ITEM'];

/** True when a cancellation with this code means the order was placed in error. */
export function isErrorCancellation({ code }: { code: CancellationCode | null | undefined }): boolean {
  return code !== null && code !== undefined && ERROR_CANCELLATION_CODES.includes(code);
}
