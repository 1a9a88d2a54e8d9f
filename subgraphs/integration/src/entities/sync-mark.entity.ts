import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The last successful sync of each kind of data from the ERP: a finished import of the kind, or a
 * write by the ERP's API client that its owner reports (markSynced). Orders flow out and are read
 * from the deliveries instead.
 */
@Entity({ tableName: 'sync_mark' })
export class SyncMark {
  /** PRICES, INVENTORY, CREDIT, CUSTOMERS, PRODUCTS, INVOICES. */
  @PrimaryKey({ type: 'text' })
  kind!: string;

  @Property({ type: 'timestamptz' })
  lastSuccessAt!: Date;

  /** What brought it: "import PRICE_LIST", "api recordInvoice". */
  @Property({ type: 'text' })
  source!: string;
}
