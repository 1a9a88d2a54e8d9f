/** What a presented refresh token does to its session. */
export type RefreshDecision = 'ROTATE' | 'EXPIRED' | 'REVOKED' | 'REUSED' | 'UNKNOWN';

export interface RefreshInput {
  session: { refreshTokenHash: string; previousTokenHashes: string[]; expiresAt: Date; revokedAt: Date | null };
  presentedHash: string;
  now: Date;
}

/**
 * Decides a refresh: the current token rotates; a token this session issued before means it was
 * copied, so the whole session is revoked (REUSED); anything else is not this session's token at
 * all (UNKNOWN) and changes nothing, so knowing a session id is not enough to end it. Expired or
 * revoked sessions refresh nothing.
 */
export function decideRefresh({ session, presentedHash, now }: RefreshInput): RefreshDecision {
  if (session.revokedAt) return 'REVOKED';
  if (session.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (session.refreshTokenHash === presentedHash) return 'ROTATE';
  return session.previousTokenHashes.includes(presentedHash) ? 'REUSED' : 'UNKNOWN';
}

/** How many rotated-out token hashes a session remembers, to tell a replay from a guess. */
export const REMEMBERED_TOKENS = 50;

/** The remembered hashes after a rotation: the one just replaced first, the oldest dropped. */
export function afterRotation({ previous, replaced }: { previous: string[]; replaced: string }): string[] {
  return [replaced, ...previous].slice(0, REMEMBERED_TOKENS);
}
