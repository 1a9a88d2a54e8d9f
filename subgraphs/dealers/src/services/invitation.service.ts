import { createHash, randomBytes, randomUUID } from 'node:crypto';

import {
  type EntityManager,
  forbidden,
  normalizeId,
  type PageWindow,
  type Refused,
  refused,
  type Result,
  type Role,
  tableOf,
  userError,
} from '@dealergraph/runtime';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';

import type { DealersContext } from '../context.js';
import { emailSkeleton, lookalikeRefusal, normalizeEmail, SQL_SKELETON } from '../domain/email-lookalike.js';
import { INVITATION_POLICY, type InvitationState, invitationState, isEmail, newAccountRefusal } from '../domain/invitation.js';
import { administers, roleGrantRefusal } from '../domain/user-admin.js';
import { Dealer } from '../entities/dealer.entity.js';
import { Invitation } from '../entities/invitation.entity.js';
import { User } from '../entities/user.entity.js';
import { currentActor } from './admin-actor.service.js';
import { recordSecurityEvent } from './security-event.service.js';

const refuse = (code: string, message: string, field?: string[]): Refused => refused(userError(code, message, field));

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Invites someone to an account: a DEALER_ADMIN to their own dealer (dealer roles), an ADMIN to any
 * dealer or, without a dealer, to the staff. The token is returned this once (hand it to the
 * invitee); only its hash is stored, and it expires after {@link INVITATION_POLICY}.validDays.
 */
export async function inviteUser(
  ctx: DealersContext,
  input: { email: string; role: Role; dealerId?: string | null },
): Promise<Result<{ invitation: Invitation; token: string }>> {
  return ctx.em.transactional(async (em) => {
    // The actor's row as it is now (share-locked until this commits), not the token's role.
    const actor = await currentActor(ctx, em, 'Mutation.inviteUser');
    const dealerId = input.dealerId === undefined || input.dealerId === null ? actor.dealerId : normalizeId(input.dealerId);
    if (input.dealerId && !dealerId) return refuse('NOT_FOUND', 'There is no such dealer.', ['input', 'dealerId']);
    if (!administers({ actor, dealerId }))
      return refuse('FORBIDDEN', 'You may invite users to your own dealer only.', ['input', 'dealerId']);
    const roleRefusal = roleGrantRefusal({ actor, dealerId, role: input.role });
    if (roleRefusal) return refuse(roleRefusal.code, roleRefusal.message, ['input', 'role']);
    const email = normalizeEmail(input.email);
    if (!isEmail(email)) return refuse('INVALID_EMAIL', 'This is not an email address.', ['input', 'email']);
    const foreign = lookalikeRefusal(email);
    if (foreign) return refuse(foreign.code, foreign.message, ['input', 'email']);
    if (dealerId && !(await em.count(Dealer, { id: dealerId, active: true })))
      return refuse('NOT_FOUND', 'There is no such active dealer.', ['input', 'dealerId']);
    // Told only of accounts the inviter administers anyway: another dealer's user or a staff member
    // is not confirmed here (the invitation is made; its acceptance is refused).
    const clash = await accountLike(em, email);
    if (clash && administers({ actor, dealerId: clash.dealerId })) {
      return clash.email === email
        ? refuse('EMAIL_TAKEN', 'An account with this email exists already.', ['input', 'email'])
        : refuse('EMAIL_CONFUSABLE', 'This address looks like the address of an existing account: check it.', ['input', 'email']);
    }
    const token = randomBytes(32).toString('base64url');
    const invitation = em.create(Invitation, {
      id: randomUUID(),
      tokenHash: sha256(token),
      email,
      role: input.role,
      dealer: dealerId ? em.getReference(Dealer, dealerId) : null,
      invitedBy: actor.id,
      expiresAt: new Date(Date.now() + INVITATION_POLICY.validDays * 24 * 3600 * 1000),
    });
    recordSecurityEvent(ctx, em, {
      kind: 'USER_INVITED',
      actorId: actor.id,
      dealerId,
      email,
      detail: { invitationId: invitation.id, role: input.role },
    });
    await em.flush();
    return { ok: true as const, value: { invitation, token } };
  });
}

/**
 * The account with this (normalised) address, or else one whose address looks like it (the same
 * skeleton, domain/email-lookalike.ts); null when there is none.
 */
async function accountLike(em: EntityManager, email: string): Promise<{ email: string; dealerId: string | null } | null> {
  const rows = await em.execute<{ email: string; dealer_id: string | null }[]>(
    `select email, dealer_id from ${tableOf(em, User)} where email = ? or ${SQL_SKELETON('email')} = ? order by email = ? desc limit 1`,
    [email, emailSkeleton(email), email],
  );
  return rows[0] ? { email: rows[0].email, dealerId: rows[0].dealer_id } : null;
}

const INVALID = () => refuse('INVALID_INVITATION', 'This invitation is not valid; ask your administrator for a new one.', ['token']);

function stateRefusal(invitation: Invitation | null, now: Date): Refused | null {
  if (!invitation) return INVALID();
  const state = invitationState({
    acceptedAt: invitation.acceptedAt,
    cancelledAt: invitation.cancelledAt,
    expiresAt: invitation.expiresAt,
    now,
  });
  if (state === 'CANCELLED')
    return refuse('INVITATION_CANCELLED', 'This invitation was withdrawn; ask your administrator for a new one.', ['token']);
  if (state === 'ACCEPTED')
    return refuse('INVITATION_USED', 'This invitation was used already; sign in, or ask your administrator for a new one.', ['token']);
  if (state === 'EXPIRED')
    return refuse('INVITATION_EXPIRED', 'This invitation has expired; ask your administrator for a new one.', ['token']);
  return null;
}

