import { pageWindow, type Result, type Role, toPage } from '@dealergraph/runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { DealersContext } from '../context.js';
import { invitationState } from '../domain/invitation.js';
import type { Invitation } from '../entities/invitation.entity.js';
import type { User } from '../entities/user.entity.js';
import { findDealer } from '../services/dealer.service.js';
import * as invitations from '../services/invitation.service.js';
import * as users from '../services/user-admin.service.js';
import { DealerType } from './dealer.type.js';
import { RoleEnum } from './enums.js';
import { toDealerType, toUserType } from './mappers.js';
import { UserConnection } from './user.type.js';
import {
  AcceptInvitationPayload,
  CancelInvitationPayload,
  DealerUsersArgs,
  InvitationConnection,
  InvitationsArgs,
  type InvitationStatusEnum,
  InvitationType,
  InviteUserInput,
  InviteUserPayload,
  UserAdminPayload,
} from './user-admin.type.js';

const toInvitationType = (i: Invitation) => ({
  id: i.id,
  email: i.email,
  role: i.role as RoleEnum,
  dealerId: i.dealer?.id ?? null,
  expiresAt: i.expiresAt,
  status: invitationState({
    acceptedAt: i.acceptedAt,
    cancelledAt: i.cancelledAt,
    expiresAt: i.expiresAt,
    now: new Date(),
  }) as InvitationStatusEnum,
  createdAt: i.createdAt,
  cancelledAt: i.cancelledAt,
});

function userPayload(result: Result<User>): UserAdminPayload {
  return result.ok ? { user: toUserType(result.value) as never, userErrors: [] } : { user: null, userErrors: result.errors };
}

@Resolver(() => InvitationType)
export class UserAdminResolver {
  @Authorized()
  @Query(() => UserConnection, { description: "DEALER_ADMIN: their dealer's users. ADMIN: any dealer's users, or the staff. By email." })
  async dealerUsers(@Args() args: DealerUsersArgs, @Ctx() ctx: DealersContext) {
    const window = pageWindow(args);
    const [rows, total] = await users.listUsers(ctx, args.dealerId, window);
    return toPage(rows.map(toUserType), total, window);
  }

  @Authorized()
  @Mutation(() => InviteUserPayload, {
    description: 'DEALER_ADMIN invites to their dealer, ADMIN to any dealer or the staff: returns a single-use token, valid 7 days.',
  })
  async inviteUser(
    @Arg('input', () => InviteUserInput, { description: 'Whom to invite, and as what.' }) input: InviteUserInput,
    @Ctx() ctx: DealersContext,
  ): Promise<InviteUserPayload> {
    const result = await invitations.inviteUser(ctx, { email: input.email, role: input.role as Role, dealerId: input.dealerId });
    if (!result.ok) return { invitation: null, invitationToken: null, userErrors: result.errors };
    return { invitation: toInvitationType(result.value.invitation) as never, invitationToken: result.value.token, userErrors: [] };
  }

  @Authorized()
  @Query(() => InvitationConnection, {
    description: "Invitations, newest first (status OPEN: the pending ones). DEALER_ADMIN: their dealer's; ADMIN: all.",
  })
  async invitations(@Args() args: InvitationsArgs, @Ctx() ctx: DealersContext) {
    const window = pageWindow(args);
    const [rows, total] = await invitations.listInvitations(ctx, args.status ?? null, window);
    return toPage(rows.map(toInvitationType), total, window);
  }

  @Authorized()
  @Mutation(() => CancelInvitationPayload, {
    description: 'Withdraws an invitation that is not used yet: its token is refused from now on (INVITATION_CANCELLED).',
  })
  async cancelInvitation(
    @Arg('id', () => ID, { description: 'The invitation.' }) id: string,
    @Ctx() ctx: DealersContext,
  ): Promise<CancelInvitationPayload> {
    const result = await invitations.cancelInvitation(ctx, id);
    return result.ok
      ? { invitation: toInvitationType(result.value) as never, userErrors: [] }
      : { invitation: null, userErrors: result.errors };
  }

  @Mutation(() => AcceptInvitationPayload, {
    description: 'Creates the invited account with your password and name. Open to anonymous callers; the token works once.',
  })
  async acceptInvitation(
    @Arg('token', { description: 'The invitation token.' }) token: string,
    @Arg('password', { description: 'The password you choose: 12 characters or more.' }) password: string,
    @Arg('name', { description: 'Your full name.' }) name: string,
    @Ctx() ctx: DealersContext,
  ): Promise<AcceptInvitationPayload> {
    const result = await invitations.acceptInvitation(ctx, { token, password, name });
    return result.ok ? { user: toUserType(result.value) as never, userErrors: [] } : { user: null, userErrors: result.errors };
  }

  @Authorized()
  @Mutation(() => UserAdminPayload, {
    description: "Changes a user's role (never above yours, never leaving no active admin); the user's sessions end.",
  })
  async setUserRole(
    @Arg('userId', () => ID, { description: 'The user.' }) userId: string,
    @Arg('role', () => RoleEnum, { description: 'The new role.' }) role: RoleEnum,
    @Ctx() ctx: DealersContext,
  ): Promise<UserAdminPayload> {
    return userPayload(await users.setUserRole(ctx, userId, role as Role));
  }

  @Authorized()
  @Mutation(() => UserAdminPayload, {
    description: 'Disables a user: their sessions end and sign-in is refused. Never the last active admin.',
  })
  async disableUser(
    @Arg('userId', () => ID, { description: 'The user.' }) userId: string,
    @Ctx() ctx: DealersContext,
  ): Promise<UserAdminPayload> {
    return userPayload(await users.setUserActive(ctx, userId, false));
  }

  @Authorized()
  @Mutation(() => UserAdminPayload, { description: 'Enables a disabled user again.' })
  async enableUser(
    @Arg('userId', () => ID, { description: 'The user.' }) userId: string,
    @Ctx() ctx: DealersContext,
  ): Promise<UserAdminPayload> {
    return userPayload(await users.setUserActive(ctx, userId, true));
  }

  @FieldResolver(() => DealerType, { nullable: true, description: 'The dealer the account acts for; null for staff.' })
  async dealer(@Root() invitation: { dealerId: string | null }, @Ctx() ctx: DealersContext) {
    if (!invitation.dealerId) return null;
    const dealer = await findDealer(ctx, invitation.dealerId);
    return dealer ? toDealerType(dealer) : null;
  }
}
