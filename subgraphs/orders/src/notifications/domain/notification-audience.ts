/**
 * Which mails an order event makes, and for whom. Decided in this order:
 * 1. The kind (`notificationKindOf`): the dealer's users hear of their order being placed, approved,
 *    rejected, shipped and delivered; approvers of an order starting to wait at a level, a reminder before its
 *    deadline, and an escalation.
 * 2. The recipients (`recipientsOf`): for a dealer kind every active user of the order's dealer;
 *    for an approver kind the users who may decide the waiting step (`mayDecide`: its area and level,
 *    approvals/domain/approval-areas.ts; a dealer's own step: that dealer's DEALER_ADMINs) in whose
 *    approver scope the order lies (the same `approverScope`/`inScope` as approveOrder), at the
 *    lowest level among them (the waiting level, or the next one of the area that somebody in scope
 *    holds). Nobody else: not another dealer's users, not an approver of another area, outside the
 *    scope or below the level.
 * 3. Preferences: a user who turned a kind off gets no mail of it.
 */
import { approvalLevelOf, isDealerRole } from '@dealergraph/runtime';

import { type ApprovalArea, DEALER_APPROVER_ROLE, mayDecide, stepAreaOf } from '../../approvals/domain/approval-areas.js';
import { approverScope, inScope } from '../../approvals/domain/approver-scope.js';

