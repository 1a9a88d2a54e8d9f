/**
 * The order lifecycle as a table: for each status, the statuses an order may move to next. Every
 * status change goes through `assertTransition`, so the table is the one place the rules live.
 *
 *   PENDING_APPROVAL -> APPROVED | REJECTED | CANCELLED
 *   APPROVED         -> PROCESSING | CANCELLED
 *   PROCESSING       -> SHIPPED | CANCELLED
 *   SHIPPED          -> DELIVERED
 *   DELIVERED, REJECTED, CANCELLED: terminal
 */
export const ORDER_STATUSES = ['PENDING_APPROVAL', 'APPROVED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The allowed transitions; a status with no entries is terminal. Staying in the same status is not a transition. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = Object.freeze({
  PENDING_APPROVAL: Object.freeze(['APPROVED', 'REJECTED', 'CANCELLED'] as const),
  APPROVED: Object.freeze(['PROCESSING', 'CANCELLED'] as const),
  PROCESSING: Object.freeze(['SHIPPED', 'CANCELLED'] as const),
  SHIPPED: Object.freeze(['DELIVERED'] as const),
  DELIVERED: Object.freeze([] as const),
  REJECTED: Object.freeze([] as const),
  CANCELLED: Object.freeze([] as const),
});

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

/** Throws InvalidTransitionError unless the lifecycle allows moving from `from` to `to`. */
export function assertTransition(input: TransitionInput): void {
  if (!canTransition(input)) throw new InvalidTransitionError(input);
}
