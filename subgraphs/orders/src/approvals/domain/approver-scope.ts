/**
 * Whose orders an approver decides: a SALES_REP their own dealers', a REGIONAL_MANAGER their
 * region's, a SALES_DIRECTOR and up everyone's. The order carries its dealer's rep and region as they
 * were when it was placed (a snapshot), so a later change of rep does not move decided history.
 */

export type ApproverScope =
  | { kind: 'ALL' }
  | { kind: 'DEALERS_OF_REP'; userId: string }
  | { kind: 'REGION'; region: string }
  /** Approves nothing (not an approver, or a manager without a region). */
  | { kind: 'NONE' };

/** The scope of a staff user from their role and, for a manager, their region. */
export function approverScope({ role, userId, region }: { role: string; userId: string; region: string | null }): ApproverScope {
  if (role === 'SALES_DIRECTOR' || role === 'FINANCE' || role === 'GENERAL_MANAGER') return { kind: 'ALL' };
  if (role === 'SALES_REP') return { kind: 'DEALERS_OF_REP', userId };
  if (role === 'REGIONAL_MANAGER') return region ? { kind: 'REGION', region } : { kind: 'NONE' };
  return { kind: 'NONE' };
}

/** Whether an order (its dealer's rep and region at placement) is inside the scope. */
export function inScope(scope: ApproverScope, order: { salesRepUserId: string | null; dealerRegion: string | null }): boolean {
  switch (scope.kind) {
    case 'ALL':
      return true;
    case 'DEALERS_OF_REP':
      return order.salesRepUserId === scope.userId;
    case 'REGION':
      return order.dealerRegion === scope.region;
    case 'NONE':
      return false;
  }
}
