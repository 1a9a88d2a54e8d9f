import type { IncomingMessage, ServerResponse } from 'node:http';

function refuse(response: ServerResponse, limit: number) {
  response.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
  response.end(
    JSON.stringify({ errors: [{ message: `The request body is larger than ${limit} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }),
  );
}

/**
 * Reads a request body of at most `limit` bytes into `request.body` (where the runtime's Node
 * adapter takes it from) and returns true; answers 413 and returns false for a larger one, as soon
 * as its Content-Length or its bytes so far say so, without reading the rest.
 */
export async function readLimitedBody(request: IncomingMessage, response: ServerResponse, limit: number): Promise<boolean> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return true;
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) {
    refuse(response, limit);
    request.resume();
    return false;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) {
        refuse(response, limit);
        request.destroy();
        return false;
      }
      chunks.push(chunk);
    }
  } catch {
    if (!response.headersSent) response.destroy();
    return false;
  }
  if (size > 0) (request as IncomingMessage & { body?: Uint8Array }).body = new Uint8Array(Buffer.concat(chunks));
  return true;
}
