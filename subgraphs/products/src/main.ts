import { configOrExit, runSubgraph } from '@dealergraph/runtime';

import { loadConfig } from './config.js';
import { productsSubgraph } from './definition.js';

/** Runs the products subgraph alone (npm start runs all services in one launcher instead). */
const config = configOrExit('products', () => loadConfig());
const service = await runSubgraph(productsSubgraph(), config, { migrate: true });
console.log(`products subgraph on ${service.url}`);
const stop = () => void service.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
