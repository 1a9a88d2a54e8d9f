import { randomUUID } from 'node:crypto';

import type { InternalActor, MasterDataBatchResult, MasterDataRowResult } from '@dealergraph/runtime';

import type { CreditContext } from '../context.js';
import { changedCreditFields, checkCreditAccount, type CreditAccountData } from '../domain/credit-account-master.js';

/** One account of a batch: the dealer (resolved from its code by the caller), its code, and the raw values. */
export interface CreditAccountRow {
  dealerId: string;
  dealerCode: string;
  values: Record<string, unknown>;
}

interface StoredAccount {
  dealer_id: string;
  credit_limit: string | number;
  currency: string;
  payment_terms_days: number;
  exceedance_policy: CreditAccountData['exceedancePolicy'];
}

const dataOf = (a: StoredAccount): CreditAccountData => ({
  limit: Number(a.credit_limit),
  currency: a.currency,
  paymentTermsDays: a.payment_terms_days,
  exceedancePolicy: a.exceedance_policy,
});

/**
 * Credit accounts by dealer (upsertCreditAccount, CREDIT_ACCOUNTS imports): opened when the dealer has
 * none, else updated; equal values change nothing and write no audit. Each row is checked by
 * domain/credit-account-master.ts (setCreditLimit's limit rule included); an account keeps its
 * currency (CURRENCY_MISMATCH); a dealer twice fails both rows (DUPLICATE_KEY). The accounts are
 * locked in dealer order, like holds, so a change never interleaves with a credit decision. Every
 * change is audited in master_data_change (who, when, before, after), and a limit or policy change
 * also in credit_limit_change, the trail setCreditLimit keeps.
 */
export async function upsertCreditAccounts(
  ctx: CreditContext,
  rows: readonly CreditAccountRow[],
  options: { actor: InternalActor; dryRun: boolean; allOrNothing: boolean; reason: string },
): Promise<MasterDataBatchResult> {
  const checked = rows.map((r) => checkCreditAccount(r.values));
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.dealerId, (count.get(r.dealerId) ?? 0) + 1);
  return ctx.em.transactional(async (tx) => {
    const ids = [...new Set(rows.map((r) => r.dealerId))].sort();
    const stored = ids.length
      ? await tx.execute<StoredAccount[]>(
          `select dealer_id, credit_limit, currency, payment_terms_days, exceedance_policy from "credit"."credit_account"
            where dealer_id in (?) order by dealer_id for update`,
          [ids],
        )
      : [];
    const byDealer = new Map(stored.map((a) => [a.dealer_id, dataOf(a)]));
    const writes: { row: CreditAccountRow; before: CreditAccountData | null; after: CreditAccountData }[] = [];
    const results = checked.map((c, i): MasterDataRowResult => {
      const row = rows[i]!;
      if (!c.ok)
        return {
          status: 'FAILED',
          code: c.problems[0]!.code,
          message: c.problems.map((p) => p.message).join(' '),
          field: c.problems[0]!.field,
        };
      if (count.get(row.dealerId)! > 1)
        return {
          status: 'FAILED',
          code: 'DUPLICATE_KEY',
          message: `Dealer ${row.dealerCode} appears in more than one row.`,
          field: 'dealerCode',
        };
      const before = byDealer.get(row.dealerId) ?? null;
      if (before && before.currency !== c.value.currency)
        return {
          status: 'FAILED',
          code: 'CURRENCY_MISMATCH',
          message: `The account of ${row.dealerCode} is kept in ${before.currency}; its currency does not change.`,
          field: 'currency',
        };
      if (before && changedCreditFields(before, c.value).length === 0) return { status: 'UNCHANGED' };
      writes.push({ row, before, after: c.value });
      return { status: before ? 'UPDATED' : 'CREATED' };
    });
    const failed = results.some((r) => r.status === 'FAILED');
    const applied = !options.dryRun && !(failed && options.allOrNothing);
    if (!applied || !writes.length) return { applied, rows: results };
    const at = ctx.now();
    await tx.execute(
      `insert into "credit"."credit_account" (dealer_id, credit_limit, currency, exceedance_policy, payment_terms_days, updated_at)
       select r.dealer_id, r.credit_limit, r.currency, r.exceedance_policy, r.payment_terms_days, ?
         from jsonb_to_recordset(?::jsonb) as r(dealer_id uuid, credit_limit bigint, currency text, exceedance_policy text, payment_terms_days int)
       on conflict (dealer_id) do update set credit_limit = excluded.credit_limit, exceedance_policy = excluded.exceedance_policy,
              payment_terms_days = excluded.payment_terms_days, updated_at = excluded.updated_at`,
      [
        at,
        JSON.stringify(
          writes.map((w) => ({
            dealer_id: w.row.dealerId,
            credit_limit: w.after.limit,
            currency: w.after.currency,
            exceedance_policy: w.after.exceedancePolicy,
            payment_terms_days: w.after.paymentTermsDays,
          })),
        ),
      ],
      'run',
    );
    const audits = writes.map((w) => ({
      id: randomUUID(),
      subject: 'CREDIT_ACCOUNT',
      subject_id: w.row.dealerId,
      external_key: w.row.dealerCode,
      before: w.before,
      after: w.after,
    }));
    await tx.execute(
      `insert into "credit"."master_data_change" (id, subject, subject_id, external_key, actor_id, actor_name, before, after, at)
       select r.id, r.subject, r.subject_id, r.external_key, ?, ?, r.before, r.after, ?
         from jsonb_to_recordset(?::jsonb) as r(id uuid, subject text, subject_id uuid, external_key text, before jsonb, after jsonb)`,
      [options.actor.id, options.actor.name, at, JSON.stringify(audits)],
      'run',
    );
    const limitChanges = writes
      .filter((w) => w.before && (w.before.limit !== w.after.limit || w.before.exceedancePolicy !== w.after.exceedancePolicy))
      .map((w) => ({
        id: randomUUID(),
        dealer_id: w.row.dealerId,
        old_limit: w.before!.limit,
        new_limit: w.after.limit,
        old_policy: w.before!.exceedancePolicy,
        new_policy: w.after.exceedancePolicy,
      }));
    if (limitChanges.length)
      await tx.execute(
        `insert into "credit"."credit_limit_change" (id, dealer_id, changed_by, changed_by_email, changed_at, old_limit, new_limit, old_policy, new_policy, reason)
         select r.id, r.dealer_id, ?, ?, ?, r.old_limit, r.new_limit, r.old_policy, r.new_policy, ?
           from jsonb_to_recordset(?::jsonb) as r(id uuid, dealer_id uuid, old_limit bigint, new_limit bigint, old_policy text, new_policy text)`,
        [options.actor.id, options.actor.name ?? options.actor.id, at, options.reason, JSON.stringify(limitChanges)],
        'run',
      );
    return { applied, rows: results };
  });
}
