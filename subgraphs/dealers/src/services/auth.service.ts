import { createHash, randomBytes, randomUUID } from 'node:crypto';

import type { Claims } from '@dealergraph/runtime';
import { ok, type Refused, refused, type Result, userError } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { DealersContext } from '../context.js';
import { isAddressAllowed } from '../domain/ip-allow-list.js';
import { ENROLMENT_SESSION_MINUTES, isMfaRequired } from '../domain/mfa-requirement.js';
import { isFreshStep, oneTimeCodeStep } from '../domain/one-time-code.js';
import { looksLikeRecoveryCode } from '../domain/recovery-codes.js';
import { SESSION_POLICY, sessionState } from '../domain/session-policy.js';
import { afterRotation, decideRefresh } from '../domain/session-refresh.js';
import { Session } from '../entities/session.entity.js';
import { User } from '../entities/user.entity.js';
import { useRecoveryCode } from './mfa.service.js';
import { portalOpensAt } from './rollout.service.js';
import { recordSecurityEvent, type SecurityEventInput, writeSecurityEvent } from './security-event.service.js';
import { makeRoomForSession } from './session.service.js';
import { enterThrottle, settleAttempt, type ThrottleGate, throttleKeys } from './sign-in-throttle.service.js';

export interface SignedIn {
  accessToken: string;
  /** Null for a restricted session (MFA enrolment only): it cannot be refreshed. */
  refreshToken: string | null;
  expiresIn: number;
  user: User;
  /** True when the session may only enrol in MFA (the user must have MFA and has none yet). */
  mfaEnrolmentOnly: boolean;
}

export type AuthErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'MFA_REQUIRED'
  | 'MFA_ENROLMENT_REQUIRED'
  | 'ACCOUNT_LOCKED'
  | 'INVALID_REFRESH_TOKEN'
  | 'SESSION_EXPIRED'
  | 'IP_NOT_ALLOWED'
  | 'SIGN_IN_BUSY'
  | 'SESSION_LIMIT'
  | 'PORTAL_NOT_OPEN';
const failure = (code: AuthErrorCode, message: string): Refused => refused(userError(code, message));
/** The code of a refused sign-in. */
const codeOf = (result: Result<unknown>): string | null => (result.ok ? null : (result.errors[0]?.code ?? null));
const INVALID_CREDENTIALS = (): Refused => failure('INVALID_CREDENTIALS', 'The email or password is wrong. Check both and try again.');

