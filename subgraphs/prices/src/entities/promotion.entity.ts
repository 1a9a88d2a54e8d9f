import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A time-bounded discount on one product, for every dealer. Active in [validFrom, validTo). One from
 * the ERP (upsertPromotion, PROMOTIONS imports) has its campaign code: the key is code and product.
 */
@Entity({ tableName: 'promotion' })
@Unique({ properties: ['code', 'productId'] })
export class Promotion {
  [OptionalProps]?: 'code';

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

  /** The ERP's campaign code; null for a promotion made otherwise (the demo's). */
  @Property({ type: 'text', nullable: true })
  code: string | null = null;
}
