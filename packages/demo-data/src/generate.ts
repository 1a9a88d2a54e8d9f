import { assortmentProducts, demoAssortment } from './assortment.js';
import { CURRENCY, generateCatalog } from './catalog.js';
import { generateCreditAccounts } from './credit.js';
import { generateDealers } from './dealers.js';
import { generateLedger } from './ledger.js';
import { generateOrders } from './orders.js';
import { generatePolicyDealers } from './policy-dealers.js';
import { generatePricing } from './pricing.js';
import { generateProductDetails, preferredWarehouses } from './product-details.js';
import { SeededFaker, STREAMS } from './random.js';
import { generateInventory } from './stock.js';
import { startOfDayUtc } from './time.js';
import type { DemoData } from './types.js';

/** Every 101st product (by sku) is hazardous goods, none on the catalog's first page of 100. */
export const HAZARDOUS_EVERY = 101;
export const HAZARDOUS_OFFSET = 100;
export const DEFAULT_SEED = 2026;

export interface GenerateOptions {
  /** The day the history ends on; defaults to the start of today (UTC). Normalized to midnight UTC. */
  anchor?: Date;
  /** Defaults to {@link DEFAULT_SEED}. */
  seed?: number;
}

/**
 * Builds the whole demo data set in memory. Pure and deterministic: the same seed and anchor give
 * deep-equal output (ids included), so every subgraph can seed its own tables from its own call
 * and still agree with the others on ids.
 */
export function generateDemoData(options: GenerateOptions = {}): DemoData {
  const anchor = startOfDayUtc(options.anchor ?? new Date());
  const seed = options.seed ?? DEFAULT_SEED;

  const dealerSet = generateDealers(new SeededFaker(seed, STREAMS.dealers), anchor);
  const catalog = generateCatalog(new SeededFaker(seed, STREAMS.catalog), anchor);
  // In sku order, the catalog's first page (which lists by sku) is where the guaranteed promotions
  // and special prices land, so a first look at the demo shows every pricing rule.
  catalog.products.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  // A few hazardous goods (about 50), past the first page that the examples and tests browse.
  catalog.products.forEach((p, i) => {
    p.hazardous = i % HAZARDOUS_EVERY === HAZARDOUS_OFFSET;
  });
  const inventory = generateInventory(new SeededFaker(seed, STREAMS.stock), anchor, catalog.products);
  const pricing = generatePricing(
    new SeededFaker(seed, STREAMS.pricing),
    anchor,
    dealerSet.dealers,
    catalog.products,
    dealerSet.demoPlatinum,
    dealerSet.demoBronze,
  );
  const ordersFaker = new SeededFaker(seed, STREAMS.orders);
  const accounts = generateCreditAccounts(ordersFaker, dealerSet.dealers, dealerSet.demoPlatinum, dealerSet.demoBronze);
  // Order history only names products in each dealer's own assortment (derived from the data alone).
  const catalogData = { dealers: dealerSet.dealers, products: catalog.products, categories: catalog.categories };
  const orders = generateOrders(ordersFaker, anchor, dealerSet, assortmentProducts(demoAssortment(catalogData), catalogData));
  const ledger = generateLedger(new SeededFaker(seed, STREAMS.ledger), anchor, dealerSet, orders, accounts);
  // The commercial rules' demo dealers come last, from their own stream: nothing above changes for them.
  const policy = generatePolicyDealers(new SeededFaker(seed, STREAMS.policyDealers), anchor, dealerSet.dealers.length + 1);
  const dealers = [...dealerSet.dealers, ...policy.dealers];

  return {
    anchor,
    currency: CURRENCY,
    dealers,
    users: [...dealerSet.users, ...policy.users],
    categories: catalog.categories,
    brands: catalog.brands,
    products: catalog.products,
    warehouses: inventory.warehouses,
    productDetails: generateProductDetails(new SeededFaker(seed, STREAMS.details), catalog.products),
    preferredWarehouses: preferredWarehouses(dealers, inventory.warehouses),
    stock: inventory.stock,
    inTransit: inventory.inTransit,
    ...pricing,
    dealerPricing: [...pricing.dealerPricing, ...policy.dealers.map((d) => ({ dealerId: d.id, tier: d.tier }))],
    creditAccounts: [...ledger.creditAccounts, ...policy.creditAccounts],
    orders,
    invoices: ledger.invoices,
    payments: ledger.payments,
    creditHolds: ledger.creditHolds,
  };
}