/**
 * Creates the invited account with the invitee's password and name. The token works once: the
 * invitation row is locked and marked accepted in the same transaction that creates the user, so
 * two concurrent acceptances make one account. An unknown, used, cancelled or expired token creates nothing.
 */
export async function acceptInvitation(
  ctx: DealersContext,
  input: { token: string; password: string; name: string },
): Promise<Result<User>> {
  const tokenHash = sha256(input.token.trim());
  const now = new Date();
  // Checked before argon2 runs, so forged tokens cost no hashing.
  const early = stateRefusal(await ctx.em.findOne(Invitation, { tokenHash }), now);
  if (early) return early;
  const weak = newAccountRefusal({ password: input.password, name: input.name });
  if (weak) return refuse(weak.code, weak.message, [weak.field]);
  const passwordHash = await ctx.passwords.hash(input.password);
  try {
    return await ctx.em.transactional(async (em) => {
      const invitation = await em.findOne(Invitation, { tokenHash }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const refusal = stateRefusal(invitation, new Date());
      if (refusal || !invitation) return refusal ?? INVALID();
      const clash = await accountLike(em, invitation.email);
      if (clash?.email === invitation.email) return refuse('EMAIL_TAKEN', 'An account with this email exists already; sign in.', ['token']);
      if (clash)
        return refuse('EMAIL_CONFUSABLE', 'This address looks like the address of an existing account; ask for an invitation to another.', [
          'token',
        ]);
      const user = em.create(User, {
        id: randomUUID(),
        email: invitation.email,
        fullName: input.name.trim(),
        passwordHash,
        role: invitation.role,
        dealer: invitation.dealer ? em.getReference(Dealer, invitation.dealer.id) : null,
      });
      invitation.acceptedAt = new Date();
      invitation.acceptedUserId = user.id;
      recordSecurityEvent(ctx, em, {
        kind: 'INVITATION_ACCEPTED',
        userId: user.id,
        email: user.email,
        actorId: user.id,
        dealerId: invitation.dealer?.id ?? null,
        detail: { invitationId: invitation.id, role: user.role },
      });
      await em.flush();
      return { ok: true as const, value: user };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      return refuse('EMAIL_TAKEN', 'An account with this email exists already; sign in.', ['token']);
    throw error;
  }
}

/** The SQL condition of an invitation state at `now` (the same rule as invitationState). */
function stateWhere(state: InvitationState, now: Date): Record<string, unknown> {
  switch (state) {
    case 'ACCEPTED':
      return { acceptedAt: { $ne: null } };
    case 'CANCELLED':
      return { acceptedAt: null, cancelledAt: { $ne: null } };
    case 'EXPIRED':
      return { acceptedAt: null, cancelledAt: null, expiresAt: { $lte: now } };
    case 'OPEN':
      return { acceptedAt: null, cancelledAt: null, expiresAt: { $gt: now } };
  }
}

/**
 * Invitations, newest first, optionally in one state: a DEALER_ADMIN sees its own dealer's only,
 * an ADMIN all (every dealer's and the staff's); anyone else is refused.
 */
export async function listInvitations(
  ctx: DealersContext,
  status: InvitationState | null | undefined,
  window: PageWindow,
): Promise<[Invitation[], number]> {
  const actor = await currentActor(ctx, ctx.em, 'Query.invitations', { lock: false });
  const where: Record<string, unknown> = status ? stateWhere(status, new Date()) : {};
  if (actor.role === 'DEALER_ADMIN' && actor.dealerId) where.dealer = actor.dealerId;
  else if (actor.role !== 'ADMIN') throw forbidden('Only a DEALER_ADMIN (for its dealer) or an ADMIN may list invitations.');
  return ctx.em.findAndCount(Invitation, where, {
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    limit: window.limit,
    offset: window.offset,
  });
}

/**
 * Withdraws an invitation: its token is refused from then on with INVITATION_CANCELLED. The row is
 * locked as acceptInvitation locks it, so a cancel and an acceptance at once cannot both win. A used
 * invitation cannot be withdrawn (INVITATION_USED: disable the user instead); one out of the
 * caller's reach reads as NOT_FOUND. Cancelling twice changes nothing and writes one event.
 */
export async function cancelInvitation(ctx: DealersContext, idArg: string): Promise<Result<Invitation>> {
  const id = normalizeId(idArg);
  const NOT_FOUND = refuse('NOT_FOUND', 'There is no invitation with this id that you administer.', ['id']);
  if (!id) return NOT_FOUND;
  return ctx.em.transactional(async (em) => {
    const actor = await currentActor(ctx, em, 'Mutation.cancelInvitation');
    const invitation = await em.findOne(Invitation, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!invitation || !administers({ actor, dealerId: invitation.dealer?.id ?? null })) return NOT_FOUND;
    if (invitation.acceptedAt) return refuse('INVITATION_USED', 'This invitation was used already; disable the user instead.', ['id']);
    if (!invitation.cancelledAt) {
      invitation.cancelledAt = new Date();
      invitation.cancelledBy = actor.id;
      recordSecurityEvent(ctx, em, {
        kind: 'INVITATION_CANCELLED',
        actorId: actor.id,
        dealerId: invitation.dealer?.id ?? null,
        email: invitation.email,
        detail: { invitationId: invitation.id, role: invitation.role },
      });
      await em.flush();
    }
    return { ok: true as const, value: invitation };
  });
}
