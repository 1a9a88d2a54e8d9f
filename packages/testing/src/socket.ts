import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** How a test socket connects: at once (`eager`, to see connection_init refused), who hears it accepted and who hears it close. */
export interface SocketOptions {
  eager?: boolean;
  onConnected?: () => void;
  onClosed?: (event: { code: number; reason: string }) => void;
}

/**
 * A real graphql-ws client on the gateway, signed in with `accessToken` (verified at
 * connection_init; none: anonymous). It never retries, so a refused or closed socket shows in the test.
 */
export function openSocket(gatewayUrl: string, accessToken: string | null | undefined, options: SocketOptions = {}): Client {
  return createClient({
    url: gatewayUrl.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
    retryAttempts: 0,
    ...(options.eager ? { lazy: false, onNonLazyError: () => {} } : {}),
    on: {
      ...(options.onConnected ? { connected: () => options.onConnected!() } : {}),
      ...(options.onClosed ? { closed: (event: unknown) => options.onClosed!(event as { code: number; reason: string }) } : {}),
    },
  });
}

/** The close code a socket signed in with `accessToken` gets when it connects (4403: refused at connection_init). */
export async function socketCloseCode(gatewayUrl: string, accessToken: string | null | undefined): Promise<number> {
  let socket: Client | undefined;
  const code = await new Promise<number>((resolve) => {
    socket = openSocket(gatewayUrl, accessToken, { eager: true, onClosed: (event) => resolve(event.code) });
  });
  await socket?.dispose();
  return code;
}
