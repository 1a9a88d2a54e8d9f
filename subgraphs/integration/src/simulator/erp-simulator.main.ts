import { loadSimulatorConfig } from './erp-simulator.config.js';
import { startErpSimulator } from './erp-simulator.js';
import { registerSimulator } from './erp-simulator.register.js';

/**
 * `npm run erp-simulator -- [options]`: the ERP stand-in as its own process (docs/ERP.md, "The
 * simulator"). With `--register-as admin@demo.staff` it makes its own API client and webhook
 * endpoint through the gateway (what `npm start` does in demo mode); otherwise give it
 * `--client-id`, `--client-secret` and `--secret`.
 */
const config = loadSimulatorConfig();
const log = (line: string) => console.log(`[erp-simulator] ${line}`);
const simulator = await startErpSimulator({
  port: config.port,
  host: config.host,
  secret: config.secret,
  pace: config.pace,
  faults: config.faults,
  log,
  api:
    config.clientId && config.clientSecret
      ? { graphqlUrl: config.graphqlUrl, clientId: config.clientId, clientSecret: config.clientSecret }
      : undefined,
});
log(`listening on ${simulator.url}; faults ${JSON.stringify(simulator.faults)}`);
if (config.register) {
  const url = config.publicUrl ?? simulator.url;
  void registerSimulator({ graphqlUrl: config.graphqlUrl, admin: config.register, url, log }).then((registration) => {
    simulator.setSecret(registration.secret);
    simulator.setApi({ graphqlUrl: config.graphqlUrl, clientId: registration.clientId, clientSecret: registration.clientSecret });
    log(`registered as webhook endpoint ${registration.endpointId} with API client ${registration.clientId}`);
  });
}
const stop = () => void simulator.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
