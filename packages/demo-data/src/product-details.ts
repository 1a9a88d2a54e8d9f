import { chance, pick, type SeededFaker } from './random.js';
import type { DemoDealer, DemoLink, DemoProduct, DemoProductDetails, DemoSpec, DemoWarehouse } from './types.js';

/**
 * Product details of the demo catalog: technical specifications, image and document links, pack
 * size. Drawn from their own stream (STREAMS.details), so the catalog, prices and history stay the
 * same as before details existed. Specs depend on the top category (the SKU prefix).
 */

type SpecDraw = (faker: SeededFaker) => DemoSpec;

const num =
  (name: string, unit: string, values: readonly number[]): SpecDraw =>
  (f) => ({ name, type: 'NUMBER', value: String(pick(f, values)), unit });
const text =
  (name: string, values: readonly string[]): SpecDraw =>
  (f) => ({ name, type: 'TEXT', value: pick(f, values), unit: null });
const bool =
  (name: string, probability: number): SpecDraw =>
  (f) => ({ name, type: 'BOOLEAN', value: chance(f, probability) ? 'true' : 'false', unit: null });

const SPECS: Readonly<Record<string, readonly SpecDraw[]>> = {
  BRG: [
    num('Bore diameter', 'mm', [10, 12, 15, 17, 20, 25, 30, 35, 40, 45, 50, 60]),
    num('Outside diameter', 'mm', [26, 30, 32, 35, 42, 47, 52, 62, 72, 80, 90, 110]),
    num('Width', 'mm', [8, 9, 10, 11, 12, 14, 16, 18, 20]),
    text('Seal type', ['Open', '2RS rubber seals', 'ZZ metal shields']),
    num('Limiting speed', 'rpm', [6000, 8500, 10000, 13000, 17000, 22000]),
  ],
  SEA: [
    text('Material', ['NBR', 'FKM', 'EPDM', 'PTFE', 'Silicone']),
    num('Inner diameter', 'mm', [6, 8, 10, 12, 16, 20, 25, 32, 40, 50]),
    num('Max temperature', '°C', [100, 120, 150, 200, 260]),
  ],
  PTR: [
    text('Material', ['Steel', 'Stainless steel', 'Cast iron', 'Polyurethane']),
    num('Max torque', 'N·m', [10, 25, 50, 120, 250, 500]),
    num('Length', 'mm', [500, 800, 1000, 1250, 1600, 2000]),
  ],
  HYD: [
    num('Max pressure', 'bar', [160, 210, 250, 315, 350, 420]),
    text('Port size', ['1/4" BSP', '3/8" BSP', '1/2" BSP', 'SAE -8', 'SAE -12']),
    num('Flow', 'l/min', [10, 20, 40, 60, 100, 150]),
  ],
  PNE: [
    num('Max pressure', 'bar', [6, 8, 10, 16]),
    num('Bore', 'mm', [16, 20, 25, 32, 40, 50, 63]),
    text('Port size', ['M5', 'G1/8', 'G1/4', 'G3/8']),
  ],
  FAS: [
    text('Thread', ['M4', 'M5', 'M6', 'M8', 'M10', 'M12', 'M16', '1/4"-20', '3/8"-16']),
    num('Length', 'mm', [10, 12, 16, 20, 25, 30, 40, 50, 60, 80, 100]),
    text('Material', ['Steel 8.8', 'Steel 10.9', 'Stainless A2', 'Stainless A4', 'Brass']),
    bool('Zinc plated', 0.5),
  ],
  ELE: [
    num('Rated voltage', 'V', [24, 120, 230, 400, 690]),
    num('Rated current', 'A', [2, 6, 10, 16, 25, 32, 63]),
    text('Protection', ['IP20', 'IP54', 'IP65', 'IP67']),
  ],
  FIL: [num('Filtration rating', 'µm', [3, 5, 10, 25, 40]), num('Max pressure', 'bar', [10, 25, 40, 210, 350]), bool('Bypass valve', 0.6)],
  MOT: [
    num('Power', 'kW', [0.18, 0.25, 0.37, 0.55, 0.75, 1.1, 1.5, 2.2, 4, 5.5, 7.5]),
    num('Speed', 'rpm', [750, 1000, 1500, 3000]),
    num('Rated voltage', 'V', [230, 400, 460]),
    text('Efficiency class', ['IE2', 'IE3', 'IE4']),
  ],
  TOO: [
    num('Length', 'mm', [100, 150, 200, 250, 300, 450]),
    text('Material', ['Chrome vanadium', 'Chrome molybdenum', 'Carbon steel']),
    bool('Insulated 1000 V', 0.3),
  ],
};

