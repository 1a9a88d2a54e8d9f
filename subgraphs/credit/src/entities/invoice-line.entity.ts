import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One line of an invoice, with the prices of the order's snapshot (the ERP sends them, or the demo data
 * copies them from the order). SKU and name are copied, not referenced: an invoice never changes when
 * the catalog does.
 */
@Entity({ tableName: 'invoice_line' })
export class InvoiceLine {
  @PrimaryKey({ type: 'uuid' })
  invoiceId!: string;

  @PrimaryKey({ type: 'integer' })
  lineNo!: number;

  @Property({ type: 'text' })
  sku!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  /** Cents. */
  @Property({ type: new BigIntType('number') })
  unitPrice!: number;

  /** Cents. */
  @Property({ type: new BigIntType('number') })
  lineTotal!: number;
}
