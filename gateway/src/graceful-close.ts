import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Closes an HTTP server the way a load balancer expects on a deploy: no new connections, requests already
 * in flight finish (up to `graceMs`, then their connections are cut), and keep-alive connections close as
 * soon as they fall idle instead of holding the process open.
 */
export async function closeGracefully(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // A keep-alive connection that finishes its request becomes idle; close it then, not at the deadline.
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(idle);
    clearTimeout(deadline);
  }
}

/** Readiness while the gateway drains: 503, so that load balancers send new work elsewhere. */
export function drainGate(): { start(): void; serve(request: IncomingMessage, response: ServerResponse): boolean } {
  let draining = false;
  return {
    start: () => void (draining = true),
    serve: (request, response) => {
      if (!draining || !request.url?.startsWith('/readiness')) return false;
      response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' }).end('shutting down');
      return true;
    },
  };
}
