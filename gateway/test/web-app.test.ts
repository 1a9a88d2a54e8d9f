import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, get as httpGet, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_IMAGE_ORIGIN, readImageOrigins } from '../src/config.js';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, imageOrigin, webAppHandler } from '../src/web/web-app.js';

const INDEX = `<!doctype html><html><head><title>app</title></head><body><div id="root"></div>${'<!-- padding -->'.repeat(60)}</body></html>`;
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const STYLE = `body { margin: 0; }${' .a { color: red; }'.repeat(60)}`;

describe('the web app route (gateway/src/web/web-app.ts)', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'web-app-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    // As the build leaves it: a brotli copy beside the file, which is served instead of compressing again.
    writeFileSync(join(dir, 'assets', 'style-def456.css'), STYLE);
    writeFileSync(join(dir, 'assets', 'style-def456.css.br'), brotliCompressSync(`${STYLE}/* the build's copy */`));
    const serve = webAppHandler(dir);
    server = createServer((request, response) => {
      if (serve(request, response)) return;
      response.writeHead(418).end('gateway');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A GET as it comes over the wire (no decompression, unlike fetch). */
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: { get(name: string): string | null }; body: Buffer }>((resolve, reject) => {
      httpGet(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: { get: (name) => (res.headers[name] as string | undefined) ?? null },
            body: Buffer.concat(chunks),
          }),
        );
      }).on('error', reject);
    });

  it('serves index.html at / with its security headers, revalidated by ETag', async () => {
    const page = await get('/', { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.body.toString()).toBe(INDEX);
    const again = await get('/', { accept: 'text/html', 'if-none-match': page.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it("serves the build's precompressed copy when there is one, and never lists it as a file of its own", async () => {
    const br = await get('/assets/style-def456.css', { 'accept-encoding': 'br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(`${STYLE}/* the build's copy */`);
    const gzip = await get('/assets/style-def456.css', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(gzip.body).toString()).toBe(STYLE);
    expect((await get('/assets/style-def456.css.br')).status).toBe(404);
  });

  it('answers client routes with index.html, and a missing file with 404', async () => {
    const route = await get('/orders/6d1f7b0e-0000-4000-8000-000000000001', { accept: 'text/html,application/xhtml+xml' });
    expect([route.status, route.body.toString()]).toEqual([200, INDEX]);
    expect((await get('/assets/missing-1234.js')).status).toBe(404);
  });

  it('compresses (brotli before gzip) and caches the hashed assets for a year', async () => {
    const br = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toBe('accept-encoding');
    const brBody = br.body;
    expect(brBody.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(brBody).toString()).toBe(SCRIPT);
    const gzip = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    const plain = await get('/assets/index-abc123.js', { 'accept-encoding': 'identity' });
    expect([plain.headers.get('content-encoding'), plain.body.toString()]).toEqual([null, SCRIPT]);
    expect((await get('/sw.js')).headers.get('cache-control')).toBe('no-cache');
  });

  it("leaves the gateway's own paths to it: /graphql (GraphiQL, the API), /auth, /documents; and anything but GET and HEAD", async () => {
    for (const path of [
      '/graphql',
      '/graphql?query=x',
      '/auth/refresh',
      '/documents/abc',
      '/oauth/token',
      '/graphiql-assets/x.js',
      '/dev/mailbox',
    ]) {
      expect((await get(path, { accept: 'text/html' })).status, path).toBe(418);
    }
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(418);
  });
});

describe('the pictures the web app may show (img-src)', () => {
  it("lists the product data's picture origins after the app's own", () => {
    expect(contentSecurityPolicy(['https://images.example.com'])).toContain("img-src 'self' data: blob: https://images.example.com;");
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data: blob:;");
  });
  it('takes https origins only (http on loopback), reduced to the origin', () => {
    expect(imageOrigin('https://cdn.example.com/products/x.jpg')).toBe('https://cdn.example.com');
    expect(imageOrigin('http://127.0.0.1:9000')).toBe('http://127.0.0.1:9000');
    for (const bad of ['http://cdn.example.com', '*', "'unsafe-inline'", 'data:', 'cdn.example.com'])
      expect(imageOrigin(bad), bad).toBeNull();
  });
  it("reads WEB_IMAGE_ORIGINS; defaults to the demo data's picture host in demo mode and none in production", () => {
    expect(readImageOrigins({}, false)).toEqual([DEMO_IMAGE_ORIGIN]);
    expect(readImageOrigins({}, true)).toEqual([]);
    expect(readImageOrigins({ WEB_IMAGE_ORIGINS: 'https://a.example.com, https://b.example.com:8443/x' }, true)).toEqual([
      'https://a.example.com',
      'https://b.example.com:8443',
    ]);
    expect(() => readImageOrigins({ WEB_IMAGE_ORIGINS: 'https://a.example.com, *' }, true)).toThrow(/WEB_IMAGE_ORIGINS/);
  });
});

describe('the web app files, read once per build', () => {
  /** The body of `/` from a gateway started over `dir` now (its own server, closed after). */
  async function pageOf(dir: string): Promise<string> {
    const serve = webAppHandler(dir);
    const server = createServer((request, response) => void serve(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
        headers: { accept: 'text/html', connection: 'close' },
      });
      return await response.text();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  it('serves a later build to the next gateway of the process (same size, other content and time), never the files an earlier one read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'web-app-reload-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><p>build one</p>');
    expect(await pageOf(dir)).toBe('<!doctype html><p>build one</p>');
    expect(await pageOf(dir)).toBe('<!doctype html><p>build one</p>');
    // A rebuild: the same length, so only the modification time tells (set apart, as a clock step could hide it).
    writeFileSync(join(dir, 'index.html'), '<!doctype html><p>build two</p>');
    utimesSync(join(dir, 'index.html'), new Date(Date.now() + 5_000), new Date(Date.now() + 5_000));
    expect(await pageOf(dir)).toBe('<!doctype html><p>build two</p>');
    // A file added by the build.
    writeFileSync(join(dir, 'extra.txt'), 'added');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><p>build three, longer</p>');
    expect(await pageOf(dir)).toBe('<!doctype html><p>build three, longer</p>');
  });
});
