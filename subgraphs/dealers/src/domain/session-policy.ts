/** How long sessions live and how many a user may hold. */
export interface SessionPolicy {
  /** A session unused this long ends (idle timeout). */
  idleMinutes: number;
  /** Live sessions per user; signing in once more ends the least recently used. */
  maxConcurrent: number;
}

export const SESSION_POLICY: SessionPolicy = { idleMinutes: 8 * 60, maxConcurrent: 10 };

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
 * Which live sessions to end so that one more fits under the limit: the least recently used first.
 */
export function sessionsToEvict<T extends { id: string; lastUsedAt: Date | null; createdAt: Date }>({
  live,
  policy,
}: {
  live: T[];
  policy: SessionPolicy;
}): T[] {
  const excess = live.length - (policy.maxConcurrent - 1);
  if (excess <= 0) return [];
  const byUse = [...live].sort((a, b) => (a.lastUsedAt ?? a.createdAt).getTime() - (b.lastUsedAt ?? b.createdAt).getTime());
  return byUse.slice(0, excess);
}
