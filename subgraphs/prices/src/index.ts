export { loadConfig as loadPricesConfig, type PricesConfig } from './config.js';
export type { PricesContext } from './context.js';
export { pricesSubgraph, type PricesSubgraphOptions, toolingDefinition } from './definition.js';
export { type ComputedPrice, InvalidQuantityError, type PriceRule, type PriceStep } from './domain/pricing.js';
export { type PriceLine, type QuotedLine, quoteLines } from './services/price.service.js';
