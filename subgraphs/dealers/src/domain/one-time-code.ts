import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;

/**
 * The time step (RFC 6238, 30 s) that `code` is the 6-digit TOTP code of, for the current step or
 * the one just before or after it (clock drift between phone and server); null when it is none.
 * The caller refuses a step at or below the last one used, so a code works once.
 */
export function oneTimeCodeStep({ secretBase32, code, now }: { secretBase32: string; code: string; now: Date }): number | null {
  if (!/^\d{6}$/.test(code.trim())) return null;
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: PERIOD_SECONDS, algorithm: 'SHA1' });
  const delta = totp.validate({ token: code.trim(), timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** True when `step` was not used before: a used code is refused for the rest of its window. */
export function isFreshStep({ step, lastUsedStep }: { step: number; lastUsedStep: number | null }): boolean {
  return lastUsedStep === null || step > lastUsedStep;
}
