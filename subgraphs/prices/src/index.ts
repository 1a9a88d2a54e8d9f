export { pricesSubgraph, toolingDefinition, type PricesSubgraphOptions } from './definition.js';
export { loadConfig as loadPricesConfig, type PricesConfig } from './config.js';
export { quoteLines, type PriceLine, type QuotedLine } from './services/price.service.js';
export type { PricesContext } from './context.js';
export { InvalidQuantityError, type ComputedPrice, type PriceRule, type PriceStep } from './domain/pricing.js';
