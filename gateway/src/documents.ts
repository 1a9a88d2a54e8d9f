import type { IncomingMessage, ServerResponse } from 'node:http';

import { DOCUMENT_ROUTE, documentLinkKey, signRequest, verifyDocumentLink } from '@dealergraph/runtime';

/**
 * GET /documents/<token>: the download route for invoice and statement documents. The token is a
 * short-lived link that the credit subgraph minted after an access check; the route checks it here
 * (cheap, no database) and again in credit, which renders the file behind a signed internal call.
 * Every refusal is the same 404, so a probe learns nothing.
 */

const DOCUMENT_QUERY = 'query DocumentFile($token: String!) { documentFile(token: $token) { filename contentType contentBase64 } }';

export interface DocumentRouteOptions {
  hmacSecret: string;
  creditUrl: string;
  now?: () => Date;
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end('This download link is unknown or has expired. Ask the API for a new one.\n');
}

/** True when the request is for the download route (and was answered). */
export function serveDocument(request: IncomingMessage, response: ServerResponse, options: DocumentRouteOptions): boolean {
  const path = (request.url ?? '').split('?')[0];
  if (!path.startsWith(DOCUMENT_ROUTE)) return false;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' });
    response.end();
    return true;
  }
  void answer(path.slice(DOCUMENT_ROUTE.length), request.method === 'HEAD', response, options).catch(() => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The document could not be made right now; try again.\n');
  });
  return true;
}

async function answer(token: string, headOnly: boolean, response: ServerResponse, options: DocumentRouteOptions): Promise<void> {
  const key = documentLinkKey(options.hmacSecret);
  if (!verifyDocumentLink(token, key, options.now?.() ?? new Date())) return notFound(response);
  const variables = { token };
  const upstream = await fetch(options.creditUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: DOCUMENT_QUERY,
      variables,
      extensions: signRequest({ query: DOCUMENT_QUERY, variables }, options.hmacSecret),
    }),
  });
  const body = (await upstream.json()) as {
    data?: { documentFile?: { filename: string; contentType: string; contentBase64: string } | null };
    errors?: unknown[];
  };
  const file = body.data?.documentFile;
  if (!upstream.ok || body.errors || !file) {
    if (body.errors || !upstream.ok) throw new Error('credit refused the document call');
    return notFound(response);
  }
  const content = Buffer.from(file.contentBase64, 'base64');
  response.writeHead(200, {
    'content-type': file.contentType,
    'content-length': String(content.length),
    'content-disposition': `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(headOnly ? undefined : content);
}
