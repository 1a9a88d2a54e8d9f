import { createRequire } from 'node:module';

/**
 * Preloaded into every service process the supervisor starts: loads graphql-js in its production
 * mode. Outside NODE_ENV=production graphql-js checks every failed `instanceof` for a second copy of
 * itself (a development aid), a slow path that execution takes for every field: 3 % of a subgraph's
 * CPU on the catalog page. graphql-js decides once, when it loads; NODE_ENV itself also switches the
 * services to production mode (secrets required, no GraphiQL), so it is set only while graphql loads.
 */
const mode = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
try {
  // The CommonJS build: the one Node gives every importer of "graphql" (there is no "exports" map).
  createRequire(import.meta.url)('graphql');
} finally {
  if (mode === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = mode;
}
