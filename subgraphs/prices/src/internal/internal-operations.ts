import { defineInternalOperations, formatAmount, requireLines, requireUuid, type InternalHandlers, type QuotedLine } from '@dealergraph/runtime';
import type { PricesContext } from '../context.js';
import type { VolumeBreakInput } from '../domain/pricing.js';
import { quoteOrderLines, type OrderLineQuote } from '../services/price.service.js';

/** Basis points as the contract's percent string: 500 -> "5.00". */
const percent = (bp: number) => formatAmount(bp);
const toBreak = (b: VolumeBreakInput) => ({ minQuantity: b.minQuantity, percent: percent(b.discountBp) });

function toQuotedLine(line: OrderLineQuote): QuotedLine {
  const { price, outlook } = line;
  if (!price) {
    // No list price or no price list for this dealer: the line cannot be ordered; amounts say nothing.
    return {
      productId: line.productId,
      quantity: line.quantity,
      priceable: false,
      listPrice: 0,
      unitPrice: 0,
      lineTotal: 0,
      discountPercent: '0.00',
      appliedRules: [],
      specialPrice: false,
      promotion: false,
      volumeBreak: null,
      nextVolumeBreak: null,
    };
  }
  return {
    productId: line.productId,
    quantity: line.quantity,
    priceable: true,
    listPrice: price.listPrice,
    unitPrice: price.unitPrice,
    lineTotal: price.lineTotal,
    discountPercent: percent(price.discountBp),
    appliedRules: [...price.appliedRules],
    specialPrice: price.appliedRules.includes('SPECIAL_PRICE'),
    promotion: price.appliedRules.includes('PROMOTION'),
    volumeBreak: outlook.current ? toBreak(outlook.current) : null,
    nextVolumeBreak: outlook.next ? { ...toBreak(outlook.next), quantityMore: outlook.next.quantityMore } : null,
  };
}

/** The prices subgraph's internal operations (see contracts.ts): quoteLines for the order workflow. */
export function pricesInternalOperations(newContext: () => PricesContext): InternalHandlers<'prices'> {
  return defineInternalOperations('prices', {
    async quoteLines(input) {
      const dealerId = requireUuid(input?.dealerId, 'dealerId');
      const lines = requireLines(input?.lines);
      const quoted = await quoteOrderLines(newContext(), { dealerId, lines });
      const currencies = new Set(quoted.flatMap((q) => (q.price ? [q.price.currency] : [])));
      // One order is in one currency; list prices in several would make its total meaningless.
      if (currencies.size > 1) throw new Error(`quoteLines: lines priced in several currencies (${[...currencies].join(', ')})`);
      return { currency: [...currencies][0] ?? '', lines: quoted.map(toQuotedLine) };
    },
  });
}
