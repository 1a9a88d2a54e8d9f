/** The path of an invitation link; the token rides in the fragment, which no server and no Referer sees. */
export const ACCEPT_INVITATION_PATH = '/accept-invitation';

/** The invitation link a DEALER_ADMIN hands to the invitee. */
export function invitationLink(token: string, origin: string): string {
  return `${origin}${ACCEPT_INVITATION_PATH}#token=${encodeURIComponent(token)}`;
}

/** The token of the link this page was opened with ('' when none). */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}
