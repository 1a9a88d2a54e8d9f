import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A rollout wave (the seed's pilot of 30 dealers, then waves of 100 and 150): the portal opens to
 * the dealers assigned to it at `opensAt`. A dealer in no wave is open.
 */
@Entity({ tableName: 'rollout_wave' })
export class RolloutWave {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text', unique: true })
  name!: string;

  /** When its dealers' users may sign in; later than now: the wave is not open yet. */
  @Property({ type: 'timestamptz' })
  opensAt!: Date;

  /** The staff user who created it. */
  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
