/** How long sessions live and how many a user may hold. */
export interface SessionPolicy {
  /** A session unused this long ends (idle timeout). */
  idleMinutes: number;
  /** Live sessions per user; signing in once more ends the least recently used. */
  maxConcurrent: number;
  /**
   * A session used this recently is not ended to make room: a burst of sign-ins would otherwise tell
   * each of them it is signed in and then end its session at once.
   */
  evictionGraceSeconds: number;
}

export const SESSION_POLICY: SessionPolicy = { idleMinutes: 8 * 60, maxConcurrent: 10, evictionGraceSeconds: 60 };

export type SessionState = 'LIVE' | 'IDLE' | 'EXPIRED' | 'REVOKED';

export interface SessionTimes {
  revokedAt: Date | null;
  /** The absolute end, fixed at sign-in; refreshing does not move it. */
  expiresAt: Date;
  lastUsedAt: Date | null;
  createdAt: Date;
}

/** Whether a session may still be used, and if not, why. */
export function sessionState({ session, now, policy }: { session: SessionTimes; now: Date; policy: SessionPolicy }): SessionState {
  if (session.revokedAt) return 'REVOKED';
  if (session.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  const lastUsed = (session.lastUsedAt ?? session.createdAt).getTime();
  if (now.getTime() - lastUsed > policy.idleMinutes * 60_000) return 'IDLE';
  return 'LIVE';
}

/**
 * Which live sessions to end so that one more fits under the limit: the least recently used first,
 * none used within the grace. Null when there is no room without ending such a recent one (the new
 * session must then be refused).
 */
export function sessionsToEvict<T extends { id: string; lastUsedAt: Date | null; createdAt: Date }>({
  live,
  policy,
  now,
}: {
  live: T[];
  policy: SessionPolicy;
  now: Date;
}): T[] | null {
  const excess = live.length - (policy.maxConcurrent - 1);
  if (excess <= 0) return [];
  const usedAt = (s: T) => (s.lastUsedAt ?? s.createdAt).getTime();
  const byUse = [...live].sort((a, b) => usedAt(a) - usedAt(b)).slice(0, excess);
  const graceStart = now.getTime() - policy.evictionGraceSeconds * 1000;
  return byUse.every((s) => usedAt(s) < graceStart) ? byUse : null;
}
