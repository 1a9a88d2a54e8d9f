export { productsSubgraph, toolingDefinition } from './definition.js';
export { loadConfig as loadProductsConfig, type ProductsConfig } from './config.js';
