import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Serves the dealer web app (client/web/dist, built by `npm run build`) at `/`, on the same origin as
 * `/graphql`, so the app needs no CORS and its session cookie stays first-party:
 * - brotli or gzip by Accept-Encoding: the build writes `.br` and `.gz` beside each file (scripts/build.mjs);
 *   a file without them is compressed on its first request, once per process (never at start: a gateway
 *   that compressed the whole bundle at brotli's best took seconds of CPU to start);
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
 * the live data this origin's WebSocket), images from here, data: and blob: (the MFA QR code) and the
 * origins the product data's pictures come from (WEB_IMAGE_ORIGINS), no framing.
 */
export function contentSecurityPolicy(imageOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...imageOrigins].join(' '),
    "connect-src 'self' ws: wss:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The policy with no image origin but this one. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * An origin for img-src: `https://host[:port]` (or http on a loopback host), nothing else: a path,
 * a wildcard scheme or a quote would widen the policy beyond what was meant.
 */
export function imageOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return null;
    return url.origin;
  } catch {
    return null;
  }
}

interface WebFile {
  type: string;
  etag: string;
  immutable: boolean;
  raw: Buffer;
  compressible: boolean;
  /** Written by the build beside the file (`name.br`, `name.gz`). */
  precompressed: { br?: Buffer; gzip?: Buffer };
}

type Encoding = 'br' | 'gzip';

/** Compressed bodies made on request, by content hash and encoding: shared by every gateway of the process. */
const compressedOnRequest = new Map<string, Buffer>();

function compressed(file: WebFile, encoding: Encoding): Buffer {
  const ready = file.precompressed[encoding];
  if (ready) return ready;
  const key = `${file.etag}:${encoding}`;
  let body = compressedOnRequest.get(key);
  if (!body) {
    // A middle setting: made while a request waits, and only for files the build did not compress.
    body =
      encoding === 'br'
        ? brotliCompressSync(file.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
        : gzipSync(file.raw, { level: 6 });
    compressedOnRequest.set(key, body);
  }
  return body;
}

const PRECOMPRESSED = /\.(br|gz)$/;

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The files last read per folder, with the listing (names, sizes, modification times) they were read
 * at: a gateway that starts over an unchanged build reuses them instead of reading and hashing 4 MB
 * again (a process that starts many gateways: the test suite). Any change to the listing reads afresh.
 */
const loadedFiles = new Map<string, { listing: string; files: Map<string, WebFile> }>();

function listingOf(paths: string[]): string | undefined {
  const lines: string[] = [];
  for (const path of paths) {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return undefined; // a build running beside us: read what is there, do not keep it
    lines.push(`${path}\0${stats.size}\0${stats.mtimeMs}`);
  }
  return lines.join('\n');
}

function loadFiles(dir: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  if (!existsSync(dir)) return files;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return files;
    throw error;
  }
  const names = new Set(entries.map((entry) => join(entry.parentPath, entry.name)));
  const listing = listingOf([...names].sort());
  const loaded = loadedFiles.get(dir);
  if (listing !== undefined && loaded?.listing === listing) return loaded.files;
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    if (PRECOMPRESSED.test(path) && names.has(path.slice(0, -3))) continue;
    const urlPath = `/${relative(dir, path).split(sep).join('/')}`;
    const ext = extname(entry.name);
    // A build running beside this gateway (another test run, `npm run build`) may remove a file between
    // the listing and the read: the file is left out, as a missing app is, until the next load.
    const raw = readIfThere(path);
    if (!raw) continue;
    const sibling = (suffix: string) => (names.has(path + suffix) ? readIfThere(path + suffix) : undefined);
    files.set(urlPath, {
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
      immutable: urlPath.startsWith('/assets/'),
      raw,
      compressible: COMPRESSIBLE.has(ext) && raw.length > 512,
      precompressed: { br: sibling('.br'), gzip: sibling('.gz') },
    });
  }
  // Kept only if nothing changed while reading (the listing is taken again after the reads).
  if (listing !== undefined && listingOf([...names].sort()) === listing) loadedFiles.set(dir, { listing, files });
  return files;
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>dealergraph</title></head>
<body><h1>The web app is not built</h1><p>Run <code>npm run build</code> (npm start does it first), then reload. The API is at <a href="/graphql">/graphql</a>.</p></body></html>\n`;

function sendFile(request: IncomingMessage, response: ServerResponse, file: WebFile, policy: string, status = 200): void {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const encoding: Encoding | null = !file.compressible ? null : /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  const body = encoding ? compressed(file, encoding) : file.raw;
  const headers: Record<string, string> = {
    'content-type': file.type,
    etag: file.etag,
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
  };
  if (encoding) headers['content-encoding'] = encoding;
  if (file.type.startsWith('text/html')) {
    headers['content-security-policy'] = policy;
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
export function webAppHandler(dir = WEB_APP_DIR, options: { imageOrigins?: readonly string[] } = {}) {
  const policy = contentSecurityPolicy(options.imageOrigins);
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
    if (file) return (sendFile(request, response, file, policy), true);
    const index = files.get('/index.html');
    // A client route (no file extension): the app's page, which routes it. A missing file: 404.
    if (!extname(path) && String(request.headers.accept ?? '').includes('text/html')) {
      if (index) return (sendFile(request, response, index, policy), true);
      response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return (response.end(NOT_BUILT), true);
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
    response.end('Not found\n');
    return true;
  };
}
