import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A unit price agreed with one dealer for one product. Active in [validFrom, validTo); no end when validTo is null. */
@Entity({ tableName: 'special_price' })
@Index({ properties: ['dealerId', 'productId'] })
export class SpecialPrice {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  dealerId!: string;

  @Property({ type: 'uuid' })
  productId!: string;

  /** Unit price in cents, in the currency of the product's list price. */
  @Property({ type: new BigIntType('number') })
  unitPrice!: number;

  @Property({ type: 'timestamptz' })
  validFrom!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  validTo: Date | null = null;
}
