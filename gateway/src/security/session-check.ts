import { signRequest } from '@dealergraph/runtime';

/** What the dealers subgraph (the sessions' owner) says of a session's token used from an address. */
export type SessionAccess = 'LIVE' | 'ENDED' | 'IP_NOT_ALLOWED';

/** Asks whether a session's token may be used from a client address. */
export type SessionCheck = (sessionId: string, ip: string | null) => Promise<SessionAccess>;

const QUERY = 'query SessionAccess($id: ID!, $ip: String) { sessionAccess(id: $id, ip: $ip) }';
const ANSWERS = new Set<SessionAccess>(['LIVE', 'ENDED', 'IP_NOT_ALLOWED']);
/** The same check for an API client's token (the `cid` claim): a revoked client's tokens stop too. */
const CLIENT_QUERY = 'query ApiClientActive($id: ID!) { apiClientActive(id: $id) }';

/**
 * Asks the dealers subgraph whether a session is live and its dealer allows the address, with one
 * signed call to its internal (`@inaccessible`) field, and remembers the answer: for a session and
 * address, LIVE or IP_NOT_ALLOWED for `ttlMs` (so a revoked session, or a changed allow-list, takes
 * effect within that time, and a refused address costs one call and one audit event per period);
 * ENDED for good, whatever the address (ended sessions never come back). Calls for the same session
 * and address at the same moment share one request.
 */
export function createSessionCheck(options: {
  dealersUrl: string;
  secret: string;
  ttlMs: number;
  maxEntries?: number;
  field?: 'sessionAccess' | 'apiClientActive';
}): SessionCheck {
  const field = options.field ?? 'sessionAccess';
  const query = field === 'sessionAccess' ? QUERY : CLIENT_QUERY;
  const recent = new Map<string, { access: SessionAccess; until: number }>();
  const ended = new Set<string>();
  const inflight = new Map<string, Promise<SessionAccess>>();
  const maxEntries = options.maxEntries ?? 50_000;

  const ask = async (sessionId: string, ip: string | null): Promise<SessionAccess> => {
    const variables = field === 'sessionAccess' ? { id: sessionId, ip } : { id: sessionId };
    const response = await fetch(options.dealersUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables, extensions: signRequest({ query, variables }, options.secret) }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as { data?: Record<string, string | boolean | undefined> };
    const answer = body.data?.[field];
    const access = typeof answer === 'boolean' ? (answer ? 'LIVE' : 'ENDED') : (answer as SessionAccess | undefined);
    if (!access || !ANSWERS.has(access)) throw new Error(`dealers answered the ${field} check with status ${response.status}`);
    return access;
  };

  return async (sessionId, ip) => {
    if (ended.has(sessionId)) return 'ENDED';
    const key = `${sessionId}|${ip ?? ''}`;
    const cached = recent.get(key);
    if (cached && cached.until > Date.now()) return cached.access;
    let pending = inflight.get(key);
    if (!pending) {
      pending = ask(sessionId, ip).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    const access = await pending;
    if (recent.size >= maxEntries) recent.clear();
    if (ended.size >= maxEntries) ended.clear();
    if (access === 'ENDED') {
      recent.delete(key);
      ended.add(sessionId);
    } else recent.set(key, { access, until: Date.now() + options.ttlMs });
    return access;
  };
}
