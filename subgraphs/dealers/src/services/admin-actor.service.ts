import { allows, type EntityManager, forbidden, requireClaims, type Role } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { DealersContext } from '../context.js';
import type { AdminActor } from '../domain/user-admin.js';
import { User } from '../entities/user.entity.js';

/**
 * Who administers, as the database says now: the caller's own row (role, enabled, dealer), never
 * the role in the token, which outlives a demotion or a disable until the gateway's session cache
 * and the token run out. An actor whose row no longer allows `coordinate` is refused with FORBIDDEN.
 * Inside a transaction the row is share-locked, so a concurrent demotion of the actor (which locks
 * it for update) either commits first and is seen, or waits for this change to end.
 */
export async function currentActor(
  ctx: DealersContext,
  em: EntityManager,
  coordinate: string,
  options: { lock: boolean } = { lock: true },
): Promise<AdminActor & { id: string }> {
  const claims = requireClaims(ctx.claims);
  const row = await em.findOne(
    User,
    { id: claims.sub },
    { refresh: true, ...(options.lock ? { lockMode: LockMode.PESSIMISTIC_READ } : {}) },
  );
  if (!row || !row.active || !allows({ role: row.role as Role }, coordinate)) {
    throw forbidden('Your account may no longer administer users (its role changed or it was disabled): sign in again.');
  }
  return { id: row.id, role: row.role as Role, dealerId: row.dealer?.id ?? null };
}
