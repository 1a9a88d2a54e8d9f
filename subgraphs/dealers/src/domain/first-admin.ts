import { INVITATION_POLICY, isEmail } from './invitation.js';

/**
 * Who may become the distributor's first portal administrator from the command line
 * (`npm run admin:create`). Decides, in order: a plausible email, a password of the invitation
 * policy's length, a name; then that no ADMIN exists yet (unless a further one is asked for
 * explicitly) and that the email is not taken.
 */
export type FirstAdminRefusalCode = 'INVALID_EMAIL' | 'WEAK_PASSWORD' | 'INVALID_NAME' | 'ADMIN_EXISTS' | 'EMAIL_TAKEN';

export interface FirstAdminRefusal {
  code: FirstAdminRefusalCode;
  message: string;
}

export function firstAdminRefusal(input: {
  email: string;
  password: string;
  fullName: string;
  /** Emails of the active ADMIN users already there. */
  existingAdmins: readonly string[];
  emailTaken: boolean;
  /** The operator asked for one more ADMIN although one exists (`--additional`). */
  additional: boolean;
}): FirstAdminRefusal | null {
  const { minPasswordLength, maxPasswordLength } = INVITATION_POLICY;
  if (!isEmail(input.email)) return { code: 'INVALID_EMAIL', message: `"${input.email}" is not an email address.` };
  if (input.password.length < minPasswordLength || input.password.length > maxPasswordLength) {
    return { code: 'WEAK_PASSWORD', message: `The password must have ${minPasswordLength} to ${maxPasswordLength} characters.` };
  }
  const name = input.fullName.trim();
  if (name.length === 0 || name.length > 200) return { code: 'INVALID_NAME', message: 'The name must have 1 to 200 characters.' };
  if (input.existingAdmins.length > 0 && !input.additional) {
    return {
      code: 'ADMIN_EXISTS',
      message:
        `An administrator exists already (${input.existingAdmins.join(', ')}): sign in as them and invite more users. ` +
        'To add another administrator from the command line anyway, run again with --additional.',
    };
  }
  if (input.emailTaken) return { code: 'EMAIL_TAKEN', message: `A user with the email ${input.email} exists already.` };
  return null;
}
