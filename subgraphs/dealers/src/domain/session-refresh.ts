/** What a presented refresh token does to its session. */
export type RefreshDecision = 'ROTATE' | 'GRACE' | 'EXPIRED' | 'REVOKED' | 'REUSED' | 'UNKNOWN';

/**
 * How long the token just rotated out stays good for one more refresh: an answer lost on the way
 * (a retry, two tabs racing, a dropped connection) must not end the session (OAuth 2.0 Security
 * BCP, refresh token rotation: a short grace for concurrent refreshes, reuse detection after it).
 */
export const REFRESH_GRACE_MS = 30_000;

export interface RefreshInput {
  session: {
    refreshTokenHash: string;
    previousTokenHashes: string[];
    expiresAt: Date;
    revokedAt: Date | null;
    /** When the current token replaced the previous one; null before the first rotation. */
    rotatedAt?: Date | null;
    /** Whether the previous token has had its one grace refresh already. */
    graceUsed?: boolean;
  };
  presentedHash: string;
  now: Date;
}

/**
 * Decides a refresh: the current token rotates; the token it replaced, presented again within
 * REFRESH_GRACE_MS of that rotation and for the first time, is GRACE (answered with the same current
 * refresh token, nothing rotates); any other token this session issued before means it was copied,
 * so the whole session is revoked (REUSED); anything else is not this session's token at all
 * (UNKNOWN) and changes nothing, so knowing a session id is not enough to end it. Expired or revoked
 * sessions refresh nothing.
 */
export function decideRefresh({ session, presentedHash, now }: RefreshInput): RefreshDecision {
  if (session.revokedAt) return 'REVOKED';
  if (session.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (session.refreshTokenHash === presentedHash) return 'ROTATE';
  if (!session.previousTokenHashes.includes(presentedHash)) return 'UNKNOWN';
  const justReplaced = session.previousTokenHashes[0] === presentedHash;
  const rotatedAgo = session.rotatedAt ? now.getTime() - session.rotatedAt.getTime() : Infinity;
  if (justReplaced && !session.graceUsed && rotatedAgo >= 0 && rotatedAgo <= REFRESH_GRACE_MS) return 'GRACE';
  return 'REUSED';
}

/** How many rotated-out token hashes a session remembers, to tell a replay from a guess. */
export const REMEMBERED_TOKENS = 50;

/** The remembered hashes after a rotation: the one just replaced first, the oldest dropped. */
export function afterRotation({ previous, replaced }: { previous: string[]; replaced: string }): string[] {
  return [replaced, ...previous].slice(0, REMEMBERED_TOKENS);
}
