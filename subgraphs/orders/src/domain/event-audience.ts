import { APPROVAL_LEVEL, isDealerRole, isStaffRole, type Claims } from '@dealergraph/runtime';
import { seesSpecialPriceRequestEvent } from './special-price-audience.js';

/** What an audience decision needs to know of an order event. */
export interface AudienceEvent {
  dealerId: string;
  type: string;
  /** The order's status after the event. */
  status: string | null;
  /** Event details; `level` is the approval level a step waits on or was decided at. */
  data?: Record<string, unknown> | null;
}

export interface AudienceInput {
  claims: Claims | null;
  event: AudienceEvent;
}

/** The caller's approval level (1-5); 0 for dealer users, ADMIN and anonymous callers. */
export function approvalLevelOf(claims: Claims | null): number {
  return claims && isStaffRole(claims.role) ? APPROVAL_LEVEL[claims.role] : 0;
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
 * a step was decided or escalated, and the step's level (when the event names one) is within the
 * caller's level. Dealer users and ADMIN have no queue.
 */
export function changesApprovalQueueOf({ claims, event }: AudienceInput): boolean {
  const level = approvalLevelOf(claims);
  if (level === 0) return false;
  const stepLevel = typeof event.data?.level === 'number' ? event.data.level : null;
  if (stepLevel !== null && stepLevel > level) return false;
  if (event.type === 'APPROVAL_STEP' || event.type === 'ESCALATED' || event.type === 'REMINDER') return true;
  if (event.status === 'PENDING_APPROVAL') return true;
  return event.type === 'STATUS_CHANGED' && event.status !== null && LEAVES_QUEUE.has(event.status);
}

/**
 * True when the event belongs in the caller's notification feed: for dealer users everything that
 * happens to their dealer's orders and special price requests; for approvers what changes their
 * queue, and the special price requests their level may decide.
 */
export function notifies(input: AudienceInput): boolean {
  if (!input.claims) return false;
  if (isDealerRole(input.claims.role)) return seesOrderEvent(input);
  return changesApprovalQueueOf(input) || seesSpecialPriceRequestEvent(input);
}
