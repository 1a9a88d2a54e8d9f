import type { IncomingMessage, ServerResponse } from 'node:http';

import { DEMO_IMAGE_ORIGIN, type GatewayConfig } from '../config.js';
import type { BucketStore } from '../security/bucket-store.js';
import type { ClientAddress } from '../security/client-address.js';
import type { BucketPolicy } from '../security/token-bucket.js';
import { browserSessionHandler } from './browser-session.js';
import { webAppHandler } from './web-app.js';

/** The browser's routes on the gateway's origin: the cookie session (/auth/*) and the web app (/, client routes). */
export function webRoutes(
  config: GatewayConfig,
  signInBudget: BucketPolicy,
  clientAddress: (request: IncomingMessage) => ClientAddress,
  store?: BucketStore,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const session = browserSessionHandler({
    dealersUrl: config.subgraphUrls.dealers,
    hmacSecret: config.hmacSecret,
    perAddress: signInBudget,
    clientAddress,
    store,
    cookie: { maxAgeSeconds: config.refreshTokenTtlSeconds ?? 30 * 24 * 3600 },
  });
  const app =
    config.webAppDir === null
      ? () => false
      : webAppHandler(config.webAppDir, {
          imageOrigins: config.webImageOrigins ?? (config.production ? [] : [DEMO_IMAGE_ORIGIN]),
        });
  return (request, response) => session(request, response) || app(request, response);
}
