/** One priced line, in minor units: what the order said or what the ERP invoiced. */
export interface PricedLine {
  sku: string;
  quantity: number;
  unitPrice: number;
}

/** A line invoiced at another price than the dealer was shown and ordered at, or not ordered at all. */
export interface PriceMismatch {
  sku: string;
  kind: 'PRICE_DIFFERS' | 'NOT_ON_ORDER';
  /** The unit price on the order; null when the SKU was not ordered. */
  orderedUnitPrice: number | null;
  invoicedUnitPrice: number;
  invoicedQuantity: number;
}

/**
 * Compares an invoice's lines with its order's (seed "Price Consistency Warning": the dealer must be
 * invoiced the price the portal showed). A unit price is compared to the cent; quantities may differ
 * (partial shipments are invoiced as they go), so only the price and the SKU count. An order line
 * split over several invoice lines is compared line by line; a SKU ordered twice at two prices
 * matches either.
 */
export function priceMismatches({
  ordered,
  invoiced,
}: {
  ordered: readonly PricedLine[];
  invoiced: readonly PricedLine[];
}): PriceMismatch[] {
  const pricesBySku = new Map<string, number[]>();
  for (const line of ordered) pricesBySku.set(line.sku, [...(pricesBySku.get(line.sku) ?? []), line.unitPrice]);
  const mismatches: PriceMismatch[] = [];
  for (const line of invoiced) {
    const prices = pricesBySku.get(line.sku);
    if (!prices) {
      mismatches.push({
        sku: line.sku,
        kind: 'NOT_ON_ORDER',
        orderedUnitPrice: null,
        invoicedUnitPrice: line.unitPrice,
        invoicedQuantity: line.quantity,
      });
    } else if (!prices.includes(line.unitPrice)) {
      mismatches.push({
        sku: line.sku,
        kind: 'PRICE_DIFFERS',
        orderedUnitPrice: prices[0]!,
        invoicedUnitPrice: line.unitPrice,
        invoicedQuantity: line.quantity,
      });
    }
  }
  return mismatches;
}
