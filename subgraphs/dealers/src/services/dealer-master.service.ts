import { randomUUID } from 'node:crypto';

import {
  allows,
  type InternalDealerSegment,
  type MasterDataBatchResult,
  type MasterDataRowResult,
  ok,
  refused,
  requireClaims,
  type Result,
  type UserError,
  userError,
} from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { DealersContext } from '../context.js';
import { changedDealerFields, checkDealerMasterData, type DealerMasterData, type DealerMasterInput } from '../domain/dealer-master-data.js';
import { Dealer } from '../entities/dealer.entity.js';
import { MasterDataChange } from '../entities/master-data-change.entity.js';
import { recordMasterDataTierChange } from './tier.service.js';

export type UpsertStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED';

/** A saved upsert: the dealer, what happened, and what is left to do (SEGMENT_NOT_PUBLISHED: send it again). */
export interface UpsertedDealer {
  dealer: Dealer;
  status: UpsertStatus;
  warnings: UserError[];
}

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
export async function upsertDealer(ctx: DealersContext, input: DealerMasterInput): Promise<Result<UpsertedDealer>> {
  const claims = requireClaims(ctx.claims);
  if (!allows(claims, 'Mutation.upsertDealer'))
    return refused(userError('FORBIDDEN', 'Only an ADMIN or an ERP_IMPORT client may change dealer master data.'));
  const checked = checkDealerMasterData(input);
  if (!checked.ok) return refused(...checked.problems.map((p) => userError(p.code, p.message, ['input', p.field])));
  const data = checked.value;
  const { dealer, status } = await ctx.em.transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('dealers.dealer.code'), hashtext(?))`, [data.code]);
    const existing = await em.findOne(Dealer, { code: data.code }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const before = existing ? masterDataOf(existing) : null;
    if (existing && before && changedDealerFields(before, data).length === 0) return { dealer: existing, status: 'UNCHANGED' as const };
    const dealer = existing ?? em.create(Dealer, { id: randomUUID(), ...data });
    if (existing) recordMasterDataTierChange(em, existing, data.tier, { id: claims.sub, name: claims.email ?? null });
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
    const warning = userError(
      'SEGMENT_NOT_PUBLISHED',
      'Saved, but prices or products could not be told yet; send the same upsert again to complete it.',
    );
    return ok({ dealer, status, warnings: [warning] });
  }
  return ok({ dealer, status, warnings: [] });
}

/** Dealer ids by code, any case; unknown codes are left out; answered in the caller's spelling. */
export async function resolveDealerCodes(ctx: DealersContext, codes: readonly string[]): Promise<{ code: string; id: string }[]> {
  const byLower = new Map(codes.map((code) => [code.trim().toLowerCase(), code]));
  if (!byLower.size) return [];
  const rows = await ctx.em.execute<{ id: string; code: string }[]>(`select id, code from "dealers"."dealer" where lower(code) in (?)`, [
    [...byLower.keys()],
  ]);
  return rows.map((r) => ({ code: byLower.get(r.code.toLowerCase()) ?? r.code, id: r.id }));
}

/**
 * Dealers of a DEALERS import, by code: every row checked like upsertDealer (and the same code twice
 * fails both rows with DUPLICATE_KEY), then, unless a dry run or a row failed under all-or-nothing,
 * written with their audit in one transaction. Each row's segment is then sent to prices and
 * products, changed or not (as upsertDealer does), so running the same file again repairs a
 * projection a failed call left behind; a failed call fails the batch (the import is tried again).
 */
export async function upsertDealers(
  ctx: DealersContext,
  inputs: readonly DealerMasterInput[],
  options: { actor: { id: string; name: string | null }; dryRun: boolean; allOrNothing: boolean },
): Promise<MasterDataBatchResult> {
  const checked = inputs.map((input) => checkDealerMasterData(input));
  const count = new Map<string, number>();
  for (const c of checked) if (c.ok) count.set(c.value.code.toLowerCase(), (count.get(c.value.code.toLowerCase()) ?? 0) + 1);
  const { result, dealers } = await ctx.em.transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('dealers.master-data.batch'))`);
    const codes = checked.flatMap((c) => (c.ok ? [c.value.code.toLowerCase()] : []));
    // Codes are matched without case, so "d0001" updates D0001 instead of creating a twin.
    const ids = codes.length
      ? await em.execute<{ id: string }[]>(`select id from "dealers"."dealer" where lower(code) in (?)`, [codes])
      : [];
    const all = ids.length
      ? await em.find(Dealer, { id: { $in: ids.map((e) => e.id) } }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
      : [];
    const byCode = new Map(all.map((d) => [d.code.toLowerCase(), d]));
    const writes: { data: DealerMasterData; dealer: Dealer | null; before: DealerMasterData | null }[] = [];
    const rows: MasterDataRowResult[] = checked.map((c) => {
      if (!c.ok)
        return {
          status: 'FAILED',
          code: c.problems[0]!.code,
          message: c.problems.map((p) => p.message).join(' '),
          field: c.problems[0]!.field,
        };
      if (count.get(c.value.code.toLowerCase())! > 1)
        return {
          status: 'FAILED',
          code: 'DUPLICATE_KEY',
          message: `Dealer code ${c.value.code} appears in more than one row.`,
          field: 'code',
        };
      const dealer = byCode.get(c.value.code.toLowerCase()) ?? null;
      const data = { ...c.value, code: dealer?.code ?? c.value.code };
      const before = dealer ? masterDataOf(dealer) : null;
      if (dealer && before && changedDealerFields(before, data).length === 0) {
        writes.push({ data, dealer, before: null });
        return { status: 'UNCHANGED' };
      }
      writes.push({ data, dealer, before });
      return { status: dealer ? 'UPDATED' : 'CREATED' };
    });
    const failed = rows.some((r) => r.status === 'FAILED');
    const applied = !options.dryRun && !(failed && options.allOrNothing);
    if (!applied) return { result: { applied, rows }, dealers: [] as Dealer[] };
    const touched: Dealer[] = [];
    for (const w of writes) {
      const changed = !w.dealer || w.before !== null;
      const dealer = w.dealer ?? em.create(Dealer, { id: randomUUID(), ...w.data });
      touched.push(dealer);
      if (!changed) continue;
      if (w.dealer) recordMasterDataTierChange(em, w.dealer, w.data.tier, options.actor);
      em.assign(dealer, { ...w.data, updatedAt: new Date() });
      em.persist(dealer);
      em.persist(
        em.create(MasterDataChange, {
          id: randomUUID(),
          subject: 'DEALER',
          subjectId: dealer.id,
          externalKey: w.data.code,
          actorId: options.actor.id,
          actorName: options.actor.name,
          before: w.before,
          after: { ...w.data },
          at: new Date(),
        }),
      );
    }
    return { result: { applied, rows }, dealers: touched };
  });
  for (let i = 0; i < dealers.length; i += 8)
    await Promise.all(dealers.slice(i, i + 8).map((dealer) => publishDealerSegment(ctx, segmentOf(dealer))));
  return result;
}
