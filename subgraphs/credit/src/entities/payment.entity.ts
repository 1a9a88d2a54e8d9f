import { BigIntType, Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A payment received from a dealer, applied to an invoice or (invoiceId null) on account. The
 * (dealer_id, received_at) index serves lookups by dealer and the newest-first list.
 */
@Entity({ tableName: 'payment' })
@Index({ properties: ['dealerId', 'receivedAt'] })
export class Payment {
  [OptionalProps]?: 'externalRef' | 'unappliedAmount' | 'invoiceId' | 'orderId';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  dealerId!: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  invoiceId: string | null = null;

  /** The order this payment pays up front (a PAYMENT_REQUIRED order awaiting payment); null for any other payment. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  /** Cents. */
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  /** The bank's or the ERP's reference, e.g. "ACH-12345678". */
  @Property({ type: 'text' })
  reference!: string;

  /** Cents of this payment that no invoice took (a payment on account); it still lowers the balance. */
  @Property({ type: new BigIntType('number'), default: 0 })
  unappliedAmount: number = 0;

  /** The ERP's reference when the ERP recorded it; a retried import with the same one changes nothing. */
  @Property({ type: 'text', nullable: true, unique: true })
  externalRef: string | null = null;
}