const DOCS = 'https://docs.demo.dealergraph.example';
const IMAGES = 'https://images.demo.dealergraph.example';

function packSizeOf(faker: SeededFaker, product: DemoProduct): number {
  if (product.unit === 'BOX') return pick(faker, [25, 50, 100, 250]);
  if (product.unit === 'SET') return pick(faker, [4, 6, 8, 12, 24, 30]);
  return 1;
}

function linksOf(faker: SeededFaker, product: DemoProduct): DemoLink[] {
  const links: DemoLink[] = [{ kind: 'IMAGE', url: `${IMAGES}/products/${product.sku}/main.jpg`, title: product.name }];
  if (chance(faker, 0.4))
    links.push({ kind: 'IMAGE', url: `${IMAGES}/products/${product.sku}/detail.jpg`, title: `${product.name}, detail` });
  if (chance(faker, 0.75))
    links.push({ kind: 'DATASHEET', url: `${DOCS}/datasheets/${product.sku}.pdf`, title: `Data sheet ${product.sku}` });
  if (/^(MOT|HYD|PNE)-/.test(product.sku) && chance(faker, 0.5))
    links.push({ kind: 'MANUAL', url: `${DOCS}/manuals/${product.sku}.pdf`, title: `Installation and operating manual ${product.sku}` });
  if (chance(faker, 0.1))
    links.push({ kind: 'CERTIFICATE', url: `${DOCS}/certificates/${product.sku}-conformity.pdf`, title: 'Declaration of conformity' });
  return links;
}

/** Specs, links and pack size of every product, in the products' order. */
export function generateProductDetails(faker: SeededFaker, products: readonly DemoProduct[]): DemoProductDetails[] {
  return products.map((product) => {
    const draws = SPECS[product.sku.split('-')[0]] ?? [];
    // Most products carry every spec of their family; some miss the last one (incomplete supplier data).
    const count = draws.length > 2 && chance(faker, 0.2) ? draws.length - 1 : draws.length;
    return {
      productId: product.id,
      packSize: packSizeOf(faker, product),
      specs: draws.slice(0, count).map((draw) => draw(faker)),
      links: linksOf(faker, product),
    };
  });
}

/**
 * Each region's closest warehouse (the building whose city is nearest the region's dealers). A
 * dealer's preferred warehouse is its region's, so its stock view lists that one first.
 */
export const REGION_WAREHOUSE: Readonly<Record<string, string>> = {
  Northeast: 'WH-NORTH',
  Midwest: 'WH-NORTH',
  West: 'WH-CENTRAL',
  Southeast: 'WH-SOUTH',
  Southwest: 'WH-SOUTH',
};

/** Every dealer's preferred warehouse by its region; no randomness. */
export function preferredWarehouses(
  dealers: readonly DemoDealer[],
  warehouses: readonly DemoWarehouse[],
): { dealerId: string; warehouseId: string }[] {
  const byCode = new Map(warehouses.map((w) => [w.code, w.id]));
  return dealers.flatMap((d) => {
    const warehouseId = byCode.get(REGION_WAREHOUSE[d.region] ?? '');
    return warehouseId ? [{ dealerId: d.id, warehouseId }] : [];
  });
}
