export { loadConfig as loadProductsConfig, type ProductsConfig } from './config.js';
export { productsSubgraph, toolingDefinition } from './definition.js';