/** A user may sign in while the account, and the dealer it acts for, are active. */
function mayUse(user: User): boolean {
  return user.active && (!user.dealer || user.dealer.getEntity().active);
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function claimsOf(user: User, session: Session): Claims {
  const claims: Claims = { sub: user.id, email: user.email, role: user.role, dealerId: user.dealer?.id ?? null, sid: session.id };
  return session.mfaEnrolmentOnly ? { ...claims, mfaEnrolmentOnly: true } : claims;
}

/** Tokens for a session; a restricted session gets no refresh token (it ends with its access token). */
export async function issue(ctx: Pick<DealersContext, 'tokens'>, user: User, session: Session, secret: string): Promise<SignedIn> {
  return {
    accessToken: await ctx.tokens.issueAccessToken(claimsOf(user, session)),
    refreshToken: session.mfaEnrolmentOnly ? null : `${session.id}.${secret}`,
    expiresIn: ctx.tokens.accessTokenTtlSeconds,
    user,
    mfaEnrolmentOnly: session.mfaEnrolmentOnly,
  };
}

/** Who an event about this user concerns. */
function about(user: User | null, extra: Partial<SecurityEventInput> = {}): Omit<SecurityEventInput, 'kind'> {
  return user ? { userId: user.id, email: user.email, dealerId: user.dealer?.id ?? null, ...extra } : extra;
}

/** The dealer's address rule for its users; staff are not bound by dealer lists. */
function addressAllowed(user: User, ip: string | null): boolean {
  const dealer = user.dealer?.getEntity();
  return !dealer || isAddressAllowed({ ip, allowList: dealer.ipAllowList });
}

function ipRefused(): Refused {
  return failure('IP_NOT_ALLOWED', 'Your dealer allows sign-in only from its own networks, and this address is not one of them.');
}

function locked(seconds: number): Refused {
  // Whole minutes: the same words for every account blocked at about the same time.
  const wait = `${Math.ceil(seconds / 60)} minute(s)`;
  return failure(
    'ACCOUNT_LOCKED',
    `Too many failed sign-ins: wait ${wait} before trying again. With two-factor sign-in, your password and current code still work; or ask your administrator.`,
  );
}

/**
 * Accepts a one-time code once: the step is stored only if it is later than the last one used, in
 * one conditional update, so two requests with the same code cannot both pass.
 */
async function useOneTimeCode(ctx: DealersContext, user: User, code: string | null | undefined, now: Date): Promise<boolean> {
  if (!code || !user.mfaSecret) return false;
  if (looksLikeRecoveryCode(code)) return useRecoveryCode(ctx, user.id, code);
  const step = oneTimeCodeStep({ secretBase32: user.mfaSecret, code, now });
  if (step === null || !isFreshStep({ step, lastUsedStep: user.mfaLastStep })) return false;
  const updated = await ctx.em.nativeUpdate(
    User,
    { id: user.id, $or: [{ mfaLastStep: null }, { mfaLastStep: { $lt: step } }] },
    { mfaLastStep: step },
  );
  return updated === 1;
}

/** True when this user has signed in from this address before (an address the real user uses). */
async function isKnownAddress(ctx: DealersContext, user: User, ip: string | null): Promise<boolean> {
  if (!ip) return false;
  return (await ctx.em.count(Session, { user: user.id, ipAddress: ip })) > 0;
}

/**
 * Checks email and password (and the one-time code when the account has MFA) and opens a session
 * with a rotating refresh token.
 *
 * Guessing is slowed per account and address, and per account, with progressive backoff
 * (domain/sign-in-throttle.ts). Failures are counted when they fail, never before: the right
 * password cannot lock its owner out, however many sign-ins run at once. A burst still cannot slip
 * past the limit: each key lets only as many attempts be checked at once as it has failures left
 * (a slot taken under a row lock before argon2 runs); one beyond that is told SIGN_IN_BUSY
 * (retryable, nothing counted, no argon2). Every email gets the same treatment and argon2 runs for
 * every admitted or blocked attempt, so neither the answers nor their timing tell which accounts
 * exist. A block does not shut the real user out: the right password with a valid one-time code
 * passes any block, and the right password from an address the user signed in from before passes
 * the account-wide block (a stranger's guesses block the stranger's own address first).
 */
export async function login(
  ctx: DealersContext,
  input: { email: string; password: string; otp?: string | null },
): Promise<Result<SignedIn>> {
  const now = new Date();
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, ctx.client?.ip ?? null);
  const gate = await enterThrottle(ctx.em, keys, now);
  if (gate.busy) {
    return failure('SIGN_IN_BUSY', 'Another sign-in to this account is being checked right now: try again in a moment.');
  }
  let outcome: 'SUCCEEDED' | 'FAILED' | 'ABANDONED' = 'ABANDONED';
  try {
    const result = await checkSignIn(ctx, { ...input, email }, gate, now);
    // SESSION_LIMIT and PORTAL_NOT_OPEN come after the password was right: forgiven like a success.
    outcome = result.ok || codeOf(result) === 'SESSION_LIMIT' || codeOf(result) === 'PORTAL_NOT_OPEN' ? 'SUCCEEDED' : 'FAILED';
    return result;
  } finally {
    await settleAttempt(ctx.em, keys, gate.attemptId, outcome, now);
  }
}

async function checkSignIn(
  ctx: DealersContext,
  input: { email: string; password: string; otp?: string | null },
  gate: ThrottleGate,
  now: Date,
): Promise<Result<SignedIn>> {
  const ip = ctx.client?.ip ?? null;
  const user = await ctx.em.findOne(User, { email: input.email }, { populate: ['passwordHash', 'mfaSecret', 'mfaLastStep', 'dealer'] });
  // Verifying against a real hash when the email is unknown keeps the response time from telling which emails exist.
  const passwordOk = await ctx.passwords.verify(user?.passwordHash ?? (await ctx.passwords.unknownUserHash()), input.password);
  const usable = !!user && mayUse(user) && passwordOk;

  // Events name existing accounts only: an unknown "email" may be a password typed in the wrong box.
  const known = user;
  const refuse = async (result: Refused, reason: string): Promise<Result<SignedIn>> => {
    const code = codeOf(result);
    const kind = code === 'ACCOUNT_LOCKED' ? 'SIGN_IN_LOCKED' : code === 'IP_NOT_ALLOWED' ? 'IP_REFUSED' : 'SIGN_IN_FAILED';
    await writeSecurityEvent(ctx, ctx.em, {
      kind,
      ...about(known),
      detail: { reason, ...(kind === 'IP_REFUSED' ? { at: 'SIGN_IN' } : {}) },
    });
    return result;
  };

  if (gate.pairBlocked > 0 || gate.accountBlocked > 0) {
    // Only the real user gets past a block: a valid code, or (account-wide block only) a known address.
    const mfaPass = usable && !!user.mfaSecret && (await useOneTimeCode(ctx, user, input.otp, now));
    const addressPass = usable && !user.mfaSecret && gate.pairBlocked === 0 && (await isKnownAddress(ctx, user, ip));
    if (!mfaPass && !addressPass)
      return refuse(locked(Math.max(gate.pairBlocked, gate.accountBlocked)), gate.pairBlocked > 0 ? 'ADDRESS_BLOCKED' : 'ACCOUNT_BLOCKED');
    // The address rule is told only to someone who knows the password.
    if (!addressAllowed(user!, ip)) return refuse(ipRefused(), 'ADDRESS_NOT_IN_ALLOW_LIST');
    const closed = await portalNotOpen(ctx, user!, now);
    if (closed) return refuse(closed, 'PORTAL_NOT_OPEN');
    return openSession(ctx, user!, now);
  }
  if (!usable) return refuse(INVALID_CREDENTIALS(), !user ? 'UNKNOWN_ACCOUNT' : !passwordOk ? 'WRONG_PASSWORD' : 'ACCOUNT_DISABLED');
  if (!addressAllowed(user, ip)) return refuse(ipRefused(), 'ADDRESS_NOT_IN_ALLOW_LIST');
  const closed = await portalNotOpen(ctx, user, now);
  if (closed) return refuse(closed, 'PORTAL_NOT_OPEN');
  if (user.mfaSecret) {
    if (!input.otp)
      return failure('MFA_REQUIRED', 'This account uses two-factor sign-in: send the 6-digit code from your authenticator as "otp".');
    if (!(await useOneTimeCode(ctx, user, input.otp, now))) {
      return refuse(
        failure(
          'INVALID_CREDENTIALS',
          'The one-time code is wrong, expired or already used; wait for the next code from your authenticator.',
        ),
        'WRONG_CODE',
      );
    }
  }
  return openSession(ctx, user, now);
}

