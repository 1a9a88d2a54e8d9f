/** Deterministic demo data for the whole platform; each subgraph seeds its own slice of it. */
export { type DemoAssortment, demoAssortment, type GrantScope, type ProductRestriction } from './assortment.js';
export { DEMO_PASSWORD } from './dealers.js';
export { DEFAULT_SEED, generateDemoData, type GenerateOptions } from './generate.js';
export { REGION_WAREHOUSE } from './product-details.js';
export * from './types.js';
