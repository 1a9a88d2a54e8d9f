import { chance, float, int, pick, type SeededFaker, uuid } from './random.js';
import { addDays } from './time.js';
import type { DemoInTransit, DemoProduct, DemoStockLevel, DemoWarehouse } from './types.js';

export const IN_TRANSIT_COUNT = 300;

const WAREHOUSES = [
  { code: 'WH-NORTH', name: 'North Distribution Center', city: 'Minneapolis' },
  { code: 'WH-CENTRAL', name: 'Central Distribution Center', city: 'Kansas City' },
  { code: 'WH-SOUTH', name: 'South Distribution Center', city: 'Dallas' },
] as const;

export interface Inventory {
  warehouses: DemoWarehouse[];
  stock: DemoStockLevel[];
  inTransit: DemoInTransit[];
}

type Health = 'OUT' | 'LOW' | 'HEALTHY';

/**
 * Splits `total` units over the warehouses, concentrating them: a low-stock part usually sits in
 * one or two buildings, not spread evenly.
 */
function split(faker: SeededFaker, total: number, count: number): number[] {
  const parts = new Array<number>(count).fill(0);
  for (let unit = 0; unit < total; unit++) parts[int(faker, 0, count - 1)]++;
  return parts;
}

function productLevels(faker: SeededFaker, productId: string, warehouses: DemoWarehouse[], health: Health): DemoStockLevel[] {
  // One threshold per product in every warehouse, so "total at or below the threshold" reads the
  // same whether a consumer sums the warehouses or looks at them one by one.
  const lowThreshold = int(faker, 5, 25);
  if (health === 'OUT') {
    return warehouses.map((w) => ({ productId, warehouseId: w.id, onHand: 0, reserved: 0, lowThreshold }));
  }
  if (health === 'LOW') {
    // Nothing reserved, so the available quantity stays between 1 and the threshold: LOW, not OUT.
    const onHand = split(faker, int(faker, 1, lowThreshold), warehouses.length);
    return warehouses.map((w, i) => ({ productId, warehouseId: w.id, onHand: onHand[i], reserved: 0, lowThreshold }));
  }
  const levels = warehouses.map((w) => {
    const stocked = chance(faker, 0.9);
    const onHand = stocked ? int(faker, lowThreshold + 5, lowThreshold * 4 + 400) : 0;
    const reserved = onHand > 0 && chance(faker, 0.35) ? int(faker, 0, Math.floor(onHand / 4)) : 0;
    return { productId, warehouseId: w.id, onHand, reserved, lowThreshold };
  });
  // Healthy means clearly above even the sum of the three thresholds, whichever way it is read.
  const available = levels.reduce((sum, level) => sum + level.onHand - level.reserved, 0);
  if (available <= lowThreshold * 4) levels[0].onHand += lowThreshold * 4 - available + int(faker, 10, 120);
  return levels;
}

/**
 * Three warehouses, a stock level for every product in each, and about {@link IN_TRANSIT_COUNT}
 * inbound shipments. About 8 % of products are out everywhere and 10 % are low.
 */
export function generateInventory(faker: SeededFaker, anchor: Date, products: DemoProduct[]): Inventory {
  const warehouses: DemoWarehouse[] = WAREHOUSES.map((w) => ({ id: uuid(faker), ...w }));
  const stock: DemoStockLevel[] = [];
  const scarce: DemoProduct[] = [];
  for (const product of products) {
    const roll = float(faker);
    const health: Health = roll < 0.08 ? 'OUT' : roll < 0.18 ? 'LOW' : 'HEALTHY';
    if (health !== 'HEALTHY') scarce.push(product);
    stock.push(...productLevels(faker, product.id, warehouses, health));
  }

  const inTransit: DemoInTransit[] = [];
  const seen = new Set<string>();
  while (inTransit.length < IN_TRANSIT_COUNT) {
    // Replenishment goes mostly to what is short, which is why it is in transit at all.
    const product = chance(faker, 0.6) ? pick(faker, scarce) : pick(faker, products);
    const warehouse = pick(faker, warehouses);
    const key = `${product.id}:${warehouse.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inTransit.push({
      id: uuid(faker),
      productId: product.id,
      warehouseId: warehouse.id,
      quantity: int(faker, 2, 60) * 5,
      eta: addDays(anchor, int(faker, 3, 40)),
    });
  }
  return { warehouses, stock, inTransit };
}
