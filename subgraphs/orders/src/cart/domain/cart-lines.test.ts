import { describe, expect, it } from 'vitest';

import {
  allUsable,
  CART_MAX_LINE_QUANTITY,
  CART_MAX_LINES,
  type CatalogEntry,
  classifyLines,
  quantityProblem,
  volumeBreakHint,
  withoutUnpriced,
} from './cart-lines.js';

const entry = (sku: string, over: Partial<CatalogEntry> = {}): CatalogEntry => ({
  id: `id-${sku}`,
  sku,
  name: `Part ${sku}`,
  active: true,
  authorized: true,
  stock: { status: 'IN_STOCK', available: 100 },
  substitutes: [],
  ...over,
});
const catalogOf = (...entries: CatalogEntry[]) => new Map(entries.map((e) => [e.sku.toLowerCase(), e]));

describe('quantityProblem', () => {
  it('accepts whole numbers from 1 to the bound only', () => {
    expect(quantityProblem({ quantity: 1 })).toBeNull();
    expect(quantityProblem({ quantity: CART_MAX_LINE_QUANTITY })).toBeNull();
    for (const q of [0, -1, 1.5, CART_MAX_LINE_QUANTITY + 1, Number.NaN, Number.POSITIVE_INFINITY, null])
      expect(quantityProblem({ quantity: q })).not.toBeNull();
  });
});

describe('classifyLines', () => {
  it('gives every line a status and merges repeats of a SKU into the first line, any case', () => {
    const catalog = catalogOf(
      entry('A-1'),
      entry('B-2', { authorized: false }),
      entry('C-3', {
        stock: { status: 'OUT', available: 0 },
        substitutes: [
          { id: 'id-D', sku: 'D-4', name: 'D', stock: { status: 'IN_STOCK', available: 5 } },
          { id: 'id-E', sku: 'E-5', name: 'E', stock: { status: 'OUT', available: 0 } },
        ],
      }),
      entry('OLD', { active: false }),
    );
    const { verdicts, plans } = classifyLines({
      lines: [
        { sku: 'A-1', quantity: 2 },
        { sku: 'nope', quantity: 1 },
        { sku: 'B-2', quantity: 1 },
        { sku: 'C-3', quantity: 1 },
        { sku: 'a-1', quantity: 3 },
        { sku: 'A-1', quantity: 1.5 },
        { sku: '', quantity: 1 },
        { sku: 'OLD', quantity: 1 },
      ],
      catalog,
      inCart: new Map(),
      cartLineCount: 0,
    });
    expect(verdicts.map((v) => v.status)).toEqual([
      'OK',
      'UNKNOWN_SKU',
      'NOT_AUTHORIZED',
      'OUT_OF_STOCK',
      'DUPLICATE',
      'INVALID_QUANTITY',
      'UNKNOWN_SKU',
      'UNKNOWN_SKU',
    ]);
    expect(verdicts[4].mergedInto).toBe(0);
    expect(verdicts[3].substitutes.map((s) => s.sku)).toEqual(['D-4']);
    expect(plans).toEqual([{ productId: 'id-A-1', sku: 'A-1', added: 5, quantity: 5, index: 0 }]);
    expect(allUsable({ verdicts })).toBe(false);
  });

  it('adds to what the cart holds and refuses to pass the line bound', () => {
    const catalog = catalogOf(entry('A-1'));
    const ok = classifyLines({ lines: [{ sku: 'A-1', quantity: 5 }], catalog, inCart: new Map([['id-A-1', 10]]), cartLineCount: 1 });
    expect(ok.plans[0]).toMatchObject({ added: 5, quantity: 15 });
    const over = classifyLines({
      lines: [{ sku: 'A-1', quantity: 2 }],
      catalog,
      inCart: new Map([['id-A-1', CART_MAX_LINE_QUANTITY - 1]]),
      cartLineCount: 1,
    });
    expect(over.verdicts[0].status).toBe('INVALID_QUANTITY');
    expect(over.plans).toEqual([]);
    const mergedOver = classifyLines({
      lines: [
        { sku: 'A-1', quantity: CART_MAX_LINE_QUANTITY },
        { sku: 'A-1', quantity: 1 },
      ],
      catalog,
      inCart: new Map(),
      cartLineCount: 0,
    });
    expect(mergedOver.verdicts.map((v) => v.status)).toEqual(['OK', 'INVALID_QUANTITY']);
  });

  it('holds a cart to its product limit', () => {
    const result = classifyLines({
      lines: [{ sku: 'A-1', quantity: 1 }],
      catalog: catalogOf(entry('A-1')),
      inCart: new Map(),
      cartLineCount: CART_MAX_LINES,
    });
    expect(result.verdicts[0].status).toBe('INVALID_QUANTITY');
  });

  it('marks every line of an unpriced product NOT_AUTHORIZED and drops its plan', () => {
    const catalog = catalogOf(entry('A-1'), entry('B-2'));
    const result = classifyLines({
      lines: [
        { sku: 'A-1', quantity: 1 },
        { sku: 'B-2', quantity: 1 },
        { sku: 'A-1', quantity: 1 },
      ],
      catalog,
      inCart: new Map(),
      cartLineCount: 0,
    });
    const priced = withoutUnpriced({ result, unpriced: new Set(['id-A-1']) });
    expect(priced.verdicts.map((v) => v.status)).toEqual(['NOT_AUTHORIZED', 'OK', 'NOT_AUTHORIZED']);
    expect(priced.plans.map((p) => p.sku)).toEqual(['B-2']);
  });

  it('all usable when every line is OK or merged', () => {
    const result = classifyLines({
      lines: [
        { sku: 'A-1', quantity: 1 },
        { sku: 'A-1', quantity: 1 },
      ],
      catalog: catalogOf(entry('A-1')),
      inCart: new Map(),
      cartLineCount: 0,
    });
    expect(allUsable(result)).toBe(true);
  });
});

describe('volumeBreakHint', () => {
  it('says how many more units reach the next break', () => {
    expect(volumeBreakHint({ reached: null, next: { minQuantity: 10, percent: '5.00', quantityMore: 3 } })).toBe('3 more for 5 % off');
    expect(
      volumeBreakHint({ reached: { minQuantity: 10, percent: '5.00' }, next: { minQuantity: 50, percent: '12.50', quantityMore: 40 } }),
    ).toBe('40 more for 12.5 % off');
  });
  it('says when the best break is reached, and nothing without breaks', () => {
    expect(volumeBreakHint({ reached: { minQuantity: 100, percent: '15.00' }, next: null })).toBe('Best volume break reached: 15 % off');
    expect(volumeBreakHint({ reached: null, next: null })).toBeNull();
  });
});
