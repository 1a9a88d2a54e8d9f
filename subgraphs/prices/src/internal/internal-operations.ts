import {
  defineInternalOperations,
  formatAmount,
  type InternalHandlers,
  InternalInputError,
  type InternalListPrice,
  MAX_INTERNAL_LINES,
  type QuotedLine,
  requireAmount,
  requireDealerSegment,
  requireLines,
  requireMasterDataBatch,
  requireQuantity,
  requireUuid,
  type SpecialPriceUseLine,
} from '@dealergraph/runtime';

import type { PricesContext } from '../context.js';
import type { VolumeBreakInput } from '../domain/pricing.js';
import { setDealerTier } from '../services/dealer-tier.service.js';
import { applyListPrices, stageListPrices } from '../services/list-price-import.service.js';
import { type OrderLineQuote, quoteOrderLines } from '../services/price.service.js';
import { upsertPromotions, upsertSpecialPriceAgreements } from '../services/price-agreement.service.js';
import { replaceVolumeBreaks, upsertTierRules } from '../services/price-master.service.js';
import { grantSpecialPrice, revokeSpecialPrice } from '../services/special-price-grant.service.js';
import { consumeSpecialPrices, releaseSpecialPrices } from '../services/special-price-use.service.js';

/** An ISO 8601 instant, or InternalInputError. */
function requireInstant(value: unknown, field: string): Date {
  const at = typeof value === 'string' ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) throw new InternalInputError(`${field} must be an ISO 8601 instant`);
  return at;
}

/** Special price use lines: a non-empty list of at most MAX_INTERNAL_LINES, ids canonical. */
function requireUseLines(value: unknown): SpecialPriceUseLine[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_INTERNAL_LINES)
    throw new InternalInputError(`lines must be a list of 1 to ${MAX_INTERNAL_LINES} lines`);
  return value.map((line: Record<string, unknown> | null, i) => ({
    specialPriceId: requireUuid(line?.specialPriceId, `lines[${i}].specialPriceId`),
    productId: requireUuid(line?.productId, `lines[${i}].productId`),
    quantity: requireQuantity(line?.quantity, `lines[${i}].quantity`),
  }));
}

/** List prices of an import chunk: at most MAX_INTERNAL_LINES, cents from 0, a three-letter currency. */
function requireListPrices(value: unknown): InternalListPrice[] {
  if (!Array.isArray(value) || value.length > MAX_INTERNAL_LINES)
    throw new InternalInputError(`prices must be a list of at most ${MAX_INTERNAL_LINES} prices`);
  return value.map((price: Record<string, unknown> | null, i) => {
    const listPrice = price?.listPrice;
    if (typeof listPrice !== 'number' || !Number.isSafeInteger(listPrice) || listPrice < 0)
      throw new InternalInputError(`prices[${i}].listPrice must be whole cents from 0`);
    if (typeof price?.currency !== 'string' || !/^[A-Z]{3}$/.test(price.currency))
      throw new InternalInputError(`prices[${i}].currency must be an ISO 4217 code`);
    const instant = (value: unknown, field: string) => {
      if (value === undefined || value === null) return null;
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
        throw new InternalInputError(`prices[${i}].${field} must be an ISO instant`);
      return new Date(value).toISOString();
    };
    const validFrom = instant(price?.validFrom, 'validFrom');
    const validTo = instant(price?.validTo, 'validTo');
    if (validTo && (!validFrom || validTo <= validFrom)) throw new InternalInputError(`prices[${i}].validTo must come after validFrom`);
    return { productId: requireUuid(price?.productId, `prices[${i}].productId`), listPrice, currency: price.currency, validFrom, validTo };
  });
}

/** Basis points as the API's percent string: 500 -> "5.00". */
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
      specialPriceId: null,
      specialPriceRequestId: null,
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
    specialPriceId: price.specialPriceId,
    specialPriceRequestId: price.specialPriceRequestId,
    promotion: price.appliedRules.includes('PROMOTION'),
    volumeBreak: outlook.current ? toBreak(outlook.current) : null,
    nextVolumeBreak: outlook.next ? { ...toBreak(outlook.next), quantityMore: outlook.next.quantityMore } : null,
  };
}

