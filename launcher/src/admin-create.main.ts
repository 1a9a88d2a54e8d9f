import { createFirstAdmin, toolingDefinition } from '@dealergraph/dealers';
import { CONFIG_EXIT_CODE, configOrExit, migrate, openSubgraphOrm } from '@dealergraph/runtime';

import { loadConfig, loadEnvFile } from './config.js';
import { ADMIN_USAGE, parseAdminArgs, readPassword } from './production/admin-cli.js';
import { type DatabaseTarget, openDatabaseTarget } from './production/database-target.js';
import { explainDatabaseError } from './production/startup-errors.js';

/**
 * `npm run admin:create -- --email <email>`: the distributor's first portal administrator, in the
 * database `npm start` uses (it reads the same .env). Refuses when an ADMIN exists unless
 * --additional is given. Exit codes: 0 created, 1 refused or bad input, 78 configuration.
 */
async function run(): Promise<number> {
  const request = parseAdminArgs(process.argv.slice(2));
  if ('error' in request) {
    console.error(`${request.error}\n${ADMIN_USAGE}`);
    return 1;
  }
  const config = configOrExit('admin:create', () => {
    loadEnvFile();
    return loadConfig();
  });
  const password = await readPassword(request.email);
  if (typeof password !== 'string') {
    console.error(password.error);
    return 1;
  }
  let target: DatabaseTarget | undefined;
  try {
    target = await openDatabaseTarget(config);
    const orm = await openSubgraphOrm(toolingDefinition, { databaseUrl: target.url, poolSize: 1 });
    try {
      await migrate(orm);
      const result = await createFirstAdmin(orm.em.fork(), { ...request, password });
      if (!result.ok) {
        console.error(`Nothing was created: ${result.errors[0].message} (${result.errors[0].code})`);
        return 1;
      }
      console.log(`Created the administrator ${result.value.email} in ${target.description}.`);
      console.log(nextSteps(result.value.email, config.gatewayPort));
      return 0;
    } finally {
      await orm.close(true);
    }
  } catch (error) {
    const explained = explainDatabaseError(error, target?.url ?? config.databaseUrl ?? '');
    if (!explained) throw error;
    console.error(`Nothing was created: ${explained}`);
    return CONFIG_EXIT_CODE;
  } finally {
    // An embedded server started for this command only stops before the process ends.
    await target?.close();
  }
}

function nextSteps(email: string, port: number): string {
  return [
    'Next:',
    '  1. Start the graph: npm start (it reads .env; NODE_ENV=production there turns the hardening on).',
    `  2. Sign in at http://localhost:${port}/ as ${email}. Production requires two-factor sign-in for staff:`,
    '     the first sign-in opens a short session for enrolling an authenticator app',
    '     (beginMfaEnrolment, confirmMfaEnrolment); then sign in again with a code.',
    "  3. Invite your staff and your dealers' administrators (inviteUser), create the ERP's API client",
    '     (createApiClient) and load your data. docs/PRODUCTION.md walks through each step.',
  ].join('\n');
}

process.exitCode = await run();
