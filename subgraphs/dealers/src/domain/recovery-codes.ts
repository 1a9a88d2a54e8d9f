import { createHash, randomBytes } from 'node:crypto';

/** How many recovery codes an enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10;
const FORMAT = /^[0-9a-f]{5}-[0-9a-f]{5}$/;

/** True when the text has the shape of a recovery code (so it is not taken for a TOTP code). */
export function looksLikeRecoveryCode(code: string): boolean {
  return FORMAT.test(code.trim().toLowerCase());
}

/** sha256 of a recovery code: 40 random bits need no slow hash, and the stored value reveals none. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase()).digest('hex');
}

/** Fresh recovery codes, shown to the user once, as `xxxxx-xxxxx` (hex). */
export function newRecoveryCodes({ count }: { count: number }): string[] {
  return Array.from({ length: count }, () => {
    const hex = randomBytes(5).toString('hex');
    return `${hex.slice(0, 5)}-${hex.slice(5)}`;
  });
}
