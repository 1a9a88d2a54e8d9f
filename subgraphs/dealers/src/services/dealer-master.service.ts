import { randomUUID } from 'node:crypto';

import { allows, type InternalDealerSegment, requireClaims } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { DealersContext } from '../context.js';
import {
  changedDealerFields,
  checkDealerMasterData,
  type DealerInputProblem,
  type DealerMasterData,
  type DealerMasterInput,
} from '../domain/dealer-master-data.js';
import { Dealer } from '../entities/dealer.entity.js';
import { MasterDataChange } from '../entities/master-data-change.entity.js';

export type UpsertStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED';

export interface UpsertDealerError {
  code: DealerInputProblem['code'] | 'FORBIDDEN' | 'SEGMENT_NOT_PUBLISHED';
  message: string;
  field?: string[];
}

export type UpsertDealerResult =
  { ok: true; dealer: Dealer; status: UpsertStatus; errors: UpsertDealerError[] } | { ok: false; errors: UpsertDealerError[] };

const masterDataOf = (dealer: Dealer): DealerMasterData => ({
  code: dealer.code,
  name: dealer.name,
  tier: dealer.tier,
  dealerType: dealer.dealerType,
  region: dealer.region,
  city: dealer.city,
  email: dealer.email,
  phone: dealer.phone,
  contractType: dealer.contractType,
  active: dealer.active,
});

export const segmentOf = (dealer: Dealer): InternalDealerSegment => ({
  dealerId: dealer.id,
  tier: dealer.tier,
  region: dealer.region,
  dealerType: dealer.dealerType,
});

/**
 * Sends a dealer's segment to prices and products, which keep it as a projection (they join it into
 * their queries) and never write it otherwise. Called after every upsert, changed or not, so a repeat
 * of the same upsert also repairs a projection a failed call left behind. Both calls are idempotent.
 */
export async function publishDealerSegment(ctx: DealersContext, segment: InternalDealerSegment): Promise<void> {
  const services = ctx.services;
  if (!services) throw new Error('dealers: no internal clients for prices and products');
  await Promise.all([services.prices.call('setDealerSegment', segment), services.products.call('setDealerSegment', segment)]);
}

/**
 * Creates or updates a dealer by its code (the ERP's customer number): ADMIN, or an API client with
 * ERP_IMPORT. Idempotent: the same input again changes nothing and writes no audit. Concurrent
 * upserts of one code take a transaction-scoped advisory lock on it, so a burst leaves one dealer.
 * The change and its audit (who, when, before, after) are one transaction; then the segment goes to
 * prices and products.
 */
export async function upsertDealer(ctx: DealersContext, input: DealerMasterInput): Promise<UpsertDealerResult> {
  const claims = requireClaims(ctx.claims);
  if (!allows(claims, 'Mutation.upsertDealer'))
    return { ok: false, errors: [{ code: 'FORBIDDEN', message: 'Only an ADMIN or an ERP_IMPORT client may change dealer master data.' }] };
  const checked = checkDealerMasterData(input);
  if (!checked.ok)
    return { ok: false, errors: checked.problems.map((p) => ({ code: p.code, message: p.message, field: ['input', p.field] })) };
  const data = checked.value;
  const { dealer, status } = await ctx.em.transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('dealers.dealer.code'), hashtext(?))`, [data.code]);
    const existing = await em.findOne(Dealer, { code: data.code }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const before = existing ? masterDataOf(existing) : null;
    if (existing && before && changedDealerFields(before, data).length === 0) return { dealer: existing, status: 'UNCHANGED' as const };
    const dealer = existing ?? em.create(Dealer, { id: randomUUID(), ...data });
    em.assign(dealer, { ...data, updatedAt: new Date() });
    em.persist(dealer);
    em.persist(
      em.create(MasterDataChange, {
        id: randomUUID(),
        subject: 'DEALER',
        subjectId: dealer.id,
        externalKey: data.code,
        actorId: claims.sub,
        actorName: claims.email ?? null,
        before,
        after: { ...data },
        at: new Date(),
      }),
    );
    return { dealer, status: existing ? ('UPDATED' as const) : ('CREATED' as const) };
  });
  try {
    await publishDealerSegment(ctx, segmentOf(dealer));
  } catch (error) {
    ctx.logger?.error('dealer segment not published', { dealerId: dealer.id, error: String(error) });
    return {
      ok: true,
      dealer,
      status,
      errors: [
        {
          code: 'SEGMENT_NOT_PUBLISHED',
          message: 'Saved, but prices or products could not be told yet; send the same upsert again to complete it.',
        },
      ],
    };
  }
  return { ok: true, dealer, status, errors: [] };
}
