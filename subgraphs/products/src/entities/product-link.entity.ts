import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';

import { Product } from './product.entity.js';

export const LINK_KINDS = ['IMAGE', 'DATASHEET', 'MANUAL', 'CERTIFICATE', 'CAD'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** A picture or a document of a product, stored elsewhere (a CDN, the manufacturer's site) and linked. */
@Entity({ tableName: 'product_link' })
export class ProductLink {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Product, { ref: true, index: true, deleteRule: 'cascade' })
  product!: Ref<Product>;

  @Enum({ items: () => LINK_KINDS })
  kind!: LinkKind;

  /** Absolute https URL. */
  @Property({ type: 'text' })
  url!: string;

  /** Caption of an image, name of a document. */
  @Property({ type: 'text' })
  title!: string;

  /** Display order within its kind. */
  @Property({ type: 'integer' })
  position!: number;
}
