/**
 * The order lifecycle as a table: for each status, the statuses an order may move to next and who
 * may take each edge. Every status change goes through `assertTransition`, and every mutation that
 * changes a status asks `transitionRefusal` first, so the table is the one place the rules live.
 * (Which roles may call a mutation at all is the authorization matrix's; whose order it is and an
 * approver's level and region are data-scope checks beside the service.)
 *
 *   AWAITING_PAYMENT -> APPROVED (staff) | PENDING_APPROVAL (staff) | CANCELLED (dealer, staff)
 *   PENDING_APPROVAL -> APPROVED (staff, dealer approver) | REJECTED (staff, dealer approver) | CANCELLED (dealer, staff)
 *   APPROVED         -> PROCESSING (staff) | CANCELLED (dealer, staff)
 *   PROCESSING       -> SHIPPED (staff) | CANCELLED (staff)
 *   SHIPPED          -> DELIVERED (staff)
 *   DELIVERED, REJECTED, CANCELLED: terminal
 *
 * AWAITING_PAYMENT is where a PAYMENT_REQUIRED order waits for its payment up front (stock reserved,
 * credit held). The system takes its edges for the distributor: paid, it becomes APPROVED (or
 * PENDING_APPROVAL when approval rules apply); unpaid in time, CANCELLED. The dealer may cancel it.
 */
export const ORDER_STATUSES = [
  'AWAITING_PAYMENT',
  'PENDING_APPROVAL',
  'APPROVED',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
  'REJECTED',
  'CANCELLED',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Who takes an edge: the dealer's own users, the distributor's staff (and the system for them), or
 * the dealer's own approver (a DEALER_ADMIN deciding their dealer's own approval step, and only that:
 * approvals/domain/approval-areas.ts says which steps).
 */
export type OrderParty = 'DEALER' | 'STAFF' | 'DEALER_APPROVER';

/** Each status's edges and who may take them; a status with no edges is terminal. Staying is not a transition. */
export const ORDER_EDGES: Readonly<Record<OrderStatus, Readonly<Partial<Record<OrderStatus, readonly OrderParty[]>>>>> = Object.freeze({
  AWAITING_PAYMENT: Object.freeze({ APPROVED: ['STAFF'], PENDING_APPROVAL: ['STAFF'], CANCELLED: ['DEALER', 'STAFF'] } as const),
  PENDING_APPROVAL: Object.freeze({
    APPROVED: ['STAFF', 'DEALER_APPROVER'],
    REJECTED: ['STAFF', 'DEALER_APPROVER'],
    CANCELLED: ['DEALER', 'STAFF'],
  } as const),
  APPROVED: Object.freeze({ PROCESSING: ['STAFF'], CANCELLED: ['DEALER', 'STAFF'] } as const),
  PROCESSING: Object.freeze({ SHIPPED: ['STAFF'], CANCELLED: ['STAFF'] } as const),
  SHIPPED: Object.freeze({ DELIVERED: ['STAFF'] } as const),
  DELIVERED: Object.freeze({}),
  REJECTED: Object.freeze({}),
  CANCELLED: Object.freeze({}),
});

/** The allowed transitions (the edges of {@link ORDER_EDGES}, whoever takes them). */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = Object.freeze(
  Object.fromEntries(ORDER_STATUSES.map((from) => [from, Object.freeze(Object.keys(ORDER_EDGES[from]) as OrderStatus[])])) as Record<
    OrderStatus,
    readonly OrderStatus[]
  >,
);

export interface TransitionInput {
  from: OrderStatus;
  to: OrderStatus;
}

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

/** The statuses an order in `from` may move to next (empty for a terminal status). */
export function allowedNext(from: OrderStatus): readonly OrderStatus[] {
  return ORDER_TRANSITIONS[from] ?? [];
}

/** True when nothing can happen to an order in this status any more. */
export function isTerminal(status: OrderStatus): boolean {
  return allowedNext(status).length === 0;
}

/** True when an order may move from `from` to `to`. */
export function canTransition({ from, to }: TransitionInput): boolean {
  return allowedNext(from).includes(to);
}

/** Thrown for a status change the lifecycle does not allow; `code` is always INVALID_TRANSITION. */
export class InvalidTransitionError extends Error {
  readonly code = 'INVALID_TRANSITION' as const;
  readonly from: OrderStatus;
  readonly to: OrderStatus;

  constructor({ from, to }: TransitionInput) {
    const next = allowedNext(from);
    super(
      next.length === 0
        ? `An order that is ${from} cannot change any more (asked for ${to}).`
        : `An order that is ${from} cannot become ${to}; it can become ${next.join(', ')}.`,
    );
    this.name = 'InvalidTransitionError';
    this.from = from;
    this.to = to;
  }
}

/** Why `party` may not move an order from `from` to `to` (always INVALID_TRANSITION), or null when it may. */
export function transitionRefusal({
  from,
  to,
  party,
}: TransitionInput & { party: OrderParty }): { code: 'INVALID_TRANSITION'; message: string } | null {
  const parties = ORDER_EDGES[from][to];
  if (parties?.includes(party)) return null;
  if (parties) {
    return {
      code: 'INVALID_TRANSITION',
      message: `An order that is ${from} can become ${to} only by the distributor: call your sales rep.`,
    };
  }
  return { code: 'INVALID_TRANSITION', message: new InvalidTransitionError({ from, to }).message };
}

/** Throws InvalidTransitionError unless the lifecycle allows moving from `from` to `to`. */
export function assertTransition(input: TransitionInput): void {
  if (!canTransition(input)) throw new InvalidTransitionError(input);
}
