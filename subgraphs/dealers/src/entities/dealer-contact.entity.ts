import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A person at a dealer from the ERP (upsertDealerContact, DEALER_CONTACTS imports), keyed by email within the dealer. */
@Entity({ tableName: 'dealer_contact' })
@Unique({ properties: ['dealerId', 'email'] })
export class DealerContact {
  [OptionalProps]?: 'role' | 'phone' | 'active' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  dealerId!: string;

  /** Lower case; unique within the dealer. */
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  name!: string;

  /** What they do for the dealer, e.g. "Purchasing", "Accounts payable". */
  @Property({ type: 'text', nullable: true })
  role: string | null = null;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
