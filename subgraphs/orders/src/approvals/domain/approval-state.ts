/** Where an order stands with its approvals, as the dealer is shown it. */
export type ApprovalState = 'NOT_REQUIRED' | 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

/** What the approval state is made of: the order's status and its chain of steps. */
export interface ApprovalStateInput {
  status: string;
  steps: readonly { position: number; status: string }[];
}

/**
 * The approval state of an order: PENDING while it waits for an approver, APPROVED once its chain is
 * through (whatever happened to it after), REJECTED when an approver said no, WITHDRAWN when it was
 * cancelled while still waiting, NOT_REQUIRED when no rule asked for an approval.
 */
export function approvalStateOf({ status, steps }: ApprovalStateInput): ApprovalState {
  if (status === 'PENDING_APPROVAL') return 'PENDING';
  if (status === 'REJECTED' || steps.some((s) => s.status === 'REJECTED')) return 'REJECTED';
  if (steps.length === 0) return 'NOT_REQUIRED';
  if (steps.some((s) => s.status === 'PENDING')) return 'WITHDRAWN';
  return 'APPROVED';
}

/** The step that waits for a decision now: the first pending one of a pending order; null otherwise. */
export function currentStepOf<T extends { position: number; status: string }>({
  status,
  steps,
}: {
  status: string;
  steps: readonly T[];
}): T | null {
  if (status !== 'PENDING_APPROVAL') return null;
  return [...steps].sort((a, b) => a.position - b.position).find((s) => s.status === 'PENDING') ?? null;
}
