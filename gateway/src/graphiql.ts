import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { type GraphiQLOptions, renderGraphiQL } from 'graphql-yoga';
import serveStatic from 'serve-static';

/** Where the gateway serves GraphiQL's scripts and styles, from the npm package, not a CDN. */
export const GRAPHIQL_ASSETS = '/graphiql-assets/';

const CDN = /https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/]+\/dist\//g;
const assets = serveStatic(join(dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json')), 'dist'), {
  index: false,
  fallthrough: false,
  immutable: true,
  maxAge: '1d',
});

/** Yoga's GraphiQL page, loading its assets from this gateway so that it works offline too. */
export function renderLocalGraphiQL(options: GraphiQLOptions = {}): string {
  return renderGraphiQL(options)
    .replace(CDN, GRAPHIQL_ASSETS)
    .replace(/<link rel=icon [^>]*>/, '');
}

/** Serves a GraphiQL asset and returns true, or returns false for any other path. */
export function serveGraphiQLAsset(request: IncomingMessage, response: ServerResponse): boolean {
  if (!request.url?.startsWith(GRAPHIQL_ASSETS)) return false;
  request.url = request.url.slice(GRAPHIQL_ASSETS.length - 1);
  assets(request, response, (error?: { statusCode?: number }) => {
    response.statusCode = error?.statusCode ?? 404;
    response.end();
  });
  return true;
}
