import { LockMode } from '@mikro-orm/core';
import { requireClaims } from '@dealergraph/runtime';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { DealersContext } from '../context.js';
import { oneTimeCodeStep } from '../domain/one-time-code.js';
import { hashRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT } from '../domain/recovery-codes.js';
import { User } from '../entities/user.entity.js';

const ISSUER = 'dealergraph';

export type MfaResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/**
 * Starts enrolment for the signed-in user: a new secret, kept aside until a code from it is
 * confirmed, as an otpauth:// URI and a QR code (SVG) for the authenticator app.
 */
export async function beginEnrolment(ctx: DealersContext): Promise<MfaResult<{ secret: string; otpauthUri: string; qrCodeSvg: string }>> {
  const claims = requireClaims(ctx.claims);
  const user = await ctx.em.findOneOrFail(User, { id: claims.sub }, { populate: ['mfaSecret'] });
  if (user.mfaSecret) return { ok: false, code: 'ALREADY_ENROLLED', message: 'Two-factor sign-in is already on for this account.' };
  const secret = new Secret({ size: 20 });
  const otpauthUri = new TOTP({ issuer: ISSUER, label: user.email, secret, digits: 6, period: 30, algorithm: 'SHA1' }).toString();
  user.mfaPendingSecret = secret.base32;
  await ctx.em.flush();
  return { ok: true, value: { secret: secret.base32, otpauthUri, qrCodeSvg: await QRCode.toString(otpauthUri, { type: 'svg', margin: 1 }) } };
}

/** Confirms enrolment with a code from the new secret: MFA is on, and the recovery codes are shown once. */
export async function confirmEnrolment(ctx: DealersContext, code: string): Promise<MfaResult<{ recoveryCodes: string[] }>> {
  const claims = requireClaims(ctx.claims);
  return ctx.em.transactional(async (em) => {
    const user = await em.findOneOrFail(User, { id: claims.sub }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['mfaSecret', 'mfaPendingSecret'] });
    if (user.mfaSecret) return { ok: false as const, code: 'ALREADY_ENROLLED', message: 'Two-factor sign-in is already on for this account.' };
    if (!user.mfaPendingSecret) return { ok: false as const, code: 'NOT_STARTED', message: 'Start with beginMfaEnrolment.' };
    const step = oneTimeCodeStep({ secretBase32: user.mfaPendingSecret, code, now: new Date() });
    if (step === null) return { ok: false as const, code: 'INVALID_CODE', message: 'The code does not match; enter the current code from your authenticator.' };
    const recoveryCodes = newRecoveryCodes({ count: RECOVERY_CODE_COUNT });
    user.mfaSecret = user.mfaPendingSecret;
    user.mfaPendingSecret = null;
    user.mfaLastStep = step;
    user.mfaRecoveryCodeHashes = recoveryCodes.map(hashRecoveryCode);
    return { ok: true as const, value: { recoveryCodes } };
  });
}

/** Spends a recovery code of the user: true once per code (the row is locked while it is struck off). */
export async function useRecoveryCode(ctx: DealersContext, userId: string, code: string): Promise<boolean> {
  const hash = hashRecoveryCode(code);
  return ctx.em.transactional(async (em) => {
    const user = await em.findOneOrFail(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['mfaRecoveryCodeHashes'] });
    if (!user.mfaRecoveryCodeHashes.includes(hash)) return false;
    user.mfaRecoveryCodeHashes = user.mfaRecoveryCodeHashes.filter((h) => h !== hash);
    return true;
  });
}
