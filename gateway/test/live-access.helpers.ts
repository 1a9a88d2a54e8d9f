import { until as waitUntil } from '@dealergraph/testing';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** How a live subscription ended: its last result's error code, or the socket's close code. */
export interface Ending {
  code: string | null;
  results: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }[];
}

/** Waits until `ready()` is true (a state to reach, not a time to assert), failing after @dealergraph/testing's deadline. */
export async function until(ready: () => boolean | Promise<boolean>): Promise<void> {
  await waitUntil('the live subscription state the test waits for', ready);
}

const lastCode = (results: Ending['results']) => {
  const errors = results.at(-1)?.errors;
  return (errors?.[0]?.extensions?.reason as string | undefined) ?? (errors?.[0]?.extensions?.code as string | undefined) ?? null;
};

/**
 * A subscription over graphql-ws with the token in connectionParams or only in the upgrade request's
 * Authorization header; `ended` settles when the server ends it (last error, complete, or a close).
 */
export function wsSubscription(gatewayUrl: string, token: string, via: 'params' | 'header', query: string) {
  const results: Ending['results'] = [];
  let client: Client | undefined;
  const ended = new Promise<Ending>((resolve) => {
    class WithHeader extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { authorization: `Bearer ${token}` } });
      }
    }
    client = createClient({
      url: gatewayUrl.replace('http', 'ws'),
      webSocketImpl: via === 'header' ? WithHeader : WebSocket,
      connectionParams: via === 'params' ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => {},
      on: { closed: (event) => resolve({ code: String((event as { code: number }).code), results }) },
    });
    client.subscribe(
      { query },
      {
        next: (result) => void results.push(result as Ending['results'][number]),
        error: (error) =>
          resolve({ code: Array.isArray(error) ? lastCode([{ errors: error }]) : String((error as { code?: number }).code), results }),
        complete: () => resolve({ code: lastCode(results), results }),
      },
    );
  });
  return { ended, dispose: async () => client?.dispose() };
}

/** A subscription over GraphQL over SSE (POST, Accept: text/event-stream); `ended` settles at its `complete` or end. */
export function sseSubscription(gatewayUrl: string, token: string, query: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const results: Ending['results'] = [];
  const ended = (async (): Promise<Ending> => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query }),
      signal: abort.signal,
    });
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('');
          if (/^event: ?complete/m.test(event)) return { code: lastCode(results), results };
          if (data) results.push(JSON.parse(data));
        }
      }
    } catch {
      // aborted by the test
    }
    return { code: lastCode(results), results };
  })();
  return { ended, dispose: () => abort.abort() };
}
