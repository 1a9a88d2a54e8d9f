import { requireClaims } from '@dealergraph/runtime';
import type { DealersContext } from '../context.js';
import { SESSION_POLICY, sessionState, sessionsToEvict } from '../domain/session-policy.js';
import { Session } from '../entities/session.entity.js';

/** How often the last-seen time of a session is written (the gateway asks every few seconds). */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * True while a session may be used: not revoked, before its absolute end, used within the idle
 * time. The gateway asks this for every token it accepts; it also keeps "last seen" current.
 */
export async function isSessionLive(ctx: DealersContext, sessionId: string): Promise<boolean> {
  const session = await ctx.em.findOne(Session, { id: sessionId }, { fields: ['id', 'revokedAt', 'expiresAt', 'lastUsedAt', 'createdAt'] });
  if (!session) return false;
  const now = new Date();
  if (sessionState({ session, now, policy: SESSION_POLICY }) !== 'LIVE') return false;
  if (!session.lastUsedAt || now.getTime() - session.lastUsedAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await ctx.em.nativeUpdate(Session, { id: session.id }, { lastUsedAt: now });
  }
  return true;
}

/** Ends the least recently used sessions of a user so that a new one fits under the limit. */
export async function makeRoomForSession(ctx: DealersContext, userId: string, now: Date): Promise<void> {
  const open = await ctx.em.find(Session, { user: userId, revokedAt: null, expiresAt: { $gt: now } }, { fields: ['id', 'revokedAt', 'expiresAt', 'lastUsedAt', 'createdAt'] });
  const live = open.filter((session) => sessionState({ session, now, policy: SESSION_POLICY }) === 'LIVE');
  const evict = sessionsToEvict({ live, policy: SESSION_POLICY }).map((s) => s.id);
  if (evict.length) await ctx.em.nativeUpdate(Session, { id: { $in: evict } }, { revokedAt: now });
}

/** The signed-in user's live sessions, most recently used first. */
export async function listMySessions(ctx: DealersContext): Promise<Session[]> {
  const claims = requireClaims(ctx.claims);
  const now = new Date();
  const open = await ctx.em.find(Session, { user: claims.sub, revokedAt: null, expiresAt: { $gt: now } }, { orderBy: { lastUsedAt: 'desc nulls last' } });
  return open.filter((session) => sessionState({ session, now, policy: SESSION_POLICY }) === 'LIVE');
}

/** Ends one of the caller's own sessions; false when it is not theirs (or not there). */
export async function revokeMySession(ctx: DealersContext, sessionId: string): Promise<boolean> {
  const claims = requireClaims(ctx.claims);
  return (await ctx.em.nativeUpdate(Session, { id: sessionId, user: claims.sub, revokedAt: null }, { revokedAt: new Date() })) > 0;
}

/** Ends all the caller's sessions ("sign out everywhere"), or all but the current one; returns how many. */
export async function revokeMySessions(ctx: DealersContext, keepCurrent: boolean): Promise<number> {
  const claims = requireClaims(ctx.claims);
  const where = keepCurrent && claims.sid ? { user: claims.sub, revokedAt: null, id: { $ne: claims.sid } } : { user: claims.sub, revokedAt: null };
  return ctx.em.nativeUpdate(Session, where, { revokedAt: new Date() });
}
