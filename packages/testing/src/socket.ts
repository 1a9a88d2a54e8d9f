import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * A real graphql-ws client on the gateway, signed in with `accessToken` (verified at
 * connection_init). It never retries, so a refused or closed socket shows in the test.
 */
export function openSocket(gatewayUrl: string, accessToken: string | null | undefined): Client {
  return createClient({
    url: gatewayUrl.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${accessToken}` },
    retryAttempts: 0,
  });
}
