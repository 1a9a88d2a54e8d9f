import { signRequest, traceHeaders } from '@dealergraph/runtime';
import type { Redis } from 'ioredis';

/** What the dealers subgraph (the sessions' owner) says of a session's token used from an address. */
export type SessionAccess = 'LIVE' | 'ENDED' | 'IP_NOT_ALLOWED';

/** Asks whether a session's token may be used from a client address. */
export type SessionCheck = (sessionId: string, ip: string | null) => Promise<SessionAccess>;

const QUERY = 'query SessionAccess($id: ID!, $ip: String) { sessionAccess(id: $id, ip: $ip) }';
const ANSWERS = new Set<SessionAccess>(['LIVE', 'ENDED', 'IP_NOT_ALLOWED']);
/** The same check for an API client's token (the `cid` claim): a revoked client's tokens stop too. */
const CLIENT_QUERY = 'query ApiClientActive($id: ID!) { apiClientActive(id: $id) }';

/** How long a shared ENDED answer is kept: ended sessions never come back, and no token outlives this. */
const ENDED_TTL_MS = 31 * 24 * 3600 * 1000;

/**
 * The answers every gateway on one Redis shares (REDIS_URL), under the same rules as the in-process
 * cache: LIVE or IP_NOT_ALLOWED for `ttlMs`, ENDED for longer than any token lives. A gateway that
 * misses here asks the dealers subgraph and leaves its answer for the others; when Redis does not
 * answer, it asks the dealers subgraph (the answer is only ever as old as `ttlMs`, as without Redis).
 */
export interface SharedSessionAnswers {
  redis: Redis;
  keyPrefix: string;
}

async function readShared(shared: SharedSessionAnswers, key: string, endedKey: string): Promise<SessionAccess | null> {
  try {
    const [ended, recent] = await shared.redis.mget(endedKey, key);
    if (ended) return 'ENDED';
    return recent && ANSWERS.has(recent as SessionAccess) ? (recent as SessionAccess) : null;
  } catch {
    return null;
  }
}

async function writeShared(shared: SharedSessionAnswers, key: string, endedKey: string, access: SessionAccess, ttlMs: number) {
  try {
    if (access === 'ENDED') await shared.redis.set(endedKey, 'ENDED', 'PX', ENDED_TTL_MS);
    else await shared.redis.set(key, access, 'PX', ttlMs);
  } catch {
    // The next gateway asks the dealers subgraph itself.
  }
}

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
  /** Answers shared with the other gateways (REDIS_URL); this process only when left out. */
  shared?: SharedSessionAnswers;
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
      // traceHeaders: the request that needed the check, in its trace (when tracing is on).
      headers: { 'content-type': 'application/json', accept: 'application/json', ...traceHeaders() },
      body: JSON.stringify({ query, variables, extensions: signRequest({ query, variables }, options.secret) }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as { data?: Record<string, string | boolean | undefined> };
    const answer = body.data?.[field];
    const access = typeof answer === 'boolean' ? (answer ? 'LIVE' : 'ENDED') : (answer as SessionAccess | undefined);
    if (!access || !ANSWERS.has(access)) throw new Error(`dealers answered the ${field} check with status ${response.status}`);
    return access;
  };

  /** The other gateways' answer when there is one, else the dealers subgraph's, left for them. */
  const askShared = async (sessionId: string, ip: string | null, key: string): Promise<SessionAccess> => {
    const shared = options.shared;
    if (!shared) return ask(sessionId, ip);
    const sharedKey = `${shared.keyPrefix}session:${field}:${key}`;
    const endedKey = `${shared.keyPrefix}session:${field}:ended:${sessionId}`;
    const known = await readShared(shared, sharedKey, endedKey);
    if (known) return known;
    const access = await ask(sessionId, ip);
    await writeShared(shared, sharedKey, endedKey, access, options.ttlMs);
    return access;
  };

  return async (sessionId, ip) => {
    if (ended.has(sessionId)) return 'ENDED';
    const key = `${sessionId}|${ip ?? ''}`;
    const cached = recent.get(key);
    if (cached && cached.until > Date.now()) return cached.access;
    let pending = inflight.get(key);
    if (!pending) {
      pending = askShared(sessionId, ip, key).finally(() => inflight.delete(key));
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