/**
 * A dealer's users may sign in once its rollout wave opened; staff always. Told only to someone
 * who knows the password, with the opening date.
 */
async function portalNotOpen(ctx: DealersContext, user: User, now: Date): Promise<Refused | null> {
  const dealerId = user.dealer?.id;
  if (!dealerId) return null;
  const opensAt = await portalOpensAt(ctx.em, dealerId, now);
  if (!opensAt) return null;
  return failure(
    'PORTAL_NOT_OPEN',
    `The portal opens to your company on ${opensAt.toISOString().slice(0, 10)} (${opensAt.toISOString().slice(11, 16)} UTC); until then, your sales representative takes your orders.`,
  );
}

/** Whether this user must have MFA and has not enrolled yet: sign-in then opens a restricted session. */
function mustEnrol(ctx: DealersContext, user: User): boolean {
  if (user.mfaSecret) return false;
  return isMfaRequired({ role: user.role, dealerMfaRequired: user.dealer?.getEntity().mfaRequired ?? false, policy: ctx.mfaPolicy });
}

/**
 * Opens a session under the user's session lock: the least recently used sessions are ended so that
 * it fits under the limit, in the same transaction, so parallel sign-ins never leave more than the
 * limit live. Sessions used within the eviction grace are not ended: when all of them are that
 * recent (a burst of sign-ins), this one is refused with SESSION_LIMIT instead, so that every
 * sign-in told it is signed in holds a working token.
 */
async function openSession(ctx: DealersContext, user: User, now: Date): Promise<Result<SignedIn>> {
  const restricted = mustEnrol(ctx, user);
  const secret = randomBytes(32).toString('base64url');
  const lifetimeMs = restricted ? ENROLMENT_SESSION_MINUTES * 60_000 : ctx.tokens.refreshTokenTtlSeconds * 1000;
  const opened = await ctx.em.transactional(async (em) => {
    const evicted = await makeRoomForSession(ctx, em, user.id, now);
    if (!evicted) return null;
    const session = em.create(Session, {
      id: randomUUID(),
      user: em.getReference(User, user.id),
      refreshTokenHash: sha256(secret),
      expiresAt: new Date(now.getTime() + lifetimeMs),
      ipAddress: ctx.client?.ip ?? null,
      userAgent: ctx.client?.userAgent ?? null,
      lastUsedAt: now,
      mfaEnrolmentOnly: restricted,
    });
    await em.nativeUpdate(User, { id: user.id }, { lastLoginAt: now });
    recordSecurityEvent(ctx, em, {
      kind: restricted ? 'MFA_ENROLMENT_REQUIRED' : 'SIGN_IN_SUCCEEDED',
      ...about(user),
      detail: { sessionId: session.id },
    });
    if (evicted.length)
      recordSecurityEvent(ctx, em, { kind: 'SESSION_REVOKED', ...about(user), detail: { reason: 'SESSION_LIMIT', sessionIds: evicted } });
    return session;
  });
  if (!opened) {
    return failure(
      'SESSION_LIMIT',
      `You are signed in on ${SESSION_POLICY.maxConcurrent} devices, all active within the last minute: sign out of one, or try again in a minute.`,
    );
  }
  user.lastLoginAt = now;
  return ok(await issue(ctx, user, opened, secret));
}

function parseRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,})$/.exec(token.trim());
  return match ? { sessionId: match[1], secret: match[2] } : null;
}

/**
 * Trades a refresh token for a new access token and a new refresh token; reuse revokes the session.
 * The token just replaced gets one more answer within the grace (a lost answer, two tabs): the same
 * current refresh token again, with a new access token, and nothing rotates.
 */
export async function refresh(ctx: DealersContext, refreshToken: string): Promise<Result<SignedIn>> {
  const parsed = parseRefreshToken(refreshToken);
  if (!parsed) return failure('INVALID_REFRESH_TOKEN', 'This refresh token is not valid; sign in again.');
  return ctx.em.transactional(async (em) => {
    // Lock the session row alone (a lock cannot reach the outer-joined dealer), then load its user.
    const session = await em.findOne(
      Session,
      { id: parsed.sessionId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['refreshTokenHash', 'previousTokenHashes'] },
    );
    if (!session) return failure('INVALID_REFRESH_TOKEN', 'This refresh token is not valid; sign in again.');
    await em.populate(session, ['user.dealer']);
    const now = new Date();
    const decision = decideRefresh({ session, presentedHash: sha256(parsed.secret), now });
    if (decision === 'REUSED') {
      session.revokedAt = now;
      recordSecurityEvent(ctx, em, { kind: 'REFRESH_TOKEN_REUSED', ...about(session.user.getEntity()), detail: { sessionId: session.id } });
      return failure('INVALID_REFRESH_TOKEN', 'This refresh token was already used, so the session was closed for safety; sign in again.');
    }
    if (decision === 'UNKNOWN') return failure('INVALID_REFRESH_TOKEN', 'This refresh token is not valid; sign in again.');
    if ((decision !== 'ROTATE' && decision !== 'GRACE') || sessionState({ session, now, policy: SESSION_POLICY }) !== 'LIVE') {
      return failure('SESSION_EXPIRED', 'The session has ended; sign in again.');
    }
    const user = session.user.getEntity();
    if (!mayUse(user)) {
      session.revokedAt = now;
      return failure('INVALID_REFRESH_TOKEN', 'This account is disabled; ask your administrator.');
    }
    if (!addressAllowed(user, ctx.client?.ip ?? null)) {
      recordSecurityEvent(ctx, em, { kind: 'IP_REFUSED', ...about(user), detail: { at: 'REFRESH', sessionId: session.id } });
      return ipRefused();
    }
    // The dealer was put into a wave that is not open yet: this session ends here.
    const closed = await portalNotOpen({ ...ctx, em }, user, now);
    if (closed) {
      session.revokedAt = now;
      return closed;
    }
    // The dealer turned MFA on since this session began: signing in again opens the enrolment session.
    if (mustEnrol(ctx, user)) {
      return failure('MFA_ENROLMENT_REQUIRED', 'Two-factor sign-in is now required for this account: sign in again and enrol.');
    }
    if (decision === 'GRACE') {
      // The successor of the presented token is the current one, unless the session rotated on since.
      const current = ctx.tokens.refreshSecretAfter(session.id, parsed.secret);
      if (sha256(current) !== session.refreshTokenHash) return failure('SESSION_EXPIRED', 'The session has ended; sign in again.');
      session.graceUsed = true;
      session.lastUsedAt = now;
      return ok(await issue(ctx, user, session, current));
    }
    const secret = ctx.tokens.refreshSecretAfter(session.id, parsed.secret);
    session.previousTokenHashes = afterRotation({ previous: session.previousTokenHashes, replaced: session.refreshTokenHash });
    session.refreshTokenHash = sha256(secret);
    session.generation += 1;
    session.rotatedAt = now;
    session.graceUsed = false;
    session.lastUsedAt = now;
    return ok(await issue(ctx, user, session, secret));
  });
}

/**
 * Ends the session of a refresh token (idempotent: an unknown token is already logged out). The end
 * is one conditional update, so parallel sign-outs of one session end it once and log it once.
 */
export async function logout(ctx: DealersContext, refreshToken: string): Promise<void> {
  const parsed = parseRefreshToken(refreshToken);
  if (!parsed) return;
  await ctx.em.transactional(async (em) => {
    const ended = await em.nativeUpdate(
      Session,
      { id: parsed.sessionId, refreshTokenHash: sha256(parsed.secret), revokedAt: null },
      { revokedAt: new Date() },
    );
    if (ended !== 1) return;
    const session = await em.findOneOrFail(Session, { id: parsed.sessionId }, { populate: ['user.dealer'] });
    recordSecurityEvent(ctx, em, {
      kind: 'SESSION_REVOKED',
      ...about(session.user.getEntity()),
      detail: { reason: 'LOGOUT', sessionId: session.id },
    });
  });
}
