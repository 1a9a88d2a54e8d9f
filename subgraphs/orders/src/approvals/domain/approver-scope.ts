/**
 * Whose orders an approver decides: a SALES_REP their own dealers', a REGIONAL_MANAGER their
 * region's, a SALES_DIRECTOR and up everyone's, a DEALER_ADMIN their own dealer's (its own steps). The order carries its dealer's rep and region as they
 * were when it was placed (a snapshot), so a later change of rep does not move decided history.
 */

export type ApproverScope =
  | { kind: 'ALL' }
  | { kind: 'DEALERS_OF_REP'; userId: string }
  | { kind: 'REGION'; region: string }
  /** A DEALER_ADMIN: their own dealer's orders (which of its steps they decide: approval-areas.ts). */
  | { kind: 'DEALER'; dealerId: string }
  /** Approves nothing (not an approver, or a manager without a region). */
  | { kind: 'NONE' };

/** The scope of a user from their role and, for a manager, their region; for a DEALER_ADMIN, their dealer. */
export function approverScope({
  role,
  userId,
  region,
  dealerId = null,
}: {
  role: string;
  userId: string;
  region: string | null;
  dealerId?: string | null;
}): ApproverScope {
  if (role === 'DEALER_ADMIN') return dealerId ? { kind: 'DEALER', dealerId } : { kind: 'NONE' };
  if (role === 'SALES_DIRECTOR' || role === 'FINANCE' || role === 'GENERAL_MANAGER') return { kind: 'ALL' };
  if (role === 'SALES_REP') return { kind: 'DEALERS_OF_REP', userId };
  if (role === 'REGIONAL_MANAGER') return region ? { kind: 'REGION', region } : { kind: 'NONE' };
  return { kind: 'NONE' };
}

/** Whether an order (its dealer, and the dealer's rep and region at placement) is inside the scope. */
export function inScope(
  scope: ApproverScope,
  order: { salesRepUserId: string | null; dealerRegion: string | null; dealerId?: string | null },
): boolean {
  switch (scope.kind) {
    case 'ALL':
      return true;
    case 'DEALERS_OF_REP':
      return order.salesRepUserId === scope.userId;
    case 'REGION':
      return order.dealerRegion === scope.region;
    case 'DEALER':
      return order.dealerId === scope.dealerId;
    case 'NONE':
      return false;
  }
}
