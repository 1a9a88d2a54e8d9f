import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A time-bounded discount on one product, for every dealer. Active in [validFrom, validTo). */
@Entity({ tableName: 'promotion' })
export class Promotion {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Index()
  @Property({ type: 'uuid' })
  productId!: string;

  /** Basis points off the price after the volume break (1000 = 10 %). */
  @Property({ type: 'integer' })
  discountBp!: number;

  @Property({ type: 'timestamptz' })
  validFrom!: Date;

  @Property({ type: 'timestamptz' })
  validTo!: Date;
}
