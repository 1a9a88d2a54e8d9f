import { configOrExit, runSubgraph } from '@dealergraph/runtime';

import { loadConfig } from './config.js';
import { integrationSubgraph } from './definition.js';

/** Runs the integration subgraph alone (npm start runs every service under its supervisor). */
const config = configOrExit('integration', () => loadConfig());
const service = await runSubgraph(
  integrationSubgraph({ importPollMs: config.importPollMs, webhooks: config.webhooks, monitorIntervalMs: config.monitorIntervalMs }),
  config,
  {
    migrate: true,
  },
);
console.log(`integration subgraph on ${service.url}`);
const stop = () => void service.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
