import { createHash, randomBytes } from 'node:crypto';

import { ok, refused, requireClaims, type Result, userError } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

import type { DealersContext } from '../context.js';
import { isMfaRequired } from '../domain/mfa-requirement.js';
import { isFreshStep, oneTimeCodeStep } from '../domain/one-time-code.js';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT } from '../domain/recovery-codes.js';
import { afterRotation } from '../domain/session-refresh.js';
import { Session } from '../entities/session.entity.js';
import { User } from '../entities/user.entity.js';
import { issue } from './auth.service.js';
import { recordSecurityEvent } from './security-event.service.js';

const ISSUER = 'dealergraph';

/**
 * Starts enrolment for the signed-in user: a new secret, kept aside until a code from it is
 * confirmed, as an otpauth:// URI and a QR code (SVG) for the authenticator app.
 */
export async function beginEnrolment(ctx: DealersContext): Promise<Result<{ secret: string; otpauthUri: string; qrCodeSvg: string }>> {
  const claims = requireClaims(ctx.claims);
  const user = await ctx.em.findOneOrFail(User, { id: claims.sub }, { populate: ['mfaSecret'] });
  if (user.mfaSecret) return refused(userError('ALREADY_ENROLLED', 'Two-factor sign-in is already on for this account.'));
  const secret = new Secret({ size: 20 });
  const otpauthUri = new TOTP({ issuer: ISSUER, label: user.email, secret, digits: 6, period: 30, algorithm: 'SHA1' }).toString();
  user.mfaPendingSecret = secret.base32;
  recordSecurityEvent(ctx, ctx.em, {
    kind: 'MFA_ENROLMENT_STARTED',
    userId: user.id,
    email: user.email,
    dealerId: user.dealer?.id ?? null,
  });
  await ctx.em.flush();
  return ok({ secret: secret.base32, otpauthUri, qrCodeSvg: await QRCode.toString(otpauthUri, { type: 'svg', margin: 1 }) });
}

/** What confirming gives: the recovery codes, and full tokens when a restricted session was upgraded. */
export interface Confirmed {
  recoveryCodes: string[];
  accessToken: string | null;
  refreshToken: string | null;
}

/**
 * Confirms enrolment with a code from the new secret: MFA is on, and the recovery codes are shown
 * once. Confirmed from a restricted session (a user who had to enrol), that session becomes a full
 * one in the same transaction, and its first full tokens are returned.
 */
export async function confirmEnrolment(ctx: DealersContext, code: string): Promise<Result<Confirmed>> {
  const claims = requireClaims(ctx.claims);
  return ctx.em.transactional(async (em) => {
    const user = await em.findOneOrFail(
      User,
      { id: claims.sub },
      { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['mfaSecret', 'mfaPendingSecret'] },
    );
    if (user.mfaSecret) return refused(userError('ALREADY_ENROLLED', 'Two-factor sign-in is already on for this account.', ['code']));
    if (!user.mfaPendingSecret) return refused(userError('NOT_STARTED', 'Start with beginMfaEnrolment.', ['code']));
    const step = oneTimeCodeStep({ secretBase32: user.mfaPendingSecret, code, now: new Date() });
    if (step === null)
      return refused(userError('INVALID_CODE', 'The code does not match; enter the current code from your authenticator.', ['code']));
    const recoveryCodes = newRecoveryCodes({ count: RECOVERY_CODE_COUNT });
    user.mfaSecret = user.mfaPendingSecret;
    user.mfaPendingSecret = null;
    user.mfaLastStep = step;
    user.mfaRecoveryCodeHashes = recoveryCodes.map(hashRecoveryCode);
    recordSecurityEvent(ctx, em, { kind: 'MFA_ENABLED', userId: user.id, email: user.email, dealerId: user.dealer?.id ?? null });
    const tokens = claims.mfaEnrolmentOnly && claims.sid ? await upgradeSession(ctx, em, user, claims.sid) : null;
    return ok<Confirmed>({ recoveryCodes, accessToken: tokens?.accessToken ?? null, refreshToken: tokens?.refreshToken ?? null });
  });
}

