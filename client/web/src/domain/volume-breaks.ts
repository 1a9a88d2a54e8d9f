// The price-by-quantity table of a product page: the dealer's volume breaks as rows ("1–9", "10–49",
// "100+"), which row a quantity falls in, and the next break above it (how many more pieces for the
// next discount). The prices in the rows come from the API, priced at each row's first quantity.

export interface VolumeBreak {
  minQuantity: number;
  maxQuantity?: number | null;
  discountPercent: number;
}

export interface BreakRow {
  minQuantity: number;
  /** "1–9", "100+". */
  range: string;
  discountPercent: number;
  /** The row the given quantity falls in. */
  current: boolean;
}

/** The breaks sorted by their first quantity, each labelled, the one holding `quantity` marked. */
export function breakRows(breaks: readonly VolumeBreak[], quantity: number): BreakRow[] {
  const sorted = [...breaks].sort((a, b) => a.minQuantity - b.minQuantity);
  return sorted.map((rule, i) => {
    const max = rule.maxQuantity ?? (sorted[i + 1] ? sorted[i + 1].minQuantity - 1 : null);
    return {
      minQuantity: rule.minQuantity,
      range: max === null ? `${rule.minQuantity}+` : max === rule.minQuantity ? String(max) : `${rule.minQuantity}–${max}`,
      discountPercent: rule.discountPercent,
      current: quantity >= rule.minQuantity && (max === null || quantity <= max),
    };
  });
}

/** The next break with a larger discount than the one `quantity` gets: how many more pieces reach it. */
export function nextBreak(breaks: readonly VolumeBreak[], quantity: number): { missing: number; discountPercent: number } | null {
  const rows = breakRows(breaks, quantity);
  const current = rows.find((row) => row.current);
  const next = rows.find((row) => row.minQuantity > quantity && row.discountPercent > (current?.discountPercent ?? 0));
  return next ? { missing: next.minQuantity - quantity, discountPercent: next.discountPercent } : null;
}
