import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Serves the dealer web app (client/web/dist, built by `npm run build`) at `/`, on the same origin as
 * `/graphql`, so the app needs no CORS and its session cookie stays first-party:
 * - every file compressed once at load (brotli and gzip, chosen by Accept-Encoding);
 * - `/assets/*` (names carry a content hash) cached for a year as immutable, everything else
 *   revalidated by ETag (index.html, the service worker, the manifest);
 * - client routes such as `/orders/<id>` answered with index.html (the router takes it from there);
 * - the gateway's own paths (/graphql with GraphiQL, /auth, /oauth, /documents, …) left alone.
 */
export const WEB_APP_DIR = fileURLToPath(new URL('../../../client/web/dist', import.meta.url));

/** Paths that belong to the gateway, never to the app. */
const GATEWAY_PATHS = /^\/(graphql|auth\/|oauth\/|documents\/|graphiql-assets\/|dev\/|health|readiness)/;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.map', '.ico']);

/**
 * What the app's pages may do: its own scripts, styles and connections only (the API is this origin,
 * the live data this origin's WebSocket), images from here, data: and blob: (the MFA QR code), no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

interface WebFile {
  type: string;
  etag: string;
  immutable: boolean;
  raw: Buffer;
  gzip?: Buffer;
  brotli?: Buffer;
}

function loadFiles(dir: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const urlPath = `/${relative(dir, path).split(sep).join('/')}`;
    const ext = extname(entry.name);
    const raw = readFileSync(path);
    const compress = COMPRESSIBLE.has(ext) && raw.length > 512;
    files.set(urlPath, {
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
      immutable: urlPath.startsWith('/assets/'),
      raw,
      gzip: compress ? gzipSync(raw, { level: 9 }) : undefined,
      brotli: compress ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : undefined,
    });
  }
  return files;
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>dealergraph</title></head>
<body><h1>The web app is not built</h1><p>Run <code>npm run build</code> (npm start does it first), then reload. The API is at <a href="/graphql">/graphql</a>.</p></body></html>\n`;

function sendFile(request: IncomingMessage, response: ServerResponse, file: WebFile, status = 200): void {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const [body, encoding] =
    file.brotli && /\bbr\b/.test(accepted)
      ? [file.brotli, 'br']
      : file.gzip && /\bgzip\b/.test(accepted)
        ? [file.gzip, 'gzip']
        : [file.raw, null];
  const headers: Record<string, string> = {
    'content-type': file.type,
    etag: file.etag,
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
  };
  if (encoding) headers['content-encoding'] = encoding;
  if (file.type.startsWith('text/html')) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['referrer-policy'] = 'same-origin';
    headers['x-frame-options'] = 'DENY';
  }
  if (status === 200 && request.headers['if-none-match'] === file.etag) {
    response.writeHead(304, { etag: file.etag, 'cache-control': headers['cache-control'], vary: 'accept-encoding' });
    return void response.end();
  }
  headers['content-length'] = String(body.length);
  response.writeHead(status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * The handler: answers a GET or HEAD for the app and returns true, or returns false for anything
 * else (the gateway's paths, other methods). The files are read once; a build made after the gateway
 * started is picked up when the app was missing at start (the first `npm start` builds before, anyway).
 */
export function webAppHandler(dir = WEB_APP_DIR) {
  let files = loadFiles(dir);
  let checkedAt = Date.now();
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
    if (GATEWAY_PATHS.test(path)) return false;
    if (!files.has('/index.html') && Date.now() - checkedAt > 2_000) {
      files = loadFiles(dir);
      checkedAt = Date.now();
    }
    const file = files.get(path === '/' ? '/index.html' : path);
    if (file) return (sendFile(request, response, file), true);
    const index = files.get('/index.html');
    // A client route (no file extension): the app's page, which routes it. A missing file: 404.
    if (!extname(path) && String(request.headers.accept ?? '').includes('text/html')) {
      if (index) return (sendFile(request, response, index), true);
      response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return (response.end(NOT_BUILT), true);
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
    response.end('Not found\n');
    return true;
  };
}
