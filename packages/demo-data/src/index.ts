/** Deterministic demo data for the whole platform; each subgraph seeds its own slice of it. */
export * from './types.js';
export { generateDemoData, DEFAULT_SEED, type GenerateOptions } from './generate.js';
export { DEMO_PASSWORD } from './dealers.js';
export { demoAssortment, type DemoAssortment, type ProductRestriction, type GrantScope } from './assortment.js';
export { REGION_WAREHOUSE } from './product-details.js';
