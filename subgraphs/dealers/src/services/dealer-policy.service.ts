import { allows, normalizeId, requireClaims } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { DealersContext } from '../context.js';
import { mayAdministerDealer } from '../domain/dealer-administration.js';
import { isAddressAllowed, parseAllowList } from '../domain/ip-allow-list.js';
import { Dealer } from '../entities/dealer.entity.js';
import { User } from '../entities/user.entity.js';
import { recordSecurityEvent } from './security-event.service.js';

/** A dealer's security settings. */
export interface DealerSecurityPolicy {
  dealerId: string;
  mfaRequired: boolean;
  ipAllowList: string[];
}

/** What to change; what is left out stays. */
export interface DealerSecurityPolicyChange {
  dealerId: string;
  mfaRequired?: boolean | null;
  ipAllowList?: string[] | null;
  /** The caller knows the new list leaves out their own current address (they will be shut out). */
  confirmOwnAddressExcluded?: boolean | null;
}

export interface PolicyError {
  code: 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_CIDR' | 'OWN_ADDRESS_EXCLUDED';
  message: string;
  field?: string[];
}

export type PolicyResult = { ok: true; value: DealerSecurityPolicy } | { ok: false; errors: PolicyError[] };

const policyOf = (dealer: Dealer): DealerSecurityPolicy => ({
  dealerId: dealer.id,
  mfaRequired: dealer.mfaRequired,
  ipAllowList: dealer.ipAllowList,
});

/** A dealer's security settings, for its DEALER_ADMIN or an ADMIN; null for anyone else. */
export async function findDealerSecurityPolicy(ctx: DealersContext, dealerId: string): Promise<DealerSecurityPolicy | null> {
  const id = normalizeId(dealerId);
  if (!id || !mayAdministerDealer({ claims: ctx.claims, dealerId: id })) return null;
  const dealer = await ctx.em.findOne(Dealer, { id });
  return dealer ? policyOf(dealer) : null;
}

/**
 * Changes a dealer's MFA requirement and address allow-list (DEALER_ADMIN of the dealer, or ADMIN).
 * Every entry must be an IPv4 or IPv6 address or CIDR range; a list that leaves out the caller's own
 * current address (a user of this dealer) is refused unless confirmed. The change and its audit event
 * are one transaction, under a row lock so concurrent edits apply one after the other.
 */
export async function updateDealerSecurityPolicy(ctx: DealersContext, change: DealerSecurityPolicyChange): Promise<PolicyResult> {
  const claims = requireClaims(ctx.claims);
  const dealerId = normalizeId(change.dealerId);
  // The authorization matrix's row first (DEALER_ADMIN, ADMIN), then whose dealer it is.
  if (!allows(claims, 'Mutation.updateDealerSecurityPolicy') || !dealerId || !mayAdministerDealer({ claims, dealerId })) {
    return {
      ok: false,
      errors: [
        {
          code: 'FORBIDDEN',
          message: 'Only an ADMIN, or the DEALER_ADMIN of this dealer, may change its security settings.',
          field: ['dealerId'],
        },
      ],
    };
  }
  let ranges: string[] | undefined;
  if (change.ipAllowList) {
    const parsed = parseAllowList({ entries: change.ipAllowList });
    if (!parsed.ok) {
      return {
        ok: false,
        errors: parsed.problems.map((p) => ({
          code: 'INVALID_CIDR' as const,
          message: `"${p.entry}": ${p.reason}. Use CIDR ranges such as 203.0.113.0/24 or 2001:db8::/48.`,
          field: ['ipAllowList', String(p.index)],
        })),
      };
    }
    ranges = parsed.ranges;
    const ip = ctx.client?.ip ?? null;
    if (claims.dealerId === dealerId && !change.confirmOwnAddressExcluded && !isAddressAllowed({ ip, allowList: ranges })) {
      return {
        ok: false,
        errors: [
          {
            code: 'OWN_ADDRESS_EXCLUDED',
            message: `The list leaves out your current address (${ip ?? 'unknown'}): you would be shut out. Add it, or confirm with confirmOwnAddressExcluded.`,
            field: ['ipAllowList'],
          },
        ],
      };
    }
  }
  return ctx.em.transactional(async (em) => {
    // The caller's row as it is now, not the token's role: a demoted or disabled admin changes nothing.
    const actor = await em.findOne(User, { id: claims.sub }, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
    const current = actor && actor.active ? { ...claims, role: actor.role, dealerId: actor.dealer?.id ?? null } : null;
    if (!current || !allows(current, 'Mutation.updateDealerSecurityPolicy') || !mayAdministerDealer({ claims: current, dealerId })) {
      return {
        ok: false as const,
        errors: [{ code: 'FORBIDDEN' as const, message: 'Your account may no longer change these settings.', field: ['dealerId'] }],
      };
    }
    const dealer = await em.findOne(Dealer, { id: dealerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!dealer)
      return { ok: false as const, errors: [{ code: 'NOT_FOUND' as const, message: 'No dealer has this id.', field: ['dealerId'] }] };
    const before = policyOf(dealer);
    if (typeof change.mfaRequired === 'boolean') dealer.mfaRequired = change.mfaRequired;
    if (ranges) dealer.ipAllowList = ranges;
    const after = policyOf(dealer);
    recordSecurityEvent(ctx, em, {
      kind: 'DEALER_POLICY_CHANGED',
      userId: claims.sub,
      email: claims.email,
      dealerId,
      detail: {
        before: { mfaRequired: before.mfaRequired, ipAllowList: before.ipAllowList },
        after: { mfaRequired: after.mfaRequired, ipAllowList: after.ipAllowList },
      },
    });
    return { ok: true as const, value: after };
  });
}
