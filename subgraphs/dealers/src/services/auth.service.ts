import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { Claims } from '@dealergraph/runtime';
import argon2 from 'argon2';
import type { DealersContext } from '../context.js';
import { isValidOneTimeCode } from '../domain/one-time-code.js';
import { afterFailure, DEFAULT_LOCKOUT, lockMinutesLeft } from '../domain/sign-in-lockout.js';
import { decideRefresh } from '../domain/session-refresh.js';
import { Session } from '../entities/session.entity.js';
import { User } from '../entities/user.entity.js';

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
}

export type AuthErrorCode = 'INVALID_CREDENTIALS' | 'MFA_REQUIRED' | 'ACCOUNT_LOCKED' | 'INVALID_REFRESH_TOKEN' | 'SESSION_EXPIRED';
export type AuthResult = { ok: true; value: SignedIn } | { ok: false; code: AuthErrorCode; message: string };

// Verifying against a real hash when the email is unknown keeps the response time from telling
// which emails exist.
const UNKNOWN_USER_HASH = argon2.hash('dealergraph-unknown-user-placeholder');

const failure = (code: AuthErrorCode, message: string): AuthResult => ({ ok: false, code, message });
const INVALID_CREDENTIALS = () => failure('INVALID_CREDENTIALS', 'The email or password is wrong. Check both and try again.');

/** A user may sign in while the account, and the dealer it acts for, are active. */
function mayUse(user: User): boolean {
  return user.active && (!user.dealer || user.dealer.getEntity().active);
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function claimsOf(user: User, sessionId: string): Claims {
  return { sub: user.id, email: user.email, role: user.role, dealerId: user.dealer?.id ?? null, sid: sessionId };
}

async function issue(ctx: DealersContext, user: User, session: Session, secret: string): Promise<SignedIn> {
  return {
    accessToken: await ctx.tokens.issueAccessToken(claimsOf(user, session.id)),
    refreshToken: `${session.id}.${secret}`,
    expiresIn: ctx.tokens.accessTokenTtlSeconds,
    user,
  };
}

/** Counts a wrong password or code in the row itself, so that parallel guesses all count. */
async function recordFailure(ctx: DealersContext, user: User, now: Date): Promise<void> {
  await ctx.em.transactional(async (em) => {
    const locked = await em.findOneOrFail(User, { id: user.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const next = afterFailure({ state: locked, now, policy: DEFAULT_LOCKOUT });
    locked.failedSignIns = next.failedSignIns;
    locked.lockedUntil = next.lockedUntil;
  });
}

/**
 * Checks email and password (and the one-time code when the account has MFA) and opens a session
 * with a rotating refresh token. Too many failures in a row lock the account for a while.
 */
export async function login(ctx: DealersContext, input: { email: string; password: string; otp?: string | null }): Promise<AuthResult> {
  const now = new Date();
  const user = await ctx.em.findOne(User, { email: input.email.trim().toLowerCase() }, { populate: ['passwordHash', 'mfaSecret', 'dealer'] });
  const minutesLeft = user ? lockMinutesLeft({ state: user, now }) : 0;
  if (minutesLeft > 0) {
    return failure('ACCOUNT_LOCKED', `Too many failed sign-ins: this account is locked for ${minutesLeft} more minute(s). Try again then, or ask your administrator.`);
  }
  const passwordOk = await argon2.verify(user?.passwordHash ?? (await UNKNOWN_USER_HASH), input.password);
  if (!user || !mayUse(user)) return INVALID_CREDENTIALS();
  if (!passwordOk) {
    await recordFailure(ctx, user, now);
    return INVALID_CREDENTIALS();
  }
  if (user.mfaSecret) {
    if (!input.otp) return failure('MFA_REQUIRED', 'This account uses two-factor sign-in: send the 6-digit code from your authenticator as "otp".');
    if (!isValidOneTimeCode({ secretBase32: user.mfaSecret, code: input.otp, now })) {
      await recordFailure(ctx, user, now);
      return failure('INVALID_CREDENTIALS', 'The one-time code is wrong or expired; try the current code from your authenticator.');
    }
  }
  user.failedSignIns = 0;
  user.lockedUntil = null;
  const secret = randomBytes(32).toString('base64url');
  const session = ctx.em.create(Session, {
    id: randomUUID(),
    user,
    refreshTokenHash: sha256(secret),
    expiresAt: new Date(Date.now() + ctx.tokens.refreshTokenTtlSeconds * 1000),
  });
  user.lastLoginAt = now;
  await ctx.em.flush();
  return { ok: true, value: await issue(ctx, user, session, secret) };
}

function parseRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,})$/.exec(token.trim());
  return match ? { sessionId: match[1], secret: match[2] } : null;
}

/** Trades a refresh token for a new access token and a new refresh token; reuse revokes the session. */
export async function refresh(ctx: DealersContext, refreshToken: string): Promise<AuthResult> {
  const parsed = parseRefreshToken(refreshToken);
  if (!parsed) return failure('INVALID_REFRESH_TOKEN', 'This refresh token is not valid; sign in again.');
  return ctx.em.transactional(async (em) => {
    // Lock the session row alone (a lock cannot reach the outer-joined dealer), then load its user.
    const session = await em.findOne(Session, { id: parsed.sessionId }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['refreshTokenHash'] });
    if (!session) return failure('INVALID_REFRESH_TOKEN', 'This refresh token is not valid; sign in again.');
    await em.populate(session, ['user.dealer']);
    const now = new Date();
    const decision = decideRefresh({ session, presentedHash: sha256(parsed.secret), now });
    if (decision === 'REUSED') {
      session.revokedAt = now;
      return failure('INVALID_REFRESH_TOKEN', 'This refresh token was already used, so the session was closed for safety; sign in again.');
    }
    if (decision !== 'ROTATE') return failure('SESSION_EXPIRED', 'The session has ended; sign in again.');
    const user = session.user.getEntity();
    if (!mayUse(user)) {
      session.revokedAt = now;
      return failure('INVALID_REFRESH_TOKEN', 'This account is disabled; ask your administrator.');
    }
    const secret = randomBytes(32).toString('base64url');
    session.refreshTokenHash = sha256(secret);
    session.generation += 1;
    session.lastUsedAt = now;
    return { ok: true, value: await issue({ ...ctx, em }, user, session, secret) };
  });
}

/** Ends the session of a refresh token (idempotent: an unknown token is already logged out). */
export async function logout(ctx: DealersContext, refreshToken: string): Promise<void> {
  const parsed = parseRefreshToken(refreshToken);
  if (!parsed) return;
  const session = await ctx.em.findOne(Session, { id: parsed.sessionId }, { populate: ['refreshTokenHash'] });
  if (session && session.refreshTokenHash === sha256(parsed.secret) && !session.revokedAt) {
    session.revokedAt = new Date();
    await ctx.em.flush();
  }
}
