/** What a presented refresh token does to its session. */
export type RefreshDecision = 'ROTATE' | 'EXPIRED' | 'REVOKED' | 'REUSED';

export interface RefreshInput {
  session: { refreshTokenHash: string; expiresAt: Date; revokedAt: Date | null };
  presentedHash: string;
  now: Date;
}

/**
 * Decides a refresh: the current token rotates; an older token of a live session means the token was
 * copied, so the whole session is revoked (REUSED); expired or revoked sessions refresh nothing.
 */
export function decideRefresh({ session, presentedHash, now }: RefreshInput): RefreshDecision {
  if (session.revokedAt) return 'REVOKED';
  if (session.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (session.refreshTokenHash !== presentedHash) return 'REUSED';
  return 'ROTATE';
}
