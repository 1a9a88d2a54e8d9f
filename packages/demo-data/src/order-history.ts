import { DIRECTOR_APPROVAL_ABOVE, MANAGER_APPROVAL_ABOVE } from './credit.js';
import { int, pick, type SeededFaker } from './random.js';
import type { DemoStatusChange, DemoUser, OrderStatus, Role } from './types.js';

const APPROVAL_COMMENTS = [
  'Approved.',
  'Approved: volume confirmed with the dealer.',
  'Approved for the plant shutdown project.',
  'OK, regular customer demand.',
];
const REVIEW_COMMENT = 'First order of a new dealer reviewed.';
const AUTO_COMMENT = 'Approved automatically: no approval rule applied.';
const REJECTION_REASONS = [
  'Quantities exceed what the project was quoted for; please re-order in two shipments.',
  'Duplicate of an order placed the same day.',
  'Pricing has to be renegotiated before we can confirm this volume.',
  'Delivery address is not on file for this dealer.',
];
const CREDIT_REJECTION = 'Credit limit exceeded; please settle the open invoices first.';
const CANCEL_REASONS = [
  'Ordered in error.',
  'Customer project postponed.',
  'Replaced by a corrected order.',
  'Parts sourced locally after an emergency breakdown.',
];

/** Hours between consecutive steps: [min, max]. */
const GAPS = {
  APPROVED: [1, 30],
  PROCESSING: [2, 20],
  SHIPPED: [12, 60],
  DELIVERED: [24, 120],
  CANCELLED: [2, 48],
  REJECTED: [2, 40],
} as const satisfies Partial<Record<OrderStatus, readonly [number, number]>>;

/** Keeps the last step clear of the anchor: the history ends at the anchor, nothing happens after it. */
const SAFETY_MS = 15 * 60_000;
const MIN_GAP_MS = 60_000;

export interface HistoryInput {
  placedAt: Date;
  anchor: Date;
  status: OrderStatus;
  total: number;
  placedBy: DemoUser;
  /** The dealer's first order while its first orders still get reviewed by a person. */
  needsReview: boolean;
  staff: Map<Role, DemoUser>;
}

interface Step {
  status: OrderStatus;
  by: string | null;
  comment: string | null;
  gap: readonly [number, number] | null;
}

/** Who approves an order of this total, per the demo approval rules. */
function approverFor(input: HistoryInput): { user: DemoUser; comment: (faker: SeededFaker) => string } | null {
  const { staff, total } = input;
  if (total > DIRECTOR_APPROVAL_ABOVE) return { user: staff.get('SALES_DIRECTOR')!, comment: (f) => pick(f, APPROVAL_COMMENTS) };
  if (total > MANAGER_APPROVAL_ABOVE) return { user: staff.get('REGIONAL_MANAGER')!, comment: (f) => pick(f, APPROVAL_COMMENTS) };
  if (input.needsReview) return { user: staff.get('SALES_REP')!, comment: () => REVIEW_COMMENT };
  return null;
}

/** The orders that could still be PENDING_APPROVAL: everything else was approved automatically. */
export function needsApproval(total: number, needsReview: boolean): boolean {
  return needsReview || total > MANAGER_APPROVAL_ABOVE;
}

function steps(faker: SeededFaker, input: HistoryInput): Step[] {
  const { status, placedBy, staff } = input;
  const approver = approverFor(input);
  const pending: Step = { status: 'PENDING_APPROVAL', by: placedBy.id, comment: null, gap: null };
  if (status === 'PENDING_APPROVAL') return [pending];
  if (status === 'REJECTED') {
    // Without an approval rule the only way to a rejection is the credit check routing to finance.
    const by = approver ? approver.user : staff.get('FINANCE')!;
    const reason = approver ? pick(faker, REJECTION_REASONS) : CREDIT_REJECTION;
    return [pending, { status: 'REJECTED', by: by.id, comment: reason, gap: GAPS.REJECTED }];
  }
  const start: Step[] = approver
    ? [pending, { status: 'APPROVED', by: approver.user.id, comment: approver.comment(faker), gap: GAPS.APPROVED }]
    : [{ status: 'APPROVED', by: placedBy.id, comment: AUTO_COMMENT, gap: null }];
  const flow: OrderStatus[] =
    status === 'APPROVED'
      ? []
      : status === 'PROCESSING'
        ? ['PROCESSING']
        : status === 'SHIPPED'
          ? ['PROCESSING', 'SHIPPED']
          : status === 'DELIVERED'
            ? ['PROCESSING', 'SHIPPED', 'DELIVERED']
            : int(faker, 0, 1) === 1
              ? ['PROCESSING']
              : [];
  const rest: Step[] = flow.map((s) => ({ status: s, by: null, comment: null, gap: GAPS[s as keyof typeof GAPS] }));
  if (status === 'CANCELLED')
    rest.push({ status: 'CANCELLED', by: placedBy.id, comment: pick(faker, CANCEL_REASONS), gap: GAPS.CANCELLED });
  return [...start, ...rest];
}

/**
 * The status history of an order ending in `status`, first entry at `placedAt`. Step durations are
 * drawn first and squeezed proportionally when they would run past the anchor, so a young order
 * still walks every status it claims to have passed through.
 */
export function buildHistory(faker: SeededFaker, input: HistoryInput): DemoStatusChange[] {
  const plan = steps(faker, input);
  const gaps = plan.map((step) => (step.gap ? int(faker, step.gap[0] * 60, step.gap[1] * 60) * 60_000 : 0));
  const span = gaps.reduce((a, b) => a + b, 0);
  const room = input.anchor.getTime() - SAFETY_MS - input.placedAt.getTime();
  const scale = span > room ? room / span : 1;
  let at = input.placedAt.getTime();
  return plan.map((step, i) => {
    // Whole seconds, like the timestamps a database would have recorded.
    if (i > 0) at += Math.max(MIN_GAP_MS, Math.floor((gaps[i] * scale) / 1000) * 1000);
    return { status: step.status, at: new Date(at), byUserId: step.by, comment: step.comment };
  });
}
