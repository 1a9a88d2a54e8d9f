import { allows, normalizeId, ok, refused, requireClaims, type Result, userError } from '@dealergraph/runtime';
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
export async function updateDealerSecurityPolicy(
  ctx: DealersContext,
  change: DealerSecurityPolicyChange,
): Promise<Result<DealerSecurityPolicy>> {
  const claims = requireClaims(ctx.claims);
  const dealerId = normalizeId(change.dealerId);
  // The authorization matrix's row first (DEALER_ADMIN, ADMIN), then whose dealer it is.
  if (!allows(claims, 'Mutation.updateDealerSecurityPolicy') || !dealerId || !mayAdministerDealer({ claims, dealerId })) {
    return refused(
      userError('FORBIDDEN', 'Only an ADMIN, or the DEALER_ADMIN of this dealer, may change its security settings.', ['dealerId']),
    );
  }
  let ranges: string[] | undefined;
  if (change.ipAllowList) {
    const parsed = parseAllowList({ entries: change.ipAllowList });
    if (!parsed.ok) {
      return refused(
        ...parsed.problems.map((p) =>
          userError('INVALID_CIDR', `"${p.entry}": ${p.reason}. Use CIDR ranges such as 203.0.113.0/24 or 2001:db8::/48.`, [
            'ipAllowList',
            String(p.index),
          ]),
        ),
      );
    }
    ranges = parsed.ranges;
    const ip = ctx.client?.ip ?? null;
    if (claims.dealerId === dealerId && !change.confirmOwnAddressExcluded && !isAddressAllowed({ ip, allowList: ranges })) {
      return refused(
        userError(
          'OWN_ADDRESS_EXCLUDED',
          `The list leaves out your current address (${ip ?? 'unknown'}): you would be shut out. Add it, or confirm with confirmOwnAddressExcluded.`,
          ['ipAllowList'],
        ),
      );
    }
  }
  return ctx.em.transactional(async (em) => {
    // The caller's row as it is now, not the token's role: a demoted or disabled admin changes nothing.
    const actor = await em.findOne(User, { id: claims.sub }, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
    const current = actor && actor.active ? { ...claims, role: actor.role, dealerId: actor.dealer?.id ?? null } : null;
    if (!current || !allows(current, 'Mutation.updateDealerSecurityPolicy') || !mayAdministerDealer({ claims: current, dealerId })) {
      return refused(userError('FORBIDDEN', 'Your account may no longer change these settings.', ['dealerId']));
    }
    const dealer = await em.findOne(Dealer, { id: dealerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!dealer) return refused(userError('NOT_FOUND', 'No dealer has this id.', ['dealerId']));
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
    return ok(after);
  });
}
