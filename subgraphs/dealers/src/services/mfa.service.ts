import { createHash, randomBytes } from 'node:crypto';

import { ok, refused, requireClaims, type Result, userError } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

import type { DealersContext } from '../context.js';
import { oneTimeCodeStep } from '../domain/one-time-code.js';
import { hashRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT } from '../domain/recovery-codes.js';
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
