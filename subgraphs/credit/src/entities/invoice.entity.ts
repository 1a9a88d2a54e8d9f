import { BigIntType, Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An invoice issued to a dealer (from the ERP). `paidAmount` grows as payments are applied; what is
 * left (`amount - paidAmount`) is the dealer's open balance. Both composite indexes lead with
 * `dealer_id`, so they also serve lookups by dealer alone: (dealer_id, due_at) for overdue sums and
 * ageing, (dealer_id, issued_at) for the newest-first list.
 */
@Entity({ tableName: 'invoice' })
@Index({ properties: ['dealerId', 'dueAt'] })
@Index({ properties: ['dealerId', 'issuedAt'] })
export class Invoice {
  [OptionalProps]?: 'externalRef' | 'orderId';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text', unique: true })
  number!: string;

  @Property({ type: 'uuid' })
  dealerId!: string;

  /** The order this invoice bills, when it bills one. */
  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  /** Cents. */
  @Property({ type: new BigIntType('number') })
  amount!: number;

  /** Cents paid so far. */
  @Property({ type: new BigIntType('number') })
  paidAmount!: number;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'timestamptz' })
  issuedAt!: Date;

  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  /** The ERP's reference when the ERP recorded it; a retried import with the same one changes nothing. */
  @Property({ type: 'text', nullable: true, unique: true })
  externalRef: string | null = null;
}
