import { createRequire } from 'node:module';

import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The files of the second pass that CI runs against a PostgreSQL server (`.ci/run`): `npm start` under
 * the supervisor, the graph, sockets, the order events on Redis, placing orders. With
 * SERVER_PASS_DATABASE_URL set they run as a second project of the same `npm test`, on that server,
 * beside the whole suite rather than after it (see docs/TESTING.md, "The DATABASE_URL pass").
 */
export const SERVER_PASS_FILES = [
  'launcher/test/**/*.test.ts',
  'gateway/test/graph.test.ts',
  'gateway/test/websocket.test.ts',
  'subgraphs/orders/test/order-events-redis.e2e.test.ts',
  'subgraphs/orders/test/place-order.e2e.test.ts',
];
/** The whole suite. */
const ALL_FILES = [
  'packages/*/{src,test}/**/*.test.ts',
  'subgraphs/*/{src,test}/**/*.test.ts',
  'gateway/test/**/*.test.ts',
  'schema/test/**/*.test.ts',
  'launcher/test/**/*.test.ts',
  'client/web/src/**/*.test.ts',
  'client/web/test/**/*.test.ts',
  'client/sdk/{src,test}/**/*.test.ts',
];
const serverPass = Boolean(process.env.SERVER_PASS_DATABASE_URL);
const GLOBAL_SETUP = 'packages/testing/src/global-setup.ts';

export default defineConfig({
  resolve: {
    // Our sources would otherwise get graphql's ESM build while type-graphql and Apollo (run by Node)
    // get its CommonJS build: two realms, and schemas that graphql() refuses. Node itself loads one.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Projects run in the order of their names (vitest's sequencer), so the short DATABASE_URL pass goes
    // first and the suite's many small files fill the end: a worker is restarted only where the
    // project changes, each keeping one module graph (isolate: false) for all its files. The global
    // setup reads the project's name ("database-url": SERVER_PASS_DATABASE_URL's server); it is set per
    // project, since vitest would also run a root one (another embedded server and seed) beside them; so
    // is `include` (a project's arrays are added to the root's, not put in their place).
    ...(serverPass
      ? {
          projects: [
            { extends: true, test: { name: 'database-url', include: SERVER_PASS_FILES, globalSetup: [GLOBAL_SETUP] } },
            { extends: true, test: { name: 'main', include: ALL_FILES, globalSetup: [GLOBAL_SETUP] } },
          ],
        }
      : { include: ALL_FILES, globalSetup: [GLOBAL_SETUP] }),
    // One module graph per worker, not one per file: importing the graph (type-graphql, Apollo,
    // MikroORM, pg-boss...) cost more than the tests themselves. Safe because no file may leave
    // anything running (the setup file fails one that does) or change shared state; docs/TESTING.md.
    isolate: false,
    setupFiles: ['packages/testing/src/open-handles.setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
