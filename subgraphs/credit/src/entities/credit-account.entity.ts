import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import type { ExceedancePolicy } from '../domain/credit.js';

export const EXCEEDANCE_POLICIES = ['HARD_BLOCK', 'SOFT_WARNING', 'ROUTE_TO_APPROVAL', 'PARTIAL_ORDER', 'PAYMENT_REQUIRED'] as const;

/**
 * A dealer's open account with the distributor: its limit and what happens beyond it. One per dealer;
 * the dealer itself lives in the dealers subgraph, so `dealerId` is a plain id, not a foreign key.
 * Holds lock this row (SELECT ... FOR UPDATE), which serialises credit decisions per dealer.
 */
@Entity({ tableName: 'credit_account' })
export class CreditAccount {
  [OptionalProps]?: 'updatedAt' | 'hardLimit' | 'overdueBlockAfterDays';

  @PrimaryKey({ type: 'uuid' })
  dealerId!: string;

  /** Assigned credit limit in cents ("limit" is a reserved word in SQL, hence the column name). */
  @Property({ type: new BigIntType('number'), fieldName: 'credit_limit' })
  limit!: number;

  /** The hard limit in cents: past it no policy and no approval takes an order on account; null: none (the limit is the soft one). */
  @Property({ type: new BigIntType('number'), nullable: true })
  hardLimit: number | null = null;

  /** Blocked when the oldest overdue invoice is more than this many days past due; null: the default thresholds. */
  @Property({ type: 'integer', nullable: true })
  overdueBlockAfterDays: number | null = null;

  @Property({ type: 'text' })
  currency!: string;

  @Enum({ items: () => EXCEEDANCE_POLICIES })
  exceedancePolicy!: ExceedancePolicy;

  @Property({ type: 'integer' })
  paymentTermsDays!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
