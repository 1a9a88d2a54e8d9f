import { ConnectionType, PageArgs } from '@dealergraph/runtime';
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '../domain/security-event-kinds.js';

/** The GraphQL enum of security event kinds, from the one list in domain/. */
export const SecurityEventKindEnum = Object.fromEntries(SECURITY_EVENT_KINDS.map((k) => [k, k])) as { [K in SecurityEventKind]: K };

const KIND_DESCRIPTIONS: Record<SecurityEventKind, string> = {
  SIGN_IN_SUCCEEDED: 'A user signed in (a new session).',
  SIGN_IN_FAILED: 'A sign-in was refused: wrong password or code, unknown or disabled account (detail.reason).',
  SIGN_IN_LOCKED: 'A sign-in was refused because the account (or the account from this address) is blocked after failures.',
  MFA_ENROLMENT_REQUIRED: 'A user who must use two-factor sign-in signed in without it: a restricted session that may only enrol.',
  MFA_ENROLMENT_STARTED: 'A user began two-factor enrolment.',
  MFA_ENABLED: 'A user confirmed two-factor enrolment: two-factor sign-in is on.',
  MFA_DISABLED: 'Two-factor sign-in was turned off for a user.',
  RECOVERY_CODE_USED: 'A recovery code was spent instead of a one-time code.',
  REFRESH_TOKEN_REUSED: 'A refresh token came back after it was used: the session was closed (a copy may have been stolen).',
  SESSION_REVOKED: 'Sessions ended: logout, revoke, sign out everywhere, or the session limit (detail.reason).',
  ROLE_CHANGED: "A user's role was changed.",
  IP_REFUSED: "A sign-in, refresh, request or socket came from an address outside the dealer's allow-list.",
  DEALER_POLICY_CHANGED: "A dealer's security settings (MFA requirement, address allow-list) changed.",
  USER_INVITED: 'An administrator invited a user (detail: invitation id and role; the token is never kept).',
  INVITATION_ACCEPTED: 'An invited user accepted the invitation and the account was created.',
  USER_DISABLED: 'An administrator disabled a user: their sessions ended and sign-in is refused.',
  USER_ENABLED: 'An administrator enabled a disabled user again.',
  API_CLIENT_CREATED: 'An ADMIN issued an API client (detail: client id, name and scopes).',
  API_CLIENT_REVOKED: 'An ADMIN revoked an API client: no new tokens, and its current ones stop within seconds.',
  API_CLIENT_TOKEN_ISSUED: 'An API client obtained an access token with its credentials.',
  API_CLIENT_TOKEN_REFUSED: 'A token request with wrong, revoked or unknown client credentials was refused.',
  INVITATION_CANCELLED: 'An administrator withdrew an invitation; its token is refused.',
  API_CLIENT_SECRET_ROTATED: 'An ADMIN gave an API client a new secret; the old one gets no new tokens.',
};
registerEnumType(SecurityEventKindEnum, {
  name: 'SecurityEventKind',
  description: 'What a security event records.',
  valuesConfig: Object.fromEntries(SECURITY_EVENT_KINDS.map((k) => [k, { description: KIND_DESCRIPTIONS[k] }])),
});

@ObjectType('SecurityEvent', { description: 'One line of the security audit log. Never holds a password, code, token or secret.' })
export class SecurityEventType {
  @Field(() => ID, { description: 'Event id.' })
  id!: string;

  @Field(() => SecurityEventKindEnum, { description: 'What happened.' })
  kind!: SecurityEventKind;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'The user it concerns (who signed in, whose session ended, who changed a setting); null when unknown.',
  })
  userId!: string | null;

  @Field(() => String, { nullable: true, description: "That user's email; null for unknown accounts." })
  email!: string | null;

  @Field(() => ID, { nullable: true, description: 'Who acted on the user, when someone else did (an administrator).' })
  actorId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The dealer it belongs to; null for staff and unknown accounts.' })
  dealerId!: string | null;

  @Field(() => String, { nullable: true, description: 'The client address, as the gateway saw it.' })
  ipAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'The client user agent.' })
  userAgent!: string | null;

  @Field({ description: 'More about it as a JSON object (a reason, the settings before and after, a session id).' })
  detail!: string;
}

@ObjectType({ description: 'A page of security events, newest first.' })
export class SecurityEventConnection extends ConnectionType(SecurityEventType, 'security events') {}

@InputType('SecurityEventFilter', { description: 'Narrows the security audit log.' })
export class SecurityEventFilterInput {
  @Field(() => [SecurityEventKindEnum], { nullable: true, description: 'Only these kinds.' })
  kinds?: SecurityEventKind[] | null;

  @Field(() => ID, { nullable: true, description: "Only this dealer's events (ADMIN; a DEALER_ADMIN always sees its own dealer's only)." })
  dealerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events about this user.' })
  userId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only events at or after this time.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only events before this time.' })
  until?: Date | null;
}

@ArgsType()
export class SecurityEventsArgs extends PageArgs {
  @Field(() => SecurityEventFilterInput, { nullable: true, description: 'Narrows the log.' })
  filter?: SecurityEventFilterInput | null;
}
