import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import type { DealersContext } from '../context.js';
import { isPortalOpen } from '../domain/rollout-wave.js';
import * as rollout from '../services/rollout.service.js';
import {
  AssignDealersToWaveInput,
  AssignDealersToWavePayload,
  CreateRolloutWaveInput,
  RolloutWavePayload,
  RolloutWaveType,
  UpdateRolloutWaveInput,
} from './rollout.type.js';

const toWave = (row: rollout.WaveRow): RolloutWaveType => ({
  id: row.wave.id,
  name: row.wave.name,
  opensAt: row.wave.opensAt,
  open: isPortalOpen({ waveOpensAt: row.wave.opensAt, now: new Date() }),
  dealerCount: row.dealerCount,
});

// Who may: the authorization matrix's rows (the rollout managers write, staff read).
@Resolver()
export class RolloutResolver {
  @Authorized()
  @Query(() => [RolloutWaveType], { description: 'The rollout waves by opening time, with their dealer counts; staff.' })
  async rolloutWaves(@Ctx() ctx: DealersContext): Promise<RolloutWaveType[]> {
    return (await rollout.listRolloutWaves(ctx)).map(toWave);
  }

  @Authorized()
  @Mutation(() => RolloutWavePayload, { description: 'Defines a rollout wave: a name and when the portal opens to its dealers.' })
  async createRolloutWave(
    @Arg('input', () => CreateRolloutWaveInput, { description: 'The wave.' }) input: CreateRolloutWaveInput,
    @Ctx() ctx: DealersContext,
  ): Promise<RolloutWavePayload> {
    const result = await rollout.createRolloutWave(ctx, input);
    return result.ok ? { wave: toWave(result.value), userErrors: [] } : { wave: null, userErrors: result.errors };
  }

  @Authorized()
  @Mutation(() => RolloutWavePayload, { description: 'Renames a wave or moves its opening (opensAt now or earlier opens it).' })
  async updateRolloutWave(
    @Arg('input', () => UpdateRolloutWaveInput, { description: 'What to change.' }) input: UpdateRolloutWaveInput,
    @Ctx() ctx: DealersContext,
  ): Promise<RolloutWavePayload> {
    const result = await rollout.updateRolloutWave(ctx, input);
    return result.ok ? { wave: toWave(result.value), userErrors: [] } : { wave: null, userErrors: result.errors };
  }

  @Authorized()
  @Mutation(() => AssignDealersToWavePayload, {
    description:
      'Puts dealers into a wave (or none: open), by list or filter; all or nothing, idempotent. Dealers put into a wave that is not open are signed out and refused at sign-in with PORTAL_NOT_OPEN; staff still order for them.',
  })
  async assignDealersToWave(
    @Arg('input', () => AssignDealersToWaveInput, { description: 'The wave and the dealers.' }) input: AssignDealersToWaveInput,
    @Ctx() ctx: DealersContext,
  ): Promise<AssignDealersToWavePayload> {
    const result = await rollout.assignDealersToWave(ctx, {
      waveId: input.waveId ?? null,
      dealerIds: input.dealerIds ?? null,
      filter: input.filter ?? null,
    });
    if (!result.ok) return { assigned: 0, wave: null, userErrors: result.errors };
    const wave = result.value.wave ? (await rollout.listRolloutWaves(ctx)).find((w) => w.wave.id === result.value.wave!.id) : undefined;
    return { assigned: result.value.assigned, wave: wave ? toWave(wave) : null, userErrors: [] };
  }
}
