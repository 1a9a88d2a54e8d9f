import { configOrExit, runSubgraph } from '@dealergraph/runtime';

import { loadConfig } from './config.js';
import { ordersSubgraph } from './definition.js';

/** Runs the orders subgraph alone (npm start runs all services in one launcher instead). */
const config = configOrExit('orders', () => loadConfig());
const service = await runSubgraph(ordersSubgraph(config.workflow, { notifications: config.notifications }), config, { migrate: true });
console.log(`orders subgraph on ${service.url}`);
const stop = () => void service.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
