import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { type GraphiQLOptions, renderGraphiQL } from 'graphql-yoga';

/** Where the gateway serves GraphiQL's scripts and styles, from the npm package, not a CDN. */
export const GRAPHIQL_ASSETS = '/graphiql-assets/';

const CDN = /https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/]+\/dist\//g;
const DIST = join(dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json')), 'dist');

/**
 * Uses the web app's session, so that nobody copies a token into Headers (and again every 15
 * minutes): a request to /graphql without an Authorization header gets the access token that the
 * session cookie buys at POST /auth/refresh, kept in this page's memory until shortly before it
 * expires; without a session it asks again after a minute at the earliest (the refresh route counts
 * against the address's sign-in budget). A corner of the page says whether a session was found. A
 * header typed in Headers wins.
 */
const SESSION_SCRIPT = `<script>(function () {
  var token = null, until = 0, pending = null, note = null;
  function tell(text, link) {
    if (!note) { note = document.createElement('div'); note.id = 'dealergraph-session'; note.setAttribute('role', 'status');
      note.style.cssText = 'position:fixed;right:8px;bottom:8px;z-index:10;max-width:22rem;padding:6px 10px;border-radius:6px;font:13px system-ui,sans-serif;background:#1e3a8a;color:#fff';
      document.body.appendChild(note); }
    note.textContent = text;
    if (link) { var a = document.createElement('a'); a.href = '/'; a.textContent = link; a.style.color = '#fde68a'; note.append(' ', a); }
  }
  function session() {
    // A token until shortly before it expires; no session is asked again after a minute at the
    // earliest (each ask counts against the address's sign-in budget).
    if (Date.now() < until) return Promise.resolve(token);
    pending = pending || fetch('/auth/refresh', { method: 'POST', credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-dealergraph-csrf': '1' }, body: '{}' })
      .then(function (r) { return r.json(); })
      .then(function (a) {
        token = a.accessToken || null;
        until = Date.now() + (token ? Math.max(0, (a.expiresIn || 0) - 30) * 1000 : 60000);
        if (token) tell('Signed in with your web app session: no token to paste.');
        else tell('Not signed in. Sign in to the web app and reload, or put a Bearer token into Headers.', 'Sign in');
        return token;
      })
      .catch(function () { return null; })
      .finally(function () { pending = null; });
    return pending;
  }
  var send = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = new URL(typeof input === 'string' ? input : (input && input.url) || '', location.href);
    var headers = new Headers((init && init.headers) || (input && input.headers) || {});
    if (url.origin !== location.origin || url.pathname !== '/graphql' || headers.has('authorization')) return send(input, init);
    return session().then(function (t) {
      if (t) headers.set('authorization', 'Bearer ' + t);
      return send(input, Object.assign({}, init, { headers: headers }));
    });
  };
  window.addEventListener('load', function () { session(); });
})();</script>`;

/**
 * Yoga's GraphiQL page, loading its assets from this gateway so that it works offline too, usable on
 * a phone (viewport), saying what it loads, and signed in through the web app's cookie session.
 */
export function renderLocalGraphiQL(options: GraphiQLOptions = {}): string {
  return renderGraphiQL(options)
    .replace(CDN, GRAPHIQL_ASSETS)
    .replace(/<link rel=icon [^>]*>/, '<link rel=icon href=/favicon.ico>')
    .replace('<meta charset=utf-8>', '<meta charset=utf-8><meta name=viewport content="width=device-width, initial-scale=1">')
    .replace('Loading __TITLE__...', 'Loading GraphiQL…')
    .replace(/<script src=[^>]*yoga-graphiql\.umd\.js><\/script>/, (tag) => `${SESSION_SCRIPT}${tag}`);
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

interface Asset {
  type: string;
  etag: string;
  raw: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

/** Read once per process; compressed on the first request that asks (8 MB of script is ~1.5 MB gzipped). */
const loaded = new Map<string, Asset | null>();

function assetAt(path: string): Asset | null {
  if (loaded.has(path)) return loaded.get(path)!;
  let asset: Asset | null = null;
  const file = normalize(join(DIST, path));
  if (file.startsWith(DIST + sep) && TYPES[extname(file)]) {
    try {
      if (statSync(file).isFile()) {
        const raw = readFileSync(file);
        asset = { type: TYPES[extname(file)], raw, etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"` };
      }
    } catch {
      asset = null;
    }
  }
  loaded.set(path, asset);
  return asset;
}

/** Serves a GraphiQL asset (brotli or gzip, cached a day and revalidated by ETag) and returns true, or returns false for any other path. */
export function serveGraphiQLAsset(request: IncomingMessage, response: ServerResponse): boolean {
  if (!request.url?.startsWith(GRAPHIQL_ASSETS)) return false;
  let path: string;
  try {
    path = decodeURIComponent(request.url.slice(GRAPHIQL_ASSETS.length).split('?')[0]);
  } catch {
    path = '';
  }
  const asset = request.method === 'GET' || request.method === 'HEAD' ? assetAt(path) : null;
  if (!asset) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found\n');
    return true;
  }
  const headers: Record<string, string> = {
    'content-type': asset.type,
    etag: asset.etag,
    'cache-control': 'public, max-age=86400',
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
  };
  if (request.headers['if-none-match'] === asset.etag) {
    response.writeHead(304, headers);
    response.end();
    return true;
  }
  const accepted = String(request.headers['accept-encoding'] ?? '');
  let body = asset.raw;
  if (/\bbr\b/.test(accepted)) {
    asset.br ??= brotliCompressSync(asset.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    body = asset.br;
    headers['content-encoding'] = 'br';
  } else if (/\bgzip\b/.test(accepted)) {
    asset.gzip ??= gzipSync(asset.raw, { level: 6 });
    body = asset.gzip;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
  return true;
}
