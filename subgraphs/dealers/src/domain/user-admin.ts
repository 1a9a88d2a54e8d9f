import { isDealerRole, isStaffRole, type Role } from '@dealergraph/runtime';

/** Who acts: a user's role and dealer (null for staff). */
export interface AdminActor {
  role: Role;
  dealerId: string | null;
}

/** A refusal of a user administration rule, as a userError. */
export interface AdminRefusal {
  code: 'FORBIDDEN' | 'INVALID_ROLE' | 'ROLE_ABOVE_YOURS' | 'LAST_ADMIN';
  message: string;
}

/** How much a role may do: dealer roles below staff, ADMIN above all. */
export function roleRank(role: Role): number {
  switch (role) {
    case 'VIEW_ONLY':
      return 1;
    case 'ORDER_ENTRY':
      return 2;
    case 'DEALER_ADMIN':
      return 3;
    case 'ADMIN':
      return 100;
    default:
      return 10;
  }
}

/** The role that keeps a group of users administered: DEALER_ADMIN for a dealer, ADMIN for staff. */
export function adminRoleOf(dealerId: string | null): Role {
  return dealerId ? 'DEALER_ADMIN' : 'ADMIN';
}

/**
 * Whether the actor administers the users of a dealer (dealerId) or the staff (null): ADMIN all of
 * them, a DEALER_ADMIN their own dealer's only.
 */
export function administers(input: { actor: AdminActor; dealerId: string | null }): boolean {
  if (input.actor.role === 'ADMIN') return true;
  return input.actor.role === 'DEALER_ADMIN' && !!input.dealerId && input.actor.dealerId === input.dealerId;
}

/**
 * Whether the actor may give `role` to a user of that dealer (or staff): dealer users hold dealer
 * roles and staff staff roles, and nobody grants a role above their own.
 */
export function roleGrantRefusal(input: { actor: AdminActor; dealerId: string | null; role: Role }): AdminRefusal | null {
  const { actor, dealerId, role } = input;
  if (dealerId ? !isDealerRole(role) : !isStaffRole(role)) {
    return {
      code: 'INVALID_ROLE',
      message: dealerId ? `${role} is not a dealer role: use DEALER_ADMIN, ORDER_ENTRY or VIEW_ONLY.` : `${role} is not a staff role.`,
    };
  }
  if (roleRank(role) > roleRank(actor.role))
    return { code: 'ROLE_ABOVE_YOURS', message: `You cannot grant ${role}, a role above your own (${actor.role}).` };
  return null;
}

/**
 * Refuses a change that would leave a dealer (or the staff) without an active administrator:
 * `activeAdminsAfter` counts the active DEALER_ADMINs (ADMINs for staff) once the change is made.
 */
export function lastAdminRefusal(input: { dealerId: string | null; activeAdminsAfter: number }): AdminRefusal | null {
  if (input.activeAdminsAfter > 0) return null;
  const role = adminRoleOf(input.dealerId);
  return {
    code: 'LAST_ADMIN',
    message: `This would leave ${input.dealerId ? 'the dealer' : 'the staff'} without an active ${role}: make someone else ${role} first.`,
  };
}
