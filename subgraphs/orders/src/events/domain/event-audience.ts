import { approvalLevelOf, type Claims, isDealerRole, isStaffRole } from '@dealergraph/runtime';

import { type ApprovalArea, approverLanes, mayDecide, stepAreaOf } from '../../approvals/domain/approval-areas.js';
import { type ApproverScope, inScope } from '../../approvals/domain/approver-scope.js';
import { seesSpecialPriceRequestEvent } from '../../special-prices/domain/special-price-audience.js';

/** What an audience decision needs to know of an order event. */
export interface AudienceEvent {
  dealerId: string;
  type: string;
  /** The order's status after the event. */
  status: string | null;
  /** Event details; `level` is the approval level a step waits on or was decided at, `area` its area. */
  data?: Record<string, unknown> | null;
  /** The order's (or request's) dealer's SALES_REP and region: the approver scope it falls in. */
  salesRepUserId?: string | null;
  dealerRegion?: string | null;
}

export interface AudienceInput {
  claims: Claims | null;
  event: AudienceEvent;
}

/** An audience decision for approvers: also needs the caller's approver scope (null: none, e.g. a dealer user). */
export interface ApproverAudienceInput extends AudienceInput {
  scope: ApproverScope | null;
}

/** True when the event's order (or request) lies in the approver's scope; false without a scope. */
export function eventInScope(scope: ApproverScope | null, event: AudienceEvent): boolean {
  return (
    scope !== null &&
    inScope(scope, { salesRepUserId: event.salesRepUserId ?? null, dealerRegion: event.dealerRegion ?? null, dealerId: event.dealerId })
  );
}

/** The caller's approval level (1-5); 0 for dealer users, ADMIN and anonymous callers. */
export function callerApprovalLevel(claims: Claims | null): number {
  return claims ? approvalLevelOf(claims.role) : 0;
}

/** True when the caller may see the event's order at all: the dealer's own users, or staff. */
export function seesOrderEvent({ claims, event }: AudienceInput): boolean {
  if (!claims) return false;
  if (isDealerRole(claims.role)) return claims.dealerId === event.dealerId;
  return isStaffRole(claims.role);
}

const LEAVES_QUEUE = new Set(['APPROVED', 'REJECTED', 'CANCELLED']);

/**
 * True when the event changes an approval queue this caller has: an order entered or left approval,
 * a step was decided or escalated, the step (when the event names one) is one the caller may decide
 * (mayDecide: its area and level, domain/approval-areas.ts), and the order is in the caller's scope
 * (a rep's dealers, a manager's region, a DEALER_ADMIN's own dealer). Other dealer users and ADMIN
 * have no queue.
 */
export function changesApprovalQueueOf({ claims, event, scope }: ApproverAudienceInput): boolean {
  if (!claims) return false;
  const approver = { role: claims.role, dealerId: claims.dealerId ?? null };
  if (approverLanes(approver).length === 0 || !eventInScope(scope, event)) return false;
  const stepLevel = typeof event.data?.level === 'number' ? event.data.level : null;
  if (stepLevel !== null) {
    const area = stepAreaOf({ area: typeof event.data?.area === 'string' ? event.data.area : null, level: stepLevel });
    const decides = (step: { area: ApprovalArea; level: number }) => mayDecide({ approver, step: { ...step, dealerId: event.dealerId } });
    // A decided step also names the one that waits next (the order enters its approvers' queues).
    const nextLevel = typeof event.data?.nextLevel === 'number' ? event.data.nextLevel : null;
    const next =
      nextLevel === null ? null : { area: stepAreaOf({ area: String(event.data?.nextArea ?? ''), level: nextLevel }), level: nextLevel };
    if (!decides({ area, level: stepLevel }) && !(next && decides(next))) return false;
  }
  if (event.type === 'APPROVAL_STEP' || event.type === 'ESCALATED' || event.type === 'REMINDER') return true;
  if (event.status === 'PENDING_APPROVAL') return true;
  return event.type === 'STATUS_CHANGED' && event.status !== null && LEAVES_QUEUE.has(event.status);
}

/**
 * True when the event belongs in the caller's notification feed: for dealer users everything that
 * happens to their dealer's orders and special price requests; for approvers what changes their
 * queue, and the special price requests they may decide (level and scope).
 */
export function notifies(input: ApproverAudienceInput): boolean {
  if (!input.claims) return false;
  if (isDealerRole(input.claims.role)) return seesOrderEvent(input);
  return changesApprovalQueueOf(input) || seesSpecialPriceRequestEvent(input);
}

/**
 * Whether orderUpdated sends this event: the last approval step that committed together with the
 * order's change to APPROVED is left out, since the status change sends the same order (one event
 * per change per subscriber). Approvers still hear of the step on approvalQueueChanged.
 */
export function sendsOrderUpdate({ event }: { event: { type: string; data: Record<string, unknown> | null } }): boolean {
  return !(event.type === 'APPROVAL_STEP' && event.data?.final === true);
}
