import { APPROVAL_LEVEL, isDealerRole, isStaffRole, type Claims } from '@dealergraph/runtime';

/** The outbox event type of a special price request (created, approved, rejected). */
export const SPECIAL_PRICE_EVENT = 'SPECIAL_PRICE_REQUEST';

/** What an audience decision needs of an event. */
export interface SpecialPriceAudienceInput {
  claims: Claims | null;
  event: { dealerId: string; type: string; data?: Record<string, unknown> | null };
}

/** True for the events of special price requests (they share the orders outbox, but name no order). */
export function isSpecialPriceEvent(event: { type: string }): boolean {
  return event.type === SPECIAL_PRICE_EVENT;
}

/**
 * True when the caller may see a special price request: the requesting dealer's own users (any role),
 * and approvers whose level reaches the level the request needs. Nobody else: not another dealer, not
 * ADMIN, not anonymous callers.
 */
export function seesSpecialPriceRequest({ claims, request }: { claims: Claims | null; request: { dealerId: string; level: number | null } }): boolean {
  if (!claims) return false;
  if (isDealerRole(claims.role)) return claims.dealerId === request.dealerId;
  if (!isStaffRole(claims.role)) return false;
  const own = APPROVAL_LEVEL[claims.role];
  return own > 0 && request.level !== null && request.level <= own;
}

/** True when the caller receives this special price request event (the rule of {@link seesSpecialPriceRequest}; `data.level` is the request's level). */
export function seesSpecialPriceRequestEvent({ claims, event }: SpecialPriceAudienceInput): boolean {
  if (!isSpecialPriceEvent(event)) return false;
  const level = typeof event.data?.level === 'number' ? event.data.level : null;
  return seesSpecialPriceRequest({ claims, request: { dealerId: event.dealerId, level } });
}
