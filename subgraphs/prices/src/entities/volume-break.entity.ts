import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A discount on the dealer's price for a line quantity in [minQuantity, maxQuantity]. */
@Entity({ tableName: 'volume_break' })
export class VolumeBreak {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  minQuantity!: number;

  /** Null: no upper bound. */
  @Property({ type: 'integer', nullable: true })
  maxQuantity: number | null = null;

  /** Basis points off the dealer's price (500 = 5 %). */
  @Property({ type: 'integer' })
  discountBp!: number;
}
