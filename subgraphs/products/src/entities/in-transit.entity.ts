import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';

import { Product } from './product.entity.js';
import { Warehouse } from './warehouse.entity.js';

/** An inbound shipment of one product to one warehouse, not yet received. */
@Entity({ tableName: 'in_transit' })
export class InTransit {
  [OptionalProps]?: 'reference' | 'eta';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Product, { ref: true, index: true, deleteRule: 'cascade' })
  product!: Ref<Product>;

  @ManyToOne(() => Warehouse, { ref: true, deleteRule: 'restrict' })
  warehouse!: Ref<Warehouse>;

  /** The ERP's reference of the shipment (its key for upsertInTransit and IN_TRANSIT imports); null for one entered otherwise. */
  @Property({ type: 'text', nullable: true, unique: true })
  reference: string | null = null;

  @Property({ type: 'integer' })
  quantity!: number;

  /** Expected arrival; null when the supplier has not confirmed one. */
  @Property({ type: 'timestamptz', nullable: true })
  eta: Date | null = null;
}
