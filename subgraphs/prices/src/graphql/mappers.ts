import { toMoney } from '@dealergraph/runtime';
import { GraphQLError } from 'graphql';

import { type ComputedPrice, InvalidQuantityError } from '../domain/pricing.js';
import type { DealerPriceList } from '../services/price.service.js';
import type { DealerPriceListType, PriceType } from './price.type.js';

/** Basis points as a percent with at most two decimals: 2400 -> 24. */
export function bpToPercent(bp: number): number {
  return bp / 100;
}

export function toPriceType(price: ComputedPrice): PriceType {
  return {
    quantity: price.quantity,
    listPrice: toMoney(price.listPrice, price.currency),
    unitPrice: toMoney(price.unitPrice, price.currency),
    lineTotal: toMoney(price.lineTotal, price.currency),
    discountPercent: bpToPercent(price.discountBp),
    youSave: toMoney(price.listPrice - price.unitPrice, price.currency),
    appliedRules: [...price.appliedRules],
    breakdown: price.steps.map((s) => ({ rule: s.rule, label: s.label, unitPrice: toMoney(s.unitPrice, price.currency) })),
  };
}

export function toDealerPriceListType(list: DealerPriceList): DealerPriceListType {
  return {
    tier: list.tier,
    tierDiscountPercent: bpToPercent(list.tierDiscountBp),
    volumeBreaks: list.volumeBreaks.map((b) => ({
      minQuantity: b.minQuantity,
      maxQuantity: b.maxQuantity,
      discountPercent: bpToPercent(b.discountBp),
    })),
  };
}

/** Runs `work`, turning the domain's InvalidQuantityError into the API's INVALID_QUANTITY error. */
export async function withQuantityErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidQuantityError) {
      throw new GraphQLError(error.message, { extensions: { code: error.code, quantity: error.quantity } });
    }
    throw error;
  }
}
