import { Secret, TOTP } from 'otpauth';

/**
 * True when `code` is the current 6-digit TOTP code of `secretBase32` (RFC 6238, 30 s steps), or the
 * one just before or after it, to allow for clock drift between phone and server.
 */
export function isValidOneTimeCode({ secretBase32, code, now }: { secretBase32: string; code: string; now: Date }): boolean {
  if (!/^\d{6}$/.test(code.trim())) return false;
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.validate({ token: code.trim(), timestamp: now.getTime(), window: 1 }) !== null;
}
