import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A correction of a dealer's balance from the ERP: a credit note (negative) or a debit (positive).
 * It counts in the open balance but belongs to no invoice, so it is never overdue.
 */
@Entity({ tableName: 'balance_adjustment' })
@Index({ properties: ['dealerId', 'recordedAt'] })
export class BalanceAdjustment {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  dealerId!: string;

  /** Cents, signed: positive raises the balance, negative lowers it. */
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'timestamptz' })
  recordedAt!: Date;

  /** The ERP's reference; a retried import with the same one changes nothing. */
  @Property({ type: 'text', unique: true })
  externalRef!: string;

  /** Who recorded it (user id from the claims). */
  @Property({ type: 'text' })
  recordedBy!: string;
}
