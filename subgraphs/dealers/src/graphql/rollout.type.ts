import { UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { DealerTierEnum } from './enums.js';

@ObjectType('RolloutWave', { description: 'A rollout wave: the portal opens to its dealers at `opensAt`. Dealers in no wave are open.' })
export class RolloutWaveType {
  @Field(() => ID, { description: 'The wave.' })
  id!: string;

  @Field({ description: 'Its name, e.g. "Pilot", "Wave 1".' })
  name!: string;

  @Field(() => Date, { description: "When its dealers' users may sign in." })
  opensAt!: Date;

  @Field({ description: 'True once opensAt has passed.' })
  open!: boolean;

  @Field(() => Int, { description: 'How many dealers it holds.' })
  dealerCount!: number;
}

@InputType({ description: 'A new rollout wave.' })
export class CreateRolloutWaveInput {
  @Field({ description: 'Its name (unique, up to 100 characters).' })
  name!: string;

  @Field(() => Date, { description: 'When it opens.' })
  opensAt!: Date;
}

@InputType({ description: 'Changes to a rollout wave; fields left out stay.' })
export class UpdateRolloutWaveInput {
  @Field(() => ID, { description: 'The wave.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new name.' })
  name?: string | null;

  @Field(() => Date, { nullable: true, description: 'A new opening time (now or earlier opens it; a later one signs its dealers out).' })
  opensAt?: Date | null;
}

@ObjectType({ description: 'The result of creating or changing a wave.' })
export class RolloutWavePayload {
  @Field(() => RolloutWaveType, { nullable: true, description: 'The wave; null when refused.' })
  wave!: RolloutWaveType | null;

  @Field(() => [UserError], { description: 'FORBIDDEN, NOT_FOUND, REQUIRED, TOO_LONG, INVALID_INPUT or DUPLICATE_NAME.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Which dealers an assignment takes: all of the given criteria match.' })
export class WaveDealerFilterInput {
  @Field(() => String, { nullable: true, description: 'Sales region.' })
  region?: string | null;

  @Field(() => DealerTierEnum, { nullable: true, description: 'Tier.' })
  tier?: DealerTierEnum | null;

  @Field(() => String, { nullable: true, description: 'DISTRIBUTOR, WHOLESALER or RETAILER.' })
  dealerType?: string | null;
}

@InputType({ description: 'Dealers into a wave, by list or by filter (exactly one).' })
export class AssignDealersToWaveInput {
  @Field(() => ID, { nullable: true, description: 'The wave; null takes the dealers out of every wave (open).' })
  waveId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The dealers (up to 1,000).' })
  dealerIds?: string[] | null;

  @Field(() => WaveDealerFilterInput, { nullable: true, description: 'Or every dealer matching this filter.' })
  filter?: WaveDealerFilterInput | null;
}

@ObjectType({ description: 'The result of an assignment.' })
export class AssignDealersToWavePayload {
  @Field(() => Int, { description: 'How many dealers are now in the wave by this call (0 when refused).' })
  assigned!: number;

  @Field(() => RolloutWaveType, { nullable: true, description: 'The wave with its new count; null for "no wave" or when refused.' })
  wave!: RolloutWaveType | null;

  @Field(() => [UserError], { description: 'FORBIDDEN, NOT_FOUND (the wave), UNKNOWN_DEALER, REQUIRED, TOO_LONG or INVALID_INPUT.' })
  userErrors!: UserError[];
}
