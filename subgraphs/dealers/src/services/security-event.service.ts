import { randomUUID } from 'node:crypto';

import { type EntityManager, isStaff, normalizeId, type PageWindow, requireClaims } from '@dealergraph/runtime';

import type { DealersContext } from '../context.js';
import type { SecurityEventKind } from '../domain/security-event-kinds.js';
import { SecurityEvent } from '../entities/security-event.entity.js';

/** What an event says; the address and user agent default to the caller's. */
export interface SecurityEventInput {
  kind: SecurityEventKind;
  userId?: string | null;
  email?: string | null;
  actorId?: string | null;
  dealerId?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  detail?: Record<string, unknown>;
}

function build(ctx: Pick<DealersContext, 'client'>, em: EntityManager, input: SecurityEventInput): SecurityEvent {
  return em.create(SecurityEvent, {
    id: randomUUID(),
    kind: input.kind,
    userId: input.userId ?? null,
    email: input.email ?? null,
    actorId: input.actorId ?? null,
    dealerId: input.dealerId ?? null,
    ipAddress: input.ipAddress !== undefined ? input.ipAddress : (ctx.client?.ip ?? null),
    userAgent: input.userAgent !== undefined ? input.userAgent : (ctx.client?.userAgent ?? null),
    detail: input.detail ?? {},
    at: new Date(),
  });
}

/**
 * Adds an event to the unit of work of `em`: it is written by the same flush (one transaction) as
 * the change it records. Use this whenever the event goes with a change.
 */
export function recordSecurityEvent(ctx: Pick<DealersContext, 'client'>, em: EntityManager, input: SecurityEventInput): void {
  em.persist(build(ctx, em, input));
}

/** Writes an event that goes with no change (a refused sign-in, a refused address) at once. */
export async function writeSecurityEvent(ctx: Pick<DealersContext, 'client'>, em: EntityManager, input: SecurityEventInput): Promise<void> {
  await em.fork().persistAndFlush(build(ctx, em, input));
}

/** Narrows the audit log. */
export interface SecurityEventFilter {
  kinds?: SecurityEventKind[] | null;
  dealerId?: string | null;
  userId?: string | null;
  since?: Date | null;
  until?: Date | null;
}

/**
 * The audit log, newest first: a DEALER_ADMIN reads its own dealer's events only (a dealerId in the
 * filter cannot widen that), an ADMIN all; everyone else is refused.
 */
export async function listSecurityEvents(
  ctx: DealersContext,
  filter: SecurityEventFilter,
  window: PageWindow,
): Promise<[SecurityEvent[], number]> {
  const claims = requireClaims(ctx.claims);
  // A malformed id matches nothing (it never reaches PostgreSQL as a uuid).
  if ((filter.dealerId && !normalizeId(filter.dealerId)) || (filter.userId && !normalizeId(filter.userId))) return [[], 0];
  filter = { ...filter, dealerId: filter.dealerId && normalizeId(filter.dealerId), userId: filter.userId && normalizeId(filter.userId) };
  let dealerId = filter.dealerId ?? undefined;
  // Who may read at all is the matrix's row (the guard); a dealer's admin reads its own dealer's only.
  if (!isStaff(claims)) {
    if (dealerId && dealerId !== claims.dealerId) return [[], 0];
    dealerId = claims.dealerId ?? undefined;
  }
  const where: Record<string, unknown> = {};
  if (dealerId) where.dealerId = dealerId;
  if (filter.userId) where.userId = filter.userId;
  if (filter.kinds?.length) where.kind = { $in: filter.kinds };
  if (filter.since || filter.until)
    where.at = { ...(filter.since ? { $gte: filter.since } : {}), ...(filter.until ? { $lt: filter.until } : {}) };
  return ctx.em.findAndCount(SecurityEvent, where, {
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    offset: window.offset,
    limit: window.limit,
  });
}
