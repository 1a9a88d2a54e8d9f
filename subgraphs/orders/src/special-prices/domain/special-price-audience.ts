import { type Claims, isDealerRole, isStaffRole } from '@dealergraph/runtime';

import { mayDecide, SPECIAL_PRICE_AREA } from '../../approvals/domain/approval-areas.js';
import { type ApproverScope, inScope } from '../../approvals/domain/approver-scope.js';

/** The outbox event type of a special price request (created, approved, rejected). */
export const SPECIAL_PRICE_EVENT = 'SPECIAL_PRICE_REQUEST';

/** What an audience decision needs of an event. */
export interface SpecialPriceAudienceInput {
  claims: Claims | null;
  event: {
    dealerId: string;
    type: string;
    data?: Record<string, unknown> | null;
    salesRepUserId?: string | null;
    dealerRegion?: string | null;
  };
  /** The caller's approver scope; null for dealer users (and fails staff closed). */
  scope: ApproverScope | null;
}

/** What a visibility decision needs of a request: its dealer, level and scope (its dealer's rep and region). */
export interface AudienceRequest {
  dealerId: string;
  level: number | null;
  salesRepUserId: string | null;
  dealerRegion: string | null;
}

/** True for the events of special price requests (they share the orders outbox, but name no order). */
export function isSpecialPriceEvent(event: { type: string }): boolean {
  return event.type === SPECIAL_PRICE_EVENT;
}

/**
 * True when the caller may see a special price request: the requesting dealer's own users (any role),
 * and approvers of the SALES area whose level reaches the level the request needs and whose scope holds its dealer (a
 * rep's dealers, a manager's region, a director and up all), as for orders. Nobody else: not another
 * dealer, not ADMIN, not anonymous callers.
 */
export function seesSpecialPriceRequest({
  claims,
  request,
  scope,
}: {
  claims: Claims | null;
  request: AudienceRequest;
  scope: ApproverScope | null;
}): boolean {
  if (!claims) return false;
  if (isDealerRole(claims.role)) return claims.dealerId === request.dealerId;
  if (!isStaffRole(claims.role)) return false;
  // A special price is a sales exception: decided on the SALES ladder (FINANCE not by seniority).
  return (
    request.level !== null &&
    mayDecide({ approver: { role: claims.role }, step: { area: SPECIAL_PRICE_AREA, level: request.level } }) &&
    scope !== null &&
    inScope(scope, request)
  );
}

/** True when the caller receives this special price request event (the rule of {@link seesSpecialPriceRequest}; `data.level` is the request's level). */
export function seesSpecialPriceRequestEvent({ claims, event, scope }: SpecialPriceAudienceInput): boolean {
  if (!isSpecialPriceEvent(event)) return false;
  const level = typeof event.data?.level === 'number' ? event.data.level : null;
  const request = {
    dealerId: event.dealerId,
    level,
    salesRepUserId: event.salesRepUserId ?? null,
    dealerRegion: event.dealerRegion ?? null,
  };
  return seesSpecialPriceRequest({ claims, request, scope });
}
