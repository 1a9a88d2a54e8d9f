import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A dealer's billing or ship-to address from the ERP (upsertDealerAddress, DEALER_ADDRESSES imports),
 * keyed by the ERP's address code within the dealer. Never deleted (inactive instead): old orders name it.
 */
@Entity({ tableName: 'dealer_address' })
@Unique({ properties: ['dealerId', 'code'] })
export class DealerAddress {
  [OptionalProps]?: 'region' | 'isDefault' | 'active' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  dealerId!: string;

  /** The ERP's address number, unique within the dealer. */
  @Property({ type: 'text' })
  code!: string;

  /** BILLING or SHIP_TO. */
  @Property({ type: 'text' })
  kind!: string;

  /** The name on the address (company, department). */
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  street!: string;

  @Property({ type: 'text' })
  postalCode!: string;

  @Property({ type: 'text' })
  city!: string;

  /** State or region; null when the country has none. */
  @Property({ type: 'text', nullable: true })
  region: string | null = null;

  /** ISO 3166-1 alpha-2. */
  @Property({ type: 'text' })
  country!: string;

  /** The dealer's default address of its kind (at most one active per kind). */
  @Property({ type: 'boolean', default: false })
  isDefault: boolean = false;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
