import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import { mailRoutes } from '../src/web/mail-routes.js';

/** The gateway's forwarding of the mail pages (subgraphs/orders/test/mail-notifications.e2e.test.ts tests them end to end in demo mode). */
const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
};

describe('mail routes in production', () => {
  it('answers 404 at the gateway, without asking orders', async () => {
    const routes = mailRoutes({ ordersUrl: 'http://127.0.0.1:9/graphql', production: true });
    const server: Server = createServer((req, res) => {
      if (!routes(req, res)) res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of ['/dev/mailbox', '/dev/mailbox.json']) expect((await get(`${base}${path}`)).status).toBe(404);
      // Only token-shaped links are forwarded; anything else under /mail/ is not found here.
      expect((await get(`${base}/mail/approval/not-a-token`)).status).toBe(404);
      expect((await get(`${base}/mail/other/a.b.c`)).status).toBe(404);
      // Not ours: left to the next handler.
      expect((await get(`${base}/dev/other`)).status).toBe(418);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
