import { signRequest } from '@dealergraph/runtime';

/** Whether a session is still live, as the dealers subgraph (its owner) says. */
export type SessionCheck = (sessionId: string) => Promise<boolean>;

const QUERY = 'query SessionActive($id: ID!) { sessionActive(id: $id) }';
/** The same check for an API client's token (the `cid` claim): revoked clients' tokens stop too. */
const CLIENT_QUERY = 'query ApiClientActive($id: ID!) { apiClientActive(id: $id) }';

/**
 * Asks the dealers subgraph whether a session is live, with a signed call to its internal
 * (`@inaccessible`) field, and remembers the answer: live sessions for `ttlMs` (so a revoked
 * session's tokens stop working within that time, well inside their 15 minutes), ended sessions
 * for good (they never come back). Calls for the same session at the same moment share one request.
 */
export function createSessionCheck(options: { dealersUrl: string; secret: string; ttlMs: number; maxEntries?: number; field?: 'sessionActive' | 'apiClientActive' }): SessionCheck {
  const field = options.field ?? 'sessionActive';
  const query = field === 'sessionActive' ? QUERY : CLIENT_QUERY;
  const live = new Map<string, number>();
  const ended = new Set<string>();
  const inflight = new Map<string, Promise<boolean>>();
  const maxEntries = options.maxEntries ?? 50_000;

  const ask = async (sessionId: string): Promise<boolean> => {
    const variables = { id: sessionId };
    const response = await fetch(options.dealersUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables, extensions: signRequest({ query, variables }, options.secret) }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as { data?: Record<string, boolean | undefined> };
    const active = body.data?.[field];
    if (typeof active !== 'boolean') throw new Error(`dealers answered the ${field} check with status ${response.status}`);
    return active;
  };

  return async (sessionId) => {
    if (ended.has(sessionId)) return false;
    const until = live.get(sessionId);
    if (until && until > Date.now()) return true;
    let pending = inflight.get(sessionId);
    if (!pending) {
      pending = ask(sessionId).finally(() => inflight.delete(sessionId));
      inflight.set(sessionId, pending);
    }
    const active = await pending;
    if (live.size >= maxEntries) live.clear();
    if (ended.size >= maxEntries) ended.clear();
    if (active) live.set(sessionId, Date.now() + options.ttlMs);
    else {
      live.delete(sessionId);
      ended.add(sessionId);
    }
    return active;
  };
}