/** The kinds of mail notification; each has its template and a preference per user. */
export const NOTIFICATION_KINDS = [
  'ORDER_PLACED',
  'ORDER_APPROVED',
  'ORDER_REJECTED',
  'ORDER_SHIPPED',
  'ORDER_DELIVERED',
  'APPROVAL_WAITING',
  'APPROVAL_REMINDER',
  'APPROVAL_ESCALATED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds a dealer's users receive; the others go to approvers. */
export const DEALER_KINDS: readonly NotificationKind[] = [
  'ORDER_PLACED',
  'ORDER_APPROVED',
  'ORDER_REJECTED',
  'ORDER_SHIPPED',
  'ORDER_DELIVERED',
];

/** The kinds a user can receive, so the ones they may choose for: a dealer user's or an approver's; none for other staff. */
export function kindsFor(role: string): NotificationKind[] {
  // A DEALER_ADMIN decides their dealer's own steps (spending limits): asked and reminded like an approver; nothing escalates past them.
  if (role === DEALER_APPROVER_ROLE) return [...DEALER_KINDS, 'APPROVAL_WAITING', 'APPROVAL_REMINDER'];
  if (isDealerRole(role)) return [...DEALER_KINDS];
  return approvalLevelOf(role) > 0 && role !== 'ADMIN' ? NOTIFICATION_KINDS.filter((k) => !DEALER_KINDS.includes(k)) : [];
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** An outbox event as the planner reads it. */
export interface NotifiedEvent {
  type: string;
  /** The order's status after the event. */
  status: string | null;
  data: Record<string, unknown> | null;
}

/** An approval step of the order as it stands when the event is planned. */
export interface PlannedStep {
  position: number;
  level: number;
  /** Absent for rows read before areas: see stepAreaOf. */
  area?: string | null;
  status: string;
}

/** What a notification is: its kind and, for approvers, the level and area it waits at. */
export type PlannedNotification = { kind: NotificationKind; level: number | null; area?: ApprovalArea | null };

const DEALER_STATUS_KINDS: Record<string, NotificationKind> = {
  APPROVED: 'ORDER_APPROVED',
  REJECTED: 'ORDER_REJECTED',
  SHIPPED: 'ORDER_SHIPPED',
  DELIVERED: 'ORDER_DELIVERED',
};

/**
 * The notifications an event makes. A step that waits is named by the event (the order's first
 * step when placed pending approval, the one after a decided step, the escalation's new level) and
 * notified only while the order still waits on it (`orderStatus`, `steps` as they stand now): an
 * approver is not asked for what was decided meanwhile.
 */
export function notificationsOf({
  event,
  orderStatus,
  steps,
}: {
  event: NotifiedEvent;
  orderStatus: string;
  steps: readonly PlannedStep[];
}): PlannedNotification[] {
  const out: PlannedNotification[] = [];
  const waiting = (position: number | null): PlannedNotification[] => {
    if (orderStatus !== 'PENDING_APPROVAL' || position === null) return [];
    const step = [...steps].sort((a, b) => a.position - b.position).find((s) => s.position >= position);
    return step && step.status === 'PENDING'
      ? [{ kind: 'APPROVAL_WAITING', level: step.level, area: stepAreaOf({ area: step.area, level: step.level }) }]
      : [];
  };
  const stepOf = (value: unknown) => (typeof value === 'number' ? value : null);
  const areaOf = (level: number) => stepAreaOf({ area: typeof event.data?.area === 'string' ? event.data.area : null, level });
  switch (event.type) {
    case 'ORDER_PLACED':
      out.push({ kind: 'ORDER_PLACED', level: null });
      if (event.status === 'PENDING_APPROVAL') out.push(...waiting(1));
      break;
    case 'STATUS_CHANGED': {
      const kind = event.status ? DEALER_STATUS_KINDS[event.status] : undefined;
      if (kind) out.push({ kind, level: null });
      break;
    }
    case 'APPROVAL_STEP': {
      const step = stepOf(event.data?.step);
      if (event.data?.decision === 'APPROVED' && event.data?.final !== true && step !== null) out.push(...waiting(step + 1));
      break;
    }
    case 'REMINDER': {
      const level = stepOf(event.data?.level);
      if (level !== null && orderStatus === 'PENDING_APPROVAL') out.push({ kind: 'APPROVAL_REMINDER', level, area: areaOf(level) });
      break;
    }
    case 'ESCALATED': {
      const level = stepOf(event.data?.toLevel);
      // The area is the step's, read from the level it left (toLevel 5 alone would not tell).
      const from = stepOf(event.data?.level) ?? level;
      if (level !== null && from !== null && orderStatus === 'PENDING_APPROVAL')
        out.push({ kind: 'APPROVAL_ESCALATED', level, area: areaOf(from) });
      break;
    }
  }
  return out;
}

/** A user who may be notified, as dealers describes them. */
export interface Contact {
  id: string;
  email: string;
  fullName: string;
  role: string;
  dealerId: string | null;
  region: string | null;
}

/**
 * Who receives a notification about an order: see the file's header. `optedOut` holds
 * `userId|kind` for each user who turned that kind off.
 */
export function recipientsOf({
  notification,
  order,
  contacts,
  optedOut,
}: {
  notification: PlannedNotification;
  order: { dealerId: string; salesRepUserId: string | null; dealerRegion: string | null };
  contacts: readonly Contact[];
  optedOut: ReadonlySet<string>;
}): Contact[] {
  const wants = (c: Contact) => !optedOut.has(`${c.id}|${notification.kind}`);
  if (DEALER_KINDS.includes(notification.kind)) {
    return contacts.filter((c) => isDealerRole(c.role) && c.dealerId === order.dealerId && wants(c));
  }
  const waitingLevel = notification.level ?? 1;
  const step = {
    area: notification.area ?? stepAreaOf({ level: waitingLevel }),
    level: waitingLevel,
    dealerId: order.dealerId,
  };
  const deciders = contacts.filter(
    (c) =>
      (c.dealerId === null || c.dealerId === order.dealerId) &&
      mayDecide({ approver: { role: c.role, dealerId: c.dealerId }, step }) &&
      inScope(approverScope({ role: c.role, userId: c.id, region: c.region, dealerId: c.dealerId }), order),
  );
  if (deciders.length === 0) return [];
  const level = Math.min(...deciders.map((c) => approvalLevelOf(c.role)));
  return deciders.filter((c) => approvalLevelOf(c.role) === level && wants(c));
}
