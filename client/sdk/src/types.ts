// The SDK's shared types: credentials, options, the error of a failed request, subscription handlers.
export type Credentials =
  | { email: string; password: string; otp?: string }
  | { clientId: string; clientSecret: string; scopes?: string[] }
  | { accessToken: string; refreshToken?: string; expiresIn?: number };

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql (graphql-ws on the same path). */
  url: string;
  credentials: Credentials;
  /** Tries per idempotent request (first one included); default 4. */
  attempts?: number;
  /** The first wait between tries; default 200 ms, doubling. */
  retryBaseMs?: number;
  fetch?: typeof fetch;
  /** A WebSocket class for graphql-ws; default the global one, or the `ws` package. */
  webSocketImpl?: unknown;
  /** Told when the live connection opens (acknowledged) or closes, with the close code. */
  onLive?(event: { type: 'connected' } | { type: 'closed'; code: number; reason: string }): void;
  /** Told each new access token (for logging or sharing). */
  onToken?(token: { accessToken: string; expiresAt: number }): void;
}

/** A request that failed as a whole (network, HTTP, GraphQL errors). Business refusals are userErrors in the data. */
export class DealerGraphError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status = 0,
    readonly attempts = 1,
  ) {
    super(message);
    this.name = 'DealerGraphError';
  }
}

export interface SubscriptionHandlers<T> {
  next(data: T): void;
  /** Subscribed again after a break (token expiry, network): reload what may have changed meanwhile. */
  resumed?(): void;
  error?(error: DealerGraphError): void;
}

export type Variables<V> = V extends Record<string, never> ? [variables?: V] : [variables: V];
export type Answer = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
