import { randomUUID } from 'node:crypto';

import { allows, type EntityManager, isUuid, ok, refused, requireClaims, type Result, userError } from '@dealergraph/runtime';

import type { DealersContext } from '../context.js';
import { checkAssignment, checkWaveName, isPortalOpen } from '../domain/rollout-wave.js';
import { RolloutWave } from '../entities/rollout-wave.entity.js';

/** Most dealers one assignment may name by id (a filter has no limit). */
export const MAX_WAVE_DEALER_IDS = 1000;

export interface WaveRow {
  wave: RolloutWave;
  dealerCount: number;
}

/** Every wave with how many dealers it holds, by opening time. */
export async function listRolloutWaves(ctx: DealersContext): Promise<WaveRow[]> {
  const waves = await ctx.em.find(RolloutWave, {}, { orderBy: { opensAt: 'asc', name: 'asc' } });
  const counts = await ctx.em
    .getConnection()
    .execute<{ wave: string; n: string }[]>(
      `select rollout_wave_id as wave, count(*) as n from "dealers"."dealer" where rollout_wave_id is not null group by rollout_wave_id`,
    );
  const byWave = new Map(counts.map((c) => [c.wave, Number(c.n)]));
  return waves.map((wave) => ({ wave, dealerCount: byWave.get(wave.id) ?? 0 }));
}

function checkOpensAt(opensAt: Date) {
  return Number.isNaN(opensAt.getTime()) ? userError('INVALID_INPUT', 'opensAt is not a valid instant.', ['input', 'opensAt']) : null;
}

/** Staff who run the rollout (SALES_DIRECTOR, GENERAL_MANAGER, ADMIN) define a wave by name and opening time. */
export async function createRolloutWave(ctx: DealersContext, input: { name: string; opensAt: Date }): Promise<Result<WaveRow>> {
  const claims = requireClaims(ctx.claims);
  if (!allows(claims, 'Mutation.createRolloutWave')) return refused(userError('FORBIDDEN', 'Only the rollout managers define waves.'));
  const problem = checkWaveName(input.name);
  if (problem) return refused(userError(problem.code, problem.message, ['input', problem.field]));
  const bad = checkOpensAt(input.opensAt);
  if (bad) return refused(bad);
  const id = randomUUID();
  const rows = await ctx.em
    .getConnection()
    .execute<{ id: string }[]>(
      `insert into "dealers"."rollout_wave" (id, name, opens_at, created_by) values (?, ?, ?, ?) on conflict (name) do nothing returning id`,
      [id, input.name.trim(), input.opensAt, claims.sub],
    );
  if (rows.length === 0) return refused(userError('DUPLICATE_NAME', 'A wave with this name exists.', ['input', 'name']));
  return ok({ wave: await ctx.em.findOneOrFail(RolloutWave, { id }, { refresh: true }), dealerCount: 0 });
}

/**
 * Closes every live session of the users of these dealers: a dealer moved into a wave that is not
 * open yet is signed out (the gateway stops its tokens within seconds) and cannot sign in again.
 */
async function closeSessions(em: EntityManager, where: { sql: string; params: unknown[] }): Promise<void> {
  await em.execute(
    `update "dealers"."session" s set revoked_at = now()
       from "dealers"."user_account" u join "dealers"."dealer" d on d.id = u.dealer_id
      where s.user_id = u.id and s.revoked_at is null and ${where.sql}`,
    where.params,
  );
}

/** Renames a wave or moves its opening; a wave moved into the future signs its dealers out. */
export async function updateRolloutWave(
  ctx: DealersContext,
  input: { id: string; name?: string | null; opensAt?: Date | null },
): Promise<Result<WaveRow>> {
  const claims = requireClaims(ctx.claims);
  if (!allows(claims, 'Mutation.updateRolloutWave')) return refused(userError('FORBIDDEN', 'Only the rollout managers change waves.'));
  if (input.name != null) {
    const problem = checkWaveName(input.name);
    if (problem) return refused(userError(problem.code, problem.message, ['input', problem.field]));
  }
  if (input.opensAt) {
    const bad = checkOpensAt(input.opensAt);
    if (bad) return refused(bad);
  }
  const notFound = refused(userError('NOT_FOUND', 'No wave with this id.', ['input', 'id']));
  if (!isUuid(input.id)) return notFound;
  const result = await ctx.em.transactional(async (em): Promise<Result<RolloutWave>> => {
    const rows = await em.execute<{ id: string }[]>(
      `update "dealers"."rollout_wave" set name = coalesce(?, name), opens_at = coalesce(?::timestamptz, opens_at)
        where id = ? and not exists (select 1 from "dealers"."rollout_wave" o where o.name = ? and o.id <> ?) returning id`,
      [input.name?.trim() ?? null, input.opensAt ?? null, input.id, input.name?.trim() ?? null, input.id],
    );
    if (rows.length === 0) {
      const exists = await em.findOne(RolloutWave, { id: input.id });
      return exists ? refused(userError('DUPLICATE_NAME', 'A wave with this name exists.', ['input', 'name'])) : notFound;
    }
    const wave = await em.findOneOrFail(RolloutWave, { id: input.id }, { refresh: true });
    if (!isPortalOpen({ waveOpensAt: wave.opensAt, now: new Date() }))
      await closeSessions(em, { sql: 'd.rollout_wave_id = ?', params: [wave.id] });
    return ok(wave);
  });
  if (!result.ok) return result;
  const [row] = (await listRolloutWaves(ctx)).filter((w) => w.wave.id === input.id);
  return ok(row!);
}

