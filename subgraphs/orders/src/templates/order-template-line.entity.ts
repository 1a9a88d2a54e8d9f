import { Entity, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';

import { OrderTemplate } from './order-template.entity.js';

/** One product and quantity of a template. Prices are not kept: a template is priced when used. */
@Entity({ tableName: 'order_template_line' })
@Unique({ name: 'order_template_line_template_id_position_unique', properties: ['template', 'position'] })
export class OrderTemplateLine {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => OrderTemplate, { ref: true, deleteRule: 'cascade' })
  template!: Ref<OrderTemplate>;

  /** 1-based place of the line within its template. */
  @Property({ type: 'integer' })
  position!: number;

  /** The product (owned by the products subgraph). */
  @Property({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'text' })
  sku!: string;

  @Property({ type: 'integer' })
  quantity!: number;
}
