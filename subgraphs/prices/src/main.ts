import { configOrExit, runSubgraph } from '@dealergraph/runtime';

import { loadConfig } from './config.js';
import { pricesSubgraph } from './definition.js';

/** Runs the prices subgraph alone (npm start runs all services in one launcher instead). */
const config = configOrExit('prices', () => loadConfig());
const service = await runSubgraph(pricesSubgraph(), config, { migrate: true });
console.log(`prices subgraph on ${service.url}`);
const stop = () => void service.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