export interface WaveFilter {
  region?: string | null;
  tier?: string | null;
  dealerType?: string | null;
}

/**
 * Puts dealers into a wave (or, waveId null, into none: open), named by id or by a filter (region,
 * tier, type; all of them match). All or nothing: an unknown id refuses the whole call. Idempotent:
 * the same call again assigns the same dealers. Dealers put into a wave that is not open are signed
 * out in the same transaction. Returns how many dealers the call names.
 */
export async function assignDealersToWave(
  ctx: DealersContext,
  input: { waveId: string | null; dealerIds: string[] | null; filter: WaveFilter | null },
): Promise<Result<{ assigned: number; wave: RolloutWave | null }>> {
  const claims = requireClaims(ctx.claims);
  if (!allows(claims, 'Mutation.assignDealersToWave')) return refused(userError('FORBIDDEN', 'Only the rollout managers assign waves.'));
  const problem = checkAssignment({ dealerIds: input.dealerIds, hasFilter: input.filter !== null, max: MAX_WAVE_DEALER_IDS });
  if (problem) return refused(userError(problem.code, problem.message, ['input', problem.field]));
  const ids = input.dealerIds ? [...new Set(input.dealerIds)] : null;
  const badId = ids?.findIndex((id) => !isUuid(id)) ?? -1;
  if (badId >= 0) return refused(userError('UNKNOWN_DEALER', `No dealer with id ${ids![badId]}.`, ['input', 'dealerIds']));
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (ids) {
    clauses.push('d.id in (?)');
    params.push(ids);
  } else {
    const f = input.filter!;
    for (const [column, value] of [
      ['d.region', f.region],
      ['d.tier', f.tier],
      ['d.dealer_type', f.dealerType],
    ] as const) {
      if (!value) continue;
      clauses.push(`${column} = ?`);
      params.push(value);
    }
    if (!clauses.length)
      return refused(userError('REQUIRED', 'Give the filter at least one of region, tier and dealerType.', ['input', 'filter']));
  }
  const where = { sql: clauses.join(' and '), params };
  return ctx.em.transactional(async (em) => {
    const wave = input.waveId ? (isUuid(input.waveId) ? await em.findOne(RolloutWave, { id: input.waveId }) : null) : null;
    if (input.waveId && !wave) return refused(userError('NOT_FOUND', 'No wave with this id.', ['input', 'waveId']));
    if (ids) {
      const known = await em.execute<{ id: string }[]>(`select id from "dealers"."dealer" d where ${where.sql}`, where.params);
      if (known.length !== ids.length) {
        const found = new Set(known.map((k) => k.id));
        const missing = ids.find((id) => !found.has(id));
        return refused(userError('UNKNOWN_DEALER', `No dealer with id ${missing}.`, ['input', 'dealerIds']));
      }
    }
    const updated = await em.execute<{ id: string }[]>(
      `update "dealers"."dealer" d set rollout_wave_id = ? where ${where.sql} returning d.id`,
      [wave?.id ?? null, ...where.params],
    );
    if (wave && !isPortalOpen({ waveOpensAt: wave.opensAt, now: new Date() })) await closeSessions(em, where);
    return ok({ assigned: updated.length, wave });
  });
}

/** When a dealer's portal opens, or null when it is open now (in no wave, or its wave opened). */
export async function portalOpensAt(em: EntityManager, dealerId: string, now: Date): Promise<Date | null> {
  const [row] = await em.execute<{ opens_at: Date | string | null }[]>(
    `select w.opens_at from "dealers"."dealer" d left join "dealers"."rollout_wave" w on w.id = d.rollout_wave_id where d.id = ?`,
    [dealerId],
  );
  const opensAt = row?.opens_at ? new Date(row.opens_at) : null;
  return isPortalOpen({ waveOpensAt: opensAt, now }) ? null : opensAt;
}
