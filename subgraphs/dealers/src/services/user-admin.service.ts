import {
  type EntityManager,
  forbidden,
  normalizeId,
  type PageWindow,
  refused,
  requireClaims,
  type Result,
  type Role,
  userError,
} from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { DealersContext } from '../context.js';
import { type AdminActor, administers, adminRoleOf, lastAdminRefusal, roleGrantRefusal, roleRank } from '../domain/user-admin.js';
import { Session } from '../entities/session.entity.js';
import { User } from '../entities/user.entity.js';
import { currentActor } from './admin-actor.service.js';
import { recordSecurityEvent } from './security-event.service.js';

function actorOf(ctx: DealersContext): AdminActor & { id: string } {
  const claims = requireClaims(ctx.claims);
  return { id: claims.sub, role: claims.role as Role, dealerId: claims.dealerId ?? null };
}

const NOT_FOUND = refused(userError('NOT_FOUND', 'There is no user with this id that you administer.', ['userId']));

/**
 * The users of a dealer (by email): a DEALER_ADMIN their own dealer's, an ADMIN any dealer's or,
 * without a dealer, the staff. Someone else's dealer is FORBIDDEN.
 */
export async function listUsers(
  ctx: DealersContext,
  dealerIdArg: string | null | undefined,
  window: PageWindow,
): Promise<[User[], number]> {
  const actor = await currentActor(ctx, ctx.em, 'Query.dealerUsers', { lock: false });
  const dealerId = dealerIdArg ? normalizeId(dealerIdArg) : actor.dealerId;
  if ((dealerIdArg && !dealerId) || !administers({ actor, dealerId })) throw forbidden("You may list your own dealer's users only.");
  return ctx.em.findAndCount(User, { dealer: dealerId }, { orderBy: { email: 'asc' }, limit: window.limit, offset: window.offset });
}

/** Serialises the administration of one dealer's users (or the staff), so the last-admin rule holds under concurrency. */
async function lockGroup(em: EntityManager, dealerId: string | null): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`dealers/user-admin/${dealerId ?? 'staff'}`]);
}

/**
 * Runs a change to a user the caller administers, under the lock of the user's group and the row
 * lock of the user, authorized from the caller's current row (currentActor); a user out of the
 * caller's reach reads as NOT_FOUND, and nothing changes.
 */
async function changeUser(
  ctx: DealersContext,
  coordinate: string,
  userIdArg: string,
  change: (em: EntityManager, target: User, actor: AdminActor & { id: string }) => Promise<Result<User>>,
): Promise<Result<User>> {
  const claimed = actorOf(ctx);
  const userId = normalizeId(userIdArg);
  if (!userId) return NOT_FOUND;
  const found = await ctx.em.findOne(User, { id: userId }, { fields: ['id', 'dealer'] });
  if (!found) return NOT_FOUND;
  const dealerId = found.dealer?.id ?? null;
  if (!administers({ actor: claimed, dealerId })) return NOT_FOUND;
  return ctx.em.transactional(async (em) => {
    await lockGroup(em, dealerId);
    // The actor's row as it is now, not the token's role: a demoted or disabled admin acts no more.
    const actor = await currentActor(ctx, em, coordinate);
    if (!administers({ actor, dealerId })) return NOT_FOUND;
    const target = await em.findOneOrFail(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (roleRank(target.role) > roleRank(actor.role)) {
      return refused(userError('ROLE_ABOVE_YOURS', 'This user holds a role above yours.', ['userId']));
    }
    return change(em, target, actor);
  });
}

/** Refuses when taking `target` out of the admins would leave its group without an active one. */
async function keepsAnAdmin(em: EntityManager, target: User): Promise<Result<User> | null> {
  const dealerId = target.dealer?.id ?? null;
  const adminRole = adminRoleOf(dealerId);
  if (target.role !== adminRole || !target.active) return null;
  const others = await em.count(User, { dealer: dealerId, role: adminRole, active: true, id: { $ne: target.id } });
  const refusal = lastAdminRefusal({ dealerId, activeAdminsAfter: others });
  return refusal ? refused(userError(refusal.code, refusal.message, ['userId'])) : null;
}

/** Ends every session of a user: their access tokens stop at the gateway within seconds. */
async function endSessions(em: EntityManager, userId: string): Promise<void> {
  await em.nativeUpdate(Session, { user: userId, revokedAt: null }, { revokedAt: new Date() });
}

/**
 * Gives a user another role, never one above the caller's and never one that leaves a dealer (or
 * the staff) without an active administrator. The user's sessions end, so no token keeps the old role.
 */
export async function setUserRole(ctx: DealersContext, userId: string, role: Role): Promise<Result<User>> {
  return changeUser(ctx, 'Mutation.setUserRole', userId, async (em, target, actor) => {
    const dealerId = target.dealer?.id ?? null;
    const refusal = roleGrantRefusal({ actor, dealerId, role });
    if (refusal) return refused(userError(refusal.code, refusal.message, ['role']));
    if (target.role === role) return { ok: true, value: target };
    if (role !== adminRoleOf(dealerId)) {
      const last = await keepsAnAdmin(em, target);
      if (last) return last;
    }
    const from = target.role;
    target.role = role;
    recordSecurityEvent(ctx, em, {
      kind: 'ROLE_CHANGED',
      userId: target.id,
      email: target.email,
      actorId: actor.id,
      dealerId,
      detail: { from, to: role },
    });
    await em.flush();
    await endSessions(em, target.id);
    return { ok: true, value: target };
  });
}

/**
 * Disables a user (their sessions end and sign-in is refused) or enables them again. The last
 * active administrator of a dealer (or of the staff) cannot be disabled.
 */
export async function setUserActive(ctx: DealersContext, userId: string, active: boolean): Promise<Result<User>> {
  return changeUser(ctx, active ? 'Mutation.enableUser' : 'Mutation.disableUser', userId, async (em, target, actor) => {
    if (target.active === active) return { ok: true, value: target };
    if (!active) {
      const last = await keepsAnAdmin(em, target);
      if (last) return last;
    }
    target.active = active;
    const dealerId = target.dealer?.id ?? null;
    recordSecurityEvent(ctx, em, {
      kind: active ? 'USER_ENABLED' : 'USER_DISABLED',
      userId: target.id,
      email: target.email,
      actorId: actor.id,
      dealerId,
    });
    await em.flush();
    if (!active) await endSessions(em, target.id);
    return { ok: true, value: target };
  });
}
