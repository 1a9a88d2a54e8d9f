import { randomUUID } from 'node:crypto';

import {
  failedRow,
  type InternalActor,
  type MasterDataBatchOptions,
  type MasterDataBatchResult,
  type MasterDataRowResult,
} from '@dealergraph/runtime';

import type { PricesContext } from '../context.js';
import { checkTierRule, checkVolumeBreak, overlappingBreaks, type VolumeBreakData } from '../domain/price-master-data.js';

type BatchOptions = MasterDataBatchOptions;

interface Change {
  subject: 'TIER_RULE' | 'VOLUME_BREAK';
  key: string;
  before: unknown;
  after: unknown;
}

const duplicates = (keys: readonly (string | null)[]) => {
  const count = new Map<string, number>();
  for (const k of keys) if (k) count.set(k, (count.get(k) ?? 0) + 1);
  return new Set(keys.flatMap((k, i) => (k && count.get(k)! > 1 ? [i] : [])));
};

async function audit(em: PricesContext['em'], actor: InternalActor, changes: readonly Change[]) {
  if (!changes.length) return;
  await em.execute(
    `insert into "prices"."master_data_change" (id, subject, subject_id, external_key, actor_id, actor_name, before, after, at)
     select r.id, r.subject, r.key, r.key, ?, ?, r.before, r.after, now()
       from jsonb_to_recordset(?::jsonb) as r(id uuid, subject text, key text, before jsonb, after jsonb)`,
    [actor.id, actor.name, JSON.stringify(changes.map((c) => ({ id: randomUUID(), ...c, before: c.before ?? null })))],
    'run',
  );
}

/**
 * Tier discounts (TIER_RULES imports): each tier's percentage off the list price, by tier. Equal rows
 * are UNCHANGED; the same tier twice fails both rows. One transaction, under a lock per kind, audited.
 * A new discount prices every dealer of the tier from the next request on.
 */
export async function upsertTierRules(
  ctx: PricesContext,
  inputs: readonly Record<string, unknown>[],
  options: BatchOptions,
): Promise<MasterDataBatchResult> {
  const checked = inputs.map((input) => checkTierRule(input));
  const twice = duplicates(checked.map((c) => (c.ok ? c.value.tier : null)));
  return ctx.em.transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('prices.master-data.TIER_RULE'))`);
    const stored = new Map(
      (await em.execute<{ tier: string; discount_bp: number }[]>(`select tier, discount_bp from "prices"."tier_rule" for update`)).map(
        (r) => [r.tier, r.discount_bp],
      ),
    );
    const changes: Change[] = [];
    const writes: { tier: string; discountBp: number }[] = [];
    const rows = checked.map((c, i): MasterDataRowResult => {
      if (!c.ok) return failedRow(c.problems);
      const { tier, discountBp } = c.value;
      if (twice.has(i)) return failedRow([{ code: 'DUPLICATE_KEY', message: `Tier ${tier} appears in more than one row.`, field: 'tier' }]);
      const before = stored.get(tier);
      if (before === discountBp) return { status: 'UNCHANGED' };
      writes.push({ tier, discountBp });
      changes.push({
        subject: 'TIER_RULE',
        key: tier,
        before: before === undefined ? null : { discountBp: before },
        after: { discountBp },
      });
      return { status: before === undefined ? 'CREATED' : 'UPDATED' };
    });
    const anyFailed = rows.some((r) => r.status === 'FAILED');
    const applied = !options.dryRun && !(anyFailed && options.allOrNothing);
    if (!applied) return { applied, rows };
    for (const w of writes)
      await em.execute(
        `insert into "prices"."tier_rule" (tier, discount_bp) values (?, ?) on conflict (tier) do update set discount_bp = excluded.discount_bp`,
        [w.tier, w.discountBp],
        'run',
      );
    await audit(em, options.actor, changes);
    return { applied, rows };
  });
}

/**
 * The default volume breaks (VOLUME_BREAKS imports): the file is the whole table. Rows are checked
 * alone, then together (overlapping ranges fail every row involved); the table is replaced only when
 * every row is valid (a partial table would price wrongly, so valid rows only does not apply), in
 * one transaction: breaks not in the file are removed. A break equal to the stored one (by
 * min quantity) is UNCHANGED, so the same file twice changes nothing. Audited per break.
 */
export async function replaceVolumeBreaks(
  ctx: PricesContext,
  inputs: readonly Record<string, unknown>[],
  options: BatchOptions,
): Promise<MasterDataBatchResult> {
  const checked = inputs.map((input) => checkVolumeBreak(input));
  const values = checked.map((c) => (c.ok ? c.value : null));
  const overlaps = overlappingBreaks(values);
  const twice = duplicates(values.map((v) => (v ? String(v.minQuantity) : null)));
  return ctx.em.transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('prices.master-data.VOLUME_BREAK'))`);
    const stored = await em.execute<{ min_quantity: number; max_quantity: number | null; discount_bp: number }[]>(
      `select min_quantity, max_quantity, discount_bp from "prices"."volume_break" order by min_quantity for update`,
    );
    const byMin = new Map<number, VolumeBreakData>(
      stored.map((s) => [s.min_quantity, { minQuantity: s.min_quantity, maxQuantity: s.max_quantity, discountBp: s.discount_bp }]),
    );
    const changes: Change[] = [];
    const rows = checked.map((c, i): MasterDataRowResult => {
      if (!c.ok) return failedRow(c.problems);
      if (twice.has(i))
        return failedRow([
          { code: 'DUPLICATE_KEY', message: `minQuantity ${c.value.minQuantity} appears in more than one row.`, field: 'minQuantity' },
        ]);
      if (overlaps.has(i))
        return failedRow([
          { code: 'OVERLAPPING_RANGE', message: `The range from ${c.value.minQuantity} overlaps another row's.`, field: 'minQuantity' },
        ]);
      const before = byMin.get(c.value.minQuantity) ?? null;
      if (before && JSON.stringify(before) === JSON.stringify(c.value)) return { status: 'UNCHANGED' };
      changes.push({ subject: 'VOLUME_BREAK', key: String(c.value.minQuantity), before, after: c.value });
      return { status: before ? 'UPDATED' : 'CREATED' };
    });
    const anyFailed = rows.some((r) => r.status === 'FAILED');
    const applied = !options.dryRun && !anyFailed;
    if (!applied) return { applied, rows };
    const kept = new Set(values.map((v) => v!.minQuantity));
    for (const [min, before] of byMin)
      if (!kept.has(min)) changes.push({ subject: 'VOLUME_BREAK', key: String(min), before, after: { removed: true } });
    if (changes.length) {
      await em.execute(`delete from "prices"."volume_break"`, [], 'run');
      await em.execute(
        `insert into "prices"."volume_break" (min_quantity, max_quantity, discount_bp)
         select r.min_quantity, r.max_quantity, r.discount_bp
           from jsonb_to_recordset(?::jsonb) as r(min_quantity int, max_quantity int, discount_bp int) order by r.min_quantity`,
        [JSON.stringify(values.map((v) => ({ min_quantity: v!.minQuantity, max_quantity: v!.maxQuantity, discount_bp: v!.discountBp })))],
        'run',
      );
    }
    await audit(em, options.actor, changes);
    return { applied, rows };
  });
}
