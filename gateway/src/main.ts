import { configOrExit } from '@dealergraph/runtime';

import { loadConfig } from './config.js';
import { startGateway } from './gateway.js';

/** Runs the gateway alone, against subgraphs that run elsewhere. */
const gateway = await startGateway(configOrExit('gateway', () => loadConfig()));
console.log(`gateway on ${gateway.url}`);
const stop = () => void gateway.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
