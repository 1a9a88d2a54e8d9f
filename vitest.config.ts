import { createRequire } from 'node:module';

import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Our sources would otherwise get graphql's ESM build while type-graphql and Apollo (run by Node)
    // get its CommonJS build: two realms, and schemas that graphql() refuses. Node itself loads one.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: [
      'packages/*/{src,test}/**/*.test.ts',
      'subgraphs/*/{src,test}/**/*.test.ts',
      'gateway/test/**/*.test.ts',
      'schema/test/**/*.test.ts',
      'launcher/test/**/*.test.ts',
      'client/web/src/**/*.test.ts',
      'client/web/test/**/*.test.ts',
      'client/sdk/{src,test}/**/*.test.ts',
    ],
    globalSetup: ['packages/testing/src/global-setup.ts'],
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
