/** The roles clients see. Dealer roles act for one dealer; staff roles act for the distributor. */
export const DEALER_ROLES = ['DEALER_ADMIN', 'ORDER_ENTRY', 'VIEW_ONLY'] as const;
export const STAFF_ROLES = ['SALES_REP', 'REGIONAL_MANAGER', 'SALES_DIRECTOR', 'FINANCE', 'GENERAL_MANAGER', 'ADMIN'] as const;

export type DealerRole = (typeof DEALER_ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = DealerRole | StaffRole;

/** Approval level of each staff role (1-5); ADMIN administers the portal and approves nothing. */
export const APPROVAL_LEVEL: Readonly<Record<StaffRole, number>> = {
  SALES_REP: 1,
  REGIONAL_MANAGER: 2,
  SALES_DIRECTOR: 3,
  FINANCE: 4,
  GENERAL_MANAGER: 5,
  ADMIN: 0,
};

/** The approval level a role decides at: its staff level; 0 (approves nothing) for dealer roles and ADMIN. */
export function approvalLevelOf(role: string): number {
  return isStaffRole(role) ? APPROVAL_LEVEL[role] : 0;
}

/** The staff role that decides at `level` (LEVEL_n for a level no role has). */
export function approvalRoleOf(level: number): string {
  return Object.entries(APPROVAL_LEVEL).find(([role, l]) => l === level && role !== 'ADMIN')?.[0] ?? `LEVEL_${level}`;
}

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

export function isDealerRole(role: string): role is DealerRole {
  return (DEALER_ROLES as readonly string[]).includes(role);
}
