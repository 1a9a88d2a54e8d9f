import { configOrExit, runSubgraph } from '@dealergraph/runtime';

import { loadConfig } from './config.js';
import { dealersSubgraph } from './definition.js';
import { createTokenService } from './services/token.service.js';

/** Runs the dealers subgraph alone (npm start runs all services in one launcher instead). */
const config = configOrExit('dealers', () => loadConfig());
const tokens = await createTokenService({
  privateKeyPem: config.jwtPrivateKey,
  accessTokenTtlSeconds: config.accessTokenTtlSeconds,
  refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
});
const service = await runSubgraph(
  dealersSubgraph(tokens, config.mfaPolicy, { retentionDays: config.securityEventRetentionDays }, undefined, config.tierSettings),
  config,
  { migrate: true },
);
console.log(`dealers subgraph on ${service.url}`);
const stop = () => void service.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
