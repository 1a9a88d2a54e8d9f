import { configOrExit, runSubgraph } from '@dealergraph/runtime';

import { loadConfig } from './config.js';
import { creditSubgraph } from './definition.js';

/** Runs the credit subgraph alone (npm start runs all services in one launcher instead). */
const config = configOrExit('credit', () => loadConfig());
const service = await runSubgraph(
  creditSubgraph({
    thresholds: config.thresholds,
    softWarningApprovalLevel: config.softWarningApprovalLevel,
    documentLinkSecret: config.hmacSecret,
  }),
  config,
  {
    migrate: true,
  },
);
console.log(`credit subgraph on ${service.url}`);
const stop = () => void service.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