/** Turns the restricted session into a full one: a full lifetime from now and a fresh refresh token. */
async function upgradeSession(ctx: DealersContext, em: DealersContext['em'], user: User, sessionId: string) {
  const session = await em.findOne(
    Session,
    { id: sessionId, user: user.id, mfaEnrolmentOnly: true, revokedAt: null },
    { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['refreshTokenHash', 'previousTokenHashes'] },
  );
  if (!session) return null;
  const secret = randomBytes(32).toString('base64url');
  session.previousTokenHashes = afterRotation({ previous: session.previousTokenHashes, replaced: session.refreshTokenHash });
  session.refreshTokenHash = createHash('sha256').update(secret).digest('hex');
  session.generation += 1;
  session.mfaEnrolmentOnly = false;
  session.expiresAt = new Date(Date.now() + ctx.tokens.refreshTokenTtlSeconds * 1000);
  return issue(ctx, user, session, secret);
}

/** Spends a recovery code of the user: true once per code (the row is locked while it is struck off). */
export async function useRecoveryCode(ctx: DealersContext, userId: string, code: string): Promise<boolean> {
  const hash = hashRecoveryCode(code);
  return ctx.em.transactional(async (em) => {
    const user = await em.findOneOrFail(
      User,
      { id: userId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['mfaRecoveryCodeHashes'] },
    );
    if (!user.mfaRecoveryCodeHashes.includes(hash)) return false;
    user.mfaRecoveryCodeHashes = user.mfaRecoveryCodeHashes.filter((h) => h !== hash);
    recordSecurityEvent(ctx, em, {
      kind: 'RECOVERY_CODE_USED',
      userId: user.id,
      email: user.email,
      dealerId: user.dealer?.id ?? null,
      detail: { remaining: user.mfaRecoveryCodeHashes.length },
    });
    return true;
  });
}

/** The signed-in user's two-factor state. */
export interface MfaStatus {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

function requiredFor(ctx: DealersContext, user: User): boolean {
  return isMfaRequired({ role: user.role, dealerMfaRequired: user.dealer?.getEntity().mfaRequired ?? false, policy: ctx.mfaPolicy });
}

/** Whether two-factor sign-in is on for the signed-in user, whether their policy requires it, and the recovery codes left. */
export async function mfaStatus(ctx: DealersContext): Promise<MfaStatus> {
  const claims = requireClaims(ctx.claims);
  const user = await ctx.em.findOneOrFail(User, { id: claims.sub }, { populate: ['mfaSecret', 'mfaRecoveryCodeHashes', 'dealer'] });
  return {
    enabled: !!user.mfaSecret,
    required: requiredFor(ctx, user),
    recoveryCodesLeft: user.mfaSecret ? user.mfaRecoveryCodeHashes.length : 0,
  };
}

/**
 * Turns two-factor sign-in off for the signed-in user, proven by a current one-time code (each used
 * once) or a recovery code: refused where the dealer's or the staff policy requires it. The secret
 * and the recovery codes are forgotten; the event is logged as MFA_DISABLED.
 */
export async function disable(ctx: DealersContext, code: string): Promise<Result<true>> {
  const claims = requireClaims(ctx.claims);
  return ctx.em.transactional(async (em) => {
    const user = await em.findOneOrFail(
      User,
      { id: claims.sub },
      { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['mfaSecret', 'mfaRecoveryCodeHashes', 'mfaLastStep'] },
    );
    await em.populate(user, ['dealer']);
    if (!user.mfaSecret) return refused(userError('NOT_ENROLLED', 'Two-factor sign-in is not on for this account.', ['code']));
    if (requiredFor(ctx, user))
      return refused(
        userError('MFA_REQUIRED_BY_POLICY', 'Your organisation requires two-factor sign-in for this account: it cannot be turned off.', [
          'code',
        ]),
      );
    const trimmed = code.trim();
    const step = looksLikeRecoveryCode(trimmed) ? null : oneTimeCodeStep({ secretBase32: user.mfaSecret, code: trimmed, now: new Date() });
    const proven = looksLikeRecoveryCode(trimmed)
      ? user.mfaRecoveryCodeHashes.includes(hashRecoveryCode(trimmed))
      : step !== null && isFreshStep({ step, lastUsedStep: user.mfaLastStep });
    if (!proven)
      return refused(userError('INVALID_CODE', 'The code does not match; enter the current code from your authenticator.', ['code']));
    user.mfaSecret = null;
    user.mfaPendingSecret = null;
    user.mfaLastStep = null;
    user.mfaRecoveryCodeHashes = [];
    recordSecurityEvent(ctx, em, { kind: 'MFA_DISABLED', userId: user.id, email: user.email, dealerId: user.dealer?.id ?? null });
    return ok(true as const);
  });
}
