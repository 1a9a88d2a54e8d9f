import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';

import { Product } from './product.entity.js';

export const SPEC_TYPES = ['NUMBER', 'TEXT', 'BOOLEAN'] as const;
export type SpecType = (typeof SPEC_TYPES)[number];

/**
 * One technical specification of a product, typed: the text `value` is what the product page shows
 * (a NUMBER as a decimal string, a BOOLEAN as "true"/"false"); a NUMBER also keeps `numberValue`, so
 * range filters compare numbers, not strings. The key (product, name) serves the per-product loads
 * and the filter's lookup of one spec of one product.
 */
@Entity({ tableName: 'product_spec' })
// The filter finds products by a spec's value: these serve "which products have name = value / in range".
@Index({
  name: 'product_spec_name_number_index',
  expression: 'create index "product_spec_name_number_index" on "products"."product_spec" (lower("name"), "number_value")',
})
@Index({
  name: 'product_spec_name_value_index',
  expression: 'create index "product_spec_name_value_index" on "products"."product_spec" (lower("name"), lower("value"))',
})
@Check({ name: 'product_spec_number_check', expression: `(type = 'NUMBER') = (number_value is not null)` })
export class ProductSpec {
  [PrimaryKeyProp]?: ['product', 'name'];

  @ManyToOne(() => Product, { primary: true, ref: true, deleteRule: 'cascade' })
  product!: Ref<Product>;

  /** e.g. "Bore diameter"; unique per product. */
  @PrimaryKey({ type: 'text' })
  name!: string;

  @Enum({ items: () => SPEC_TYPES })
  type!: SpecType;

  @Property({ type: 'text' })
  value!: string;

  /** The value as a number, for NUMBER specs only. */
  @Property({ type: 'double', nullable: true })
  numberValue: number | null = null;

  /** Unit of a NUMBER, e.g. "mm", "bar"; null when it has none. */
  @Property({ type: 'text', nullable: true })
  unit: string | null = null;

  /** Display order on the product page. */
  @Property({ type: 'integer' })
  position!: number;
}
