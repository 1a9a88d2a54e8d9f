import { CONFIG_EXIT_CODE, configOrExit } from '@dealergraph/runtime/config';

import { loadConfig } from './config.js';
import { prepareDatabase } from './prepare.js';
import { explainDatabaseError } from './production/startup-errors.js';
import { subgraphDefinitions } from './subgraphs.js';

/**
 * One-shot process of `npm start`: migrations and demo data, before the services start. Its own
 * process, so the supervisor never loads the subgraphs' code and stays small.
 */
const config = configOrExit('prepare', () => loadConfig());
if (!config.databaseUrl || !config.jwtPrivateKey) throw new Error('The supervisor passes DATABASE_URL and JWT_PRIVATE_KEY.');
const databaseUrl = config.databaseUrl;
const definitions = await subgraphDefinitions(config.jwtPrivateKey);
try {
  const orms = await prepareDatabase({
    databaseUrl,
    definitions,
    seed: config.seedDemoData,
    poolSize: 2,
    progress: (line) => console.log(line),
  });
  // Without an administrator a fresh production graph is ready and nobody can sign in: say what to do.
  const [{ admins }] = await orms.dealers.em
    .getConnection()
    .execute<[{ admins: string }]>(`select count(*) as admins from dealers.user_account where role = 'ADMIN' and active`);
  if (Number(admins) === 0) {
    console.log(
      'No administrator yet: create the first one with `npm run admin:create -- --email you@example.com` (see docs/PRODUCTION.md).',
    );
  }
  await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
} catch (error) {
  const explained = explainDatabaseError(error, databaseUrl);
  if (!explained) throw error;
  console.error(`cannot prepare the database: ${explained}`);
  process.exit(CONFIG_EXIT_CODE);
}
