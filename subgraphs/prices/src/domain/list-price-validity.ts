import { windowsOverlap } from './price-agreements.js';

/**
 * Dated list prices (PRICE_LIST rows with valid_from / valid_to): pure. A product has one open-ended
 * base list price (product_price) and any number of dated windows [validFrom, validTo) that must not
 * overlap one another (a null validTo never ends). At an instant the window active then is the list
 * price, else the base price (price.queries.ts reads it so, at the request's instant: a window that
 * starts later applies from its first instant on, with no restart and no job). A window is keyed by
 * product and validFrom: the same validFrom again replaces that window (its end, price, currency).
 */

export interface ListPriceWindow {
  productId: string;
  validFrom: Date;
  validTo: Date | null;
  listPrice: number;
  currency: string;
}

export type WindowChange = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'OVERLAPPING_VALIDITY';

/** The key of a window in import answers: `<productId>@<validFrom ISO>`. */
export const windowKey = (w: { productId: string; validFrom: Date }) => `${w.productId}@${w.validFrom.toISOString()}`;

/**
 * What importing these windows does against the stored ones: each staged window is CREATED (no
 * stored window of the product starts then), UPDATED or UNCHANGED; OVERLAPPING_VALIDITY when it would
 * overlap another window of the product as they would stand after the import (a stored window that
 * the import replaces counts as replaced; two staged windows that overlap are both refused).
 */
export function planListPriceWindows(input: {
  staged: readonly ListPriceWindow[];
  stored: readonly ListPriceWindow[];
}): Map<string, WindowChange> {
  const stagedKeys = new Set(input.staged.map(windowKey));
  const storedByKey = new Map(input.stored.map((w) => [windowKey(w), w]));
  const after = new Map<string, ListPriceWindow[]>();
  const add = (w: ListPriceWindow) => after.set(w.productId, [...(after.get(w.productId) ?? []), w]);
  input.stored.filter((w) => !stagedKeys.has(windowKey(w))).forEach(add);
  input.staged.forEach(add);
  const window = (w: ListPriceWindow) => ({ from: w.validFrom, to: w.validTo });
  return new Map(
    input.staged.map((w): [string, WindowChange] => {
      const key = windowKey(w);
      const others = (after.get(w.productId) ?? []).filter((o) => o !== w);
      if (others.some((o) => windowsOverlap(window(o), window(w)))) return [key, 'OVERLAPPING_VALIDITY'];
      const before = storedByKey.get(key);
      if (!before) return [key, 'CREATED'];
      const same =
        before.listPrice === w.listPrice &&
        before.currency === w.currency &&
        (before.validTo?.getTime() ?? null) === (w.validTo?.getTime() ?? null);
      return [key, same ? 'UNCHANGED' : 'UPDATED'];
    }),
  );
}
