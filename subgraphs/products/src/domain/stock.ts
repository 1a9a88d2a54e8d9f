/**
 * Stock status, the traffic light dealers see next to a product.
 *
 * The rules, in one place:
 * - A warehouse's available quantity is `onHand - reserved`.
 * - A product's available quantity is the sum of its warehouses' `onHand - reserved` (an
 *   oversold warehouse, reserved above on hand, counts against the others: those units are owed).
 * - A product's threshold is the sum of its warehouses' `lowThreshold`s: the product is as short as
 *   all its buildings would be if each sat exactly on its threshold.
 * - Status from available `a` and threshold `t`: OUT (red) when a <= 0; LOW (yellow) when
 *   0 < a <= t; IN_STOCK (green) when a > t. A threshold of 0 therefore never reads LOW.
 * - Quantities shown to callers never go below zero; the status above is decided on the raw value.
 * - A product with no stock rows at all is OUT.
 * "In stock" for filtering means "not OUT", i.e. total available > 0, so LOW products are in stock.
 */
export type StockStatus = 'IN_STOCK' | 'LOW' | 'OUT';

export interface StockStatusInput {
  /** Units that can still be promised; may be negative when oversold. */
  available: number;
  /** At or below this, and above zero, the status is LOW. */
  lowThreshold: number;
}

/** Green, yellow or red for one quantity against its threshold. */
export function stockStatus({ available, lowThreshold }: StockStatusInput): StockStatus {
  if (available <= 0) return 'OUT';
  if (available <= lowThreshold) return 'LOW';
  return 'IN_STOCK';
}

export interface StockLevelRow {
  warehouseId: string;
  onHand: number;
  reserved: number;
  lowThreshold: number;
}

export interface WarehouseStockSummary {
  warehouseId: string;
  /** onHand - reserved, never below 0. */
  available: number;
  status: StockStatus;
}

export interface StockSummary {
  /** Sum over warehouses of onHand - reserved, never below 0. */
  available: number;
  /** Sum of the warehouses' thresholds. */
  lowThreshold: number;
  status: StockStatus;
  /** One entry per row given, in the order given. */
  warehouses: WarehouseStockSummary[];
}

/** Sums a product's stock rows into its overall status and each warehouse's. */
export function summarizeStock({ levels }: { levels: readonly StockLevelRow[] }): StockSummary {
  let available = 0;
  let lowThreshold = 0;
  const warehouses = levels.map((level) => {
    const own = level.onHand - level.reserved;
    available += own;
    lowThreshold += level.lowThreshold;
    return {
      warehouseId: level.warehouseId,
      available: Math.max(0, own),
      status: stockStatus({ available: own, lowThreshold: level.lowThreshold }),
    };
  });
  return {
    available: Math.max(0, available),
    lowThreshold,
    status: stockStatus({ available, lowThreshold }),
    warehouses,
  };
}
