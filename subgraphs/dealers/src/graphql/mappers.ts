import { APPROVAL_LEVEL, isStaffRole } from '@dealergraph/runtime';
import type { Dealer } from '../entities/dealer.entity.js';
import type { User } from '../entities/user.entity.js';
import type { DealerType } from './dealer.type.js';
import type { DealerTierEnum, RoleEnum } from './enums.js';
import type { UserType } from './user.type.js';

export function toDealerType(dealer: Dealer): DealerType {
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
export function toUserType(user: User): Omit<UserType, 'dealer'> & { dealerId: string | null } {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role as RoleEnum,
    approvalLevel: isStaffRole(user.role) ? APPROVAL_LEVEL[user.role] : 0,
    dealerId: user.dealer?.id ?? null,
  };
}