/** The prices subgraph's internal operations (see contracts.ts): quoteLines for the order workflow, special price grants and their use. */
export function pricesInternalOperations(newContext: () => PricesContext): InternalHandlers<'prices'> {
  return defineInternalOperations('prices', {
    async upsertTierRules(input) {
      const batch = requireMasterDataBatch(input);
      return upsertTierRules(newContext(), batch.rows, batch);
    },
    async replaceVolumeBreaks(input) {
      const batch = requireMasterDataBatch(input);
      return replaceVolumeBreaks(newContext(), batch.rows, batch);
    },
    async upsertPromotions(input) {
      const batch = requireMasterDataBatch(input);
      return upsertPromotions(newContext(), batch.rows, batch);
    },
    async upsertSpecialPrices(input) {
      const batch = requireMasterDataBatch(input);
      return upsertSpecialPriceAgreements(newContext(), batch.rows, batch);
    },
    async quoteLines(input) {
      const dealerId = requireUuid(input?.dealerId, 'dealerId');
      const lines = requireLines(input?.lines);
      const quoted = await quoteOrderLines(newContext(), { dealerId, lines });
      const currencies = new Set(quoted.flatMap((q) => (q.price ? [q.price.currency] : [])));
      // One order is in one currency; list prices in several would make its total meaningless.
      if (currencies.size > 1) throw new Error(`quoteLines: lines priced in several currencies (${[...currencies].join(', ')})`);
      return { currency: [...currencies][0] ?? '', lines: quoted.map(toQuotedLine) };
    },
    async grantSpecialPrice(input) {
      const validFrom = requireInstant(input?.validFrom, 'validFrom');
      const validTo = requireInstant(input?.validTo, 'validTo');
      if (validTo <= validFrom) throw new InternalInputError('validTo must be after validFrom');
      return grantSpecialPrice(newContext(), {
        requestId: requireUuid(input?.requestId, 'requestId'),
        dealerId: requireUuid(input?.dealerId, 'dealerId'),
        productId: requireUuid(input?.productId, 'productId'),
        unitPrice: requireAmount(input?.unitPrice, 'unitPrice'),
        quantity: requireQuantity(input?.quantity, 'quantity'),
        validFrom,
        validTo,
      });
    },
    async revokeSpecialPrice(input) {
      return revokeSpecialPrice(newContext(), { requestId: requireUuid(input?.requestId, 'requestId') });
    },
    async consumeSpecialPrices(input) {
      return consumeSpecialPrices(newContext(), {
        orderId: requireUuid(input?.orderId, 'orderId'),
        dealerId: requireUuid(input?.dealerId, 'dealerId'),
        lines: requireUseLines(input?.lines),
      });
    },
    async releaseSpecialPrices(input) {
      return releaseSpecialPrices(newContext(), { orderId: requireUuid(input?.orderId, 'orderId') });
    },
    async stageListPrices(input) {
      const importId = requireUuid(input?.importId, 'importId');
      const prices = requireListPrices(input?.prices);
      return { staged: await stageListPrices(newContext(), { importId, prices }) };
    },
    async applyListPrices(input) {
      if (typeof input?.dryRun !== 'boolean') throw new InternalInputError('dryRun must be true or false');
      const skipConflicts = input.skipConflicts ?? false;
      if (typeof skipConflicts !== 'boolean') throw new InternalInputError('skipConflicts must be true or false');
      return applyListPrices(newContext(), { importId: requireUuid(input?.importId, 'importId'), dryRun: input.dryRun, skipConflicts });
    },
    async setDealerSegment(input) {
      return { status: await setDealerTier(newContext(), requireDealerSegment(input)) };
    },
  });
}
