import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The pages of mail notifications, on the gateway's own origin (the links in mails point here),
 * forwarded to the orders subgraph that owns notifications (subgraphs/orders/src/notifications/mail-pages.ts):
 * - `GET /dev/mailbox`, `GET /dev/mailbox.json`: the dev mailbox; 404 in production.
 * - `GET|POST /mail/approval/<token>`: one-click approval (GET shows, POST decides).
 * - `GET|POST /mail/unsubscribe/<token>`: one-click unsubscribe (RFC 8058).
 * Nothing else is forwarded: no header but the content type, no cookie, no Authorization (the token
 * in the path is the only credential these pages take).
 */
const MAILBOX = /^\/dev\/mailbox(\.json)?$/;
const LINK = /^\/mail\/(approval|unsubscribe)\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_BODY = 16 * 1024;
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function mailRoutes(options: {
  ordersUrl: string;
  production: boolean;
}): (request: IncomingMessage, response: ServerResponse) => boolean {
  const origin = new URL(options.ordersUrl).origin;
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const mailbox = MAILBOX.test(path);
    if (!mailbox && !path.startsWith('/mail/')) return false;
    const method = request.method ?? 'GET';
    const allowed = mailbox ? ['GET', 'HEAD'] : ['GET', 'HEAD', 'POST'];
    if ((mailbox && options.production) || (!mailbox && !LINK.test(path))) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      request.resume();
      return true;
    }
    if (!allowed.includes(method)) {
      response.writeHead(405, { allow: allowed.join(', '), 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
      request.resume();
      return true;
    }
    void (async () => {
      try {
        const body = method === 'POST' ? await readBody(request) : null;
        if (method === 'POST' && body === null) {
          response.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' }).end('Too large');
          return;
        }
        const contentType = request.headers['content-type'];
        const answer = await fetch(`${origin}${path}`, {
          method,
          headers: contentType ? { 'content-type': contentType } : {},
          body: body ? new Uint8Array(body) : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        const text = Buffer.from(await answer.arrayBuffer());
        response.writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'text/plain; charset=utf-8',
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
          'x-content-type-options': 'nosniff',
          'content-security-policy': PAGE_POLICY,
        });
        response.end(method === 'HEAD' ? undefined : text);
      } catch {
        if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('The orders service did not answer; try again in a moment.');
      }
    })();
    return true;
  };
}
