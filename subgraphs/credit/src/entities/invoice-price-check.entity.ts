import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * That an invoice with lines was compared with its order (and how many mismatches it had). An invoice
 * with lines and an order but no row here waits for the check: orders was not reachable when it was
 * recorded, and the sweep tries again.
 */
@Entity({ tableName: 'invoice_price_check' })
export class InvoicePriceCheck {
  @PrimaryKey({ type: 'uuid' })
  invoiceId!: string;

  @Property({ type: 'timestamptz' })
  checkedAt!: Date;

  @Property({ type: 'integer' })
  mismatches!: number;
}
