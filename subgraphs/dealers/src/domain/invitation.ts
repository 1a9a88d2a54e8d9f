/** How long an invitation stays open, and what a new password must be. */
export const INVITATION_POLICY = {
  validDays: 7,
  minPasswordLength: 12,
  maxPasswordLength: 200,
} as const;

export const INVITATION_STATES = ['OPEN', 'ACCEPTED', 'EXPIRED', 'CANCELLED'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** Whether an invitation can still be accepted at `now`; a used one stays ACCEPTED, a withdrawn one CANCELLED. */
export function invitationState(input: {
  acceptedAt: Date | null;
  cancelledAt?: Date | null;
  expiresAt: Date;
  now: Date;
}): InvitationState {
  if (input.acceptedAt) return 'ACCEPTED';
  if (input.cancelledAt) return 'CANCELLED';
  return input.expiresAt.getTime() <= input.now.getTime() ? 'EXPIRED' : 'OPEN';
}

/** Why a chosen password or name is refused, or null. */
export function newAccountRefusal(input: {
  password: string;
  name: string;
}): { code: 'WEAK_PASSWORD' | 'INVALID_NAME'; field: string; message: string } | null {
  const { minPasswordLength, maxPasswordLength } = INVITATION_POLICY;
  if (input.password.length < minPasswordLength || input.password.length > maxPasswordLength) {
    return {
      code: 'WEAK_PASSWORD',
      field: 'password',
      message: `Choose a password of ${minPasswordLength} to ${maxPasswordLength} characters.`,
    };
  }
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200)
    return { code: 'INVALID_NAME', field: 'name', message: 'Give your full name (up to 200 characters).' };
  return null;
}

/** A plausible email: one @, something on both sides, no spaces. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
