import { ConnectionType, PageArgs, UserError } from '@dealergraph/runtime';
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

import { DealerType } from './dealer.type.js';
import { RoleEnum } from './enums.js';
import { UserType } from './user.type.js';

@InputType({ description: 'Whom to invite, and as what.' })
export class InviteUserInput {
  @Field({ description: "The invitee's email; it becomes their sign-in." })
  email!: string;

  @Field(() => RoleEnum, {
    description: "The role of the new account: a dealer role for a dealer's user, a staff role for staff; never above your own.",
  })
  role!: RoleEnum;

  @Field(() => ID, {
    nullable: true,
    description: 'The dealer; a DEALER_ADMIN may leave it out (their own dealer). ADMIN: leave it out to invite staff.',
  })
  dealerId?: string | null;
}

export enum InvitationStatusEnum {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(InvitationStatusEnum, {
  name: 'InvitationStatus',
  description: 'Where an invitation stands.',
  valuesConfig: {
    OPEN: { description: 'Pending: its token still works.' },
    ACCEPTED: { description: 'Used: the account exists.' },
    EXPIRED: { description: 'Not used in time; the token is refused.' },
    CANCELLED: { description: 'Withdrawn by an administrator; the token is refused.' },
  },
});

@ObjectType('Invitation', { description: 'An invitation to create an account; its token works once, until it expires.' })
export class InvitationType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: "The invitee's email, lower-case." })
  email!: string;

  @Field(() => RoleEnum, { description: 'The role the account gets.' })
  role!: RoleEnum;

  @Field(() => DealerType, { nullable: true, description: 'The dealer the account acts for; null for staff.' })
  dealer!: DealerType | null;

  @Field(() => Date, { description: 'When the token stops working.' })
  expiresAt!: Date;

  @Field(() => InvitationStatusEnum, { description: 'Where it stands now.' })
  status!: InvitationStatusEnum;

  @Field(() => Date, { description: 'When it was issued.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When an administrator withdrew it; null otherwise.' })
  cancelledAt!: Date | null;
}

@ObjectType({ description: 'A page of invitations.' })
export class InvitationConnection extends ConnectionType(InvitationType, 'invitations') {}

@ArgsType()
export class InvitationsArgs extends PageArgs {
  @Field(() => InvitationStatusEnum, {
    nullable: true,
    description: 'Only invitations in this state (OPEN: the pending ones); all when left out.',
  })
  status?: InvitationStatusEnum | null;
}

@ObjectType({ description: 'The result of withdrawing an invitation.' })
export class CancelInvitationPayload {
  @Field(() => InvitationType, { nullable: true, description: 'The invitation, now CANCELLED; null when refused.' })
  invitation!: InvitationType | null;

  @Field(() => [UserError], {
    description: 'NOT_FOUND (no invitation you administer), INVITATION_USED (accepted already: disable the user instead).',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of inviting a user.' })
export class InviteUserPayload {
  @Field(() => InvitationType, { nullable: true, description: 'The invitation; null when refused.' })
  invitation!: InvitationType | null;

  @Field(() => String, {
    nullable: true,
    description: 'The single-use token, shown this once: send it to the invitee, who passes it to acceptInvitation.',
  })
  invitationToken!: string | null;

  @Field(() => [UserError], {
    description: 'FORBIDDEN (another dealer), INVALID_ROLE, ROLE_ABOVE_YOURS, INVALID_EMAIL, EMAIL_TAKEN, NOT_FOUND.',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of accepting an invitation.' })
export class AcceptInvitationPayload {
  @Field(() => UserType, { nullable: true, description: 'The new account; sign in with its email and the chosen password.' })
  user!: UserType | null;

  @Field(() => [UserError], {
    description:
      'INVALID_INVITATION (unknown or forged), INVITATION_USED, INVITATION_CANCELLED (withdrawn), INVITATION_EXPIRED, WEAK_PASSWORD, INVALID_NAME, EMAIL_TAKEN. Nothing is created.',
  })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of changing a user.' })
export class UserAdminPayload {
  @Field(() => UserType, { nullable: true, description: 'The user as changed; null when refused.' })
  user!: UserType | null;

  @Field(() => [UserError], { description: 'NOT_FOUND (not a user you administer), INVALID_ROLE, ROLE_ABOVE_YOURS, LAST_ADMIN.' })
  userErrors!: UserError[];
}

@ArgsType()
export class DealerUsersArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'The dealer; a DEALER_ADMIN may leave it out (their own). ADMIN: leave it out for the staff.',
  })
  dealerId?: string | null;
}
