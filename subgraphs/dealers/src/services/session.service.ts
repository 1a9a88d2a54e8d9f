import { type EntityManager, requireClaims, tableOf } from '@dealergraph/runtime';

import type { DealersContext } from '../context.js';
import { isAddressAllowed } from '../domain/ip-allow-list.js';
import { SESSION_POLICY, sessionState, sessionsToEvict } from '../domain/session-policy.js';
import { Dealer } from '../entities/dealer.entity.js';
import { Session } from '../entities/session.entity.js';
import { User } from '../entities/user.entity.js';
import { recordSecurityEvent, writeSecurityEvent } from './security-event.service.js';

/** How often the last-seen time of a session is written (the gateway asks every few seconds). */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/** What the gateway may do with a session's token from an address. */
export type SessionAccess = 'LIVE' | 'ENDED' | 'IP_NOT_ALLOWED';

interface SessionAccessRow {
  id: string;
  revoked_at: Date | null;
  expires_at: Date;
  last_used_at: Date | null;
  created_at: Date;
  user_id: string;
  email: string;
  dealer_id: string | null;
  ip_allow_list: string[] | null;
}

/**
 * Whether a session's token may be used from this address: ENDED once it is revoked, past its
 * absolute end or idle; IP_NOT_ALLOWED when its user's dealer does not allow the address (written to
 * the audit log); else LIVE. One query reads the session and the dealer's allow-list together. The
 * gateway asks this for every token it accepts (and caches the answer a few seconds); it also keeps
 * "last seen" current.
 */
export async function sessionAccess(ctx: DealersContext, sessionId: string, ip: string | null): Promise<SessionAccess> {
  const em = ctx.em;
  const [row] = await em.execute<SessionAccessRow[]>(
    `select s.id, s.revoked_at, s.expires_at, s.last_used_at, s.created_at, u.id as user_id, u.email, d.id as dealer_id, d.ip_allow_list
       from ${tableOf(em, Session)} s join ${tableOf(em, User)} u on u.id = s.user_id left join ${tableOf(em, Dealer)} d on d.id = u.dealer_id
      where s.id = ?`,
    [sessionId],
  );
  if (!row) return 'ENDED';
  const now = new Date();
  const session = {
    revokedAt: row.revoked_at,
    expiresAt: new Date(row.expires_at),
    lastUsedAt: row.last_used_at && new Date(row.last_used_at),
    createdAt: new Date(row.created_at),
  };
  if (sessionState({ session, now, policy: SESSION_POLICY }) !== 'LIVE') return 'ENDED';
  if (!isAddressAllowed({ ip, allowList: row.ip_allow_list ?? [] })) {
    await writeSecurityEvent(ctx, ctx.em, {
      kind: 'IP_REFUSED',
      userId: row.user_id,
      email: row.email,
      dealerId: row.dealer_id,
      ipAddress: ip,
      userAgent: null,
      detail: { at: 'REQUEST', sessionId },
    });
    return 'IP_NOT_ALLOWED';
  }
  if (!session.lastUsedAt || now.getTime() - session.lastUsedAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await ctx.em.nativeUpdate(Session, { id: sessionId }, { lastUsedAt: now });
  }
  return 'LIVE';
}

/**
 * Ends the least recently used sessions of a user so that a new one fits under the limit; returns
 * their ids, or null when there is no room (every session to end was used within the grace). Runs
 * inside the new session's transaction, under a lock per user taken first, so parallel sign-ins
 * count each other's sessions.
 */
export async function makeRoomForSession(ctx: DealersContext, em: EntityManager, userId: string, now: Date): Promise<string[] | null> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`dealers/sessions/${userId}`]);
  const open = await em.find(
    Session,
    { user: userId, revokedAt: null, expiresAt: { $gt: now } },
    { fields: ['id', 'revokedAt', 'expiresAt', 'lastUsedAt', 'createdAt'] },
  );
  const live = open.filter((session) => sessionState({ session, now, policy: SESSION_POLICY }) === 'LIVE');
  const evict = sessionsToEvict({ live, policy: SESSION_POLICY, now });
  if (!evict) return null;
  const ids = evict.map((s) => s.id);
  if (ids.length) await em.nativeUpdate(Session, { id: { $in: ids } }, { revokedAt: now });
  return ids;
}

/** The signed-in user's live sessions, most recently used first. */
export async function listMySessions(ctx: DealersContext): Promise<Session[]> {
  const claims = requireClaims(ctx.claims);
  const now = new Date();
  const open = await ctx.em.find(
    Session,
    { user: claims.sub, revokedAt: null, expiresAt: { $gt: now } },
    { orderBy: { lastUsedAt: 'desc nulls last' } },
  );
  return open.filter((session) => sessionState({ session, now, policy: SESSION_POLICY }) === 'LIVE');
}

/** Ends one of the caller's own sessions; false when it is not theirs (or not there). */
export async function revokeMySession(ctx: DealersContext, sessionId: string): Promise<boolean> {
  const claims = requireClaims(ctx.claims);
  return ctx.em.transactional(async (em) => {
    const done = (await em.nativeUpdate(Session, { id: sessionId, user: claims.sub, revokedAt: null }, { revokedAt: new Date() })) > 0;
    if (done)
      recordSecurityEvent(ctx, em, {
        kind: 'SESSION_REVOKED',
        userId: claims.sub,
        email: claims.email,
        dealerId: claims.dealerId ?? null,
        detail: { reason: 'REVOKED', sessionId },
      });
    return done;
  });
}

/** Ends all the caller's sessions ("sign out everywhere"), or all but the current one; returns how many. */
export async function revokeMySessions(ctx: DealersContext, keepCurrent: boolean): Promise<number> {
  const claims = requireClaims(ctx.claims);
  const where =
    keepCurrent && claims.sid ? { user: claims.sub, revokedAt: null, id: { $ne: claims.sid } } : { user: claims.sub, revokedAt: null };
  return ctx.em.transactional(async (em) => {
    const count = await em.nativeUpdate(Session, where, { revokedAt: new Date() });
    if (count > 0) {
      recordSecurityEvent(ctx, em, {
        kind: 'SESSION_REVOKED',
        userId: claims.sub,
        email: claims.email,
        dealerId: claims.dealerId ?? null,
        detail: { reason: 'SIGN_OUT_EVERYWHERE', count, keepCurrent },
      });
    }
    return count;
  });
}
