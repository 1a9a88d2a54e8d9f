import { BigIntType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

import type { ExceedancePolicy } from '../domain/credit.js';
import { EXCEEDANCE_POLICIES } from './credit-account.entity.js';

/** The audit trail of a dealer's limit and exceedance policy: who changed what, when and why. Append-only. */
@Entity({ tableName: 'credit_limit_change' })
@Index({ properties: ['dealerId', 'changedAt'] })
export class CreditLimitChange {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  dealerId!: string;

  @Property({ type: 'text' })
  changedBy!: string;

  @Property({ type: 'text' })
  changedByEmail!: string;

  @Property({ type: 'timestamptz' })
  changedAt!: Date;

  /** Cents. */
  @Property({ type: new BigIntType('number') })
  oldLimit!: number;

  /** Cents. */
  @Property({ type: new BigIntType('number') })
  newLimit!: number;

  @Enum({ items: () => EXCEEDANCE_POLICIES })
  oldPolicy!: ExceedancePolicy;

  @Enum({ items: () => EXCEEDANCE_POLICIES })
  newPolicy!: ExceedancePolicy;

  @Property({ type: 'text' })
  reason!: string;
}
