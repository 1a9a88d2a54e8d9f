import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The committed supergraph (schema/supergraph.graphql), composed by `npm run schema:compose`. */
export function readSupergraph(): string {
  return readFileSync(fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)), 'utf8');
}

/** Points each `@join__graph` at the URL where that subgraph runs now. */
export function withSubgraphUrls(supergraph: string, urls: Record<string, string>): string {
  return supergraph.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}
