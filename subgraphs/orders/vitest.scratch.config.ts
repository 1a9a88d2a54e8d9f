// TEMPORARY (delete before finishing): runs the orders tests against the local PostgreSQL while the
// shared global setup cannot start yet.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: '/work/main',
  test: {
    include: ['subgraphs/orders/{src,test}/**/*.test.ts'],
    globalSetup: ['subgraphs/orders/scratch-setup.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
