import { APPROVAL_LEVEL, isStaffRole } from '@dealergraph/runtime';

import type { User } from '../entities/user.entity.js';
import type { DealerRow, UserRow } from '../loaders/dealer.queries.js';
import type { DealerType } from './dealer.type.js';
import type { DealerTierEnum, RoleEnum } from './enums.js';
import type { UserType } from './user.type.js';

export function toDealerType(dealer: DealerRow): DealerType {
  return {
    id: dealer.id,
    code: dealer.code,
    name: dealer.name,
    tier: dealer.tier as DealerTierEnum,
    region: dealer.region,
    city: dealer.city,
    email: dealer.email,
    phone: dealer.phone,
  };
}

/** The user's dealer is resolved by the field resolver, through the loader. */
/** From the row `me` reads, or from the entity sign-in holds. */
export function toUserType(user: UserRow | User): Omit<UserType, 'dealer'> & { dealerId: string | null } {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role as RoleEnum,
    approvalLevel: isStaffRole(user.role) ? APPROVAL_LEVEL[user.role] : 0,
    dealerId: 'dealerId' in user ? user.dealerId : (user.dealer?.id ?? null),
    // `me` reads active users only.
    active: 'active' in user ? user.active : true,
  };
}
