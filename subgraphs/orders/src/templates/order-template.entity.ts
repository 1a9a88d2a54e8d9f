import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A named list of products and quantities a dealer orders again and again. Templates belong to the
 * dealer (every user of the dealer sees them); the name is unique within the dealer.
 */
@Entity({ tableName: 'order_template' })
@Unique({ name: 'order_template_dealer_id_name_unique', properties: ['dealerId', 'name'] })
export class OrderTemplate {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The dealer (owned by the dealers subgraph); leads the unique index, so a dealer's list is a range scan. */
  @Property({ type: 'uuid' })
  dealerId!: string;

  /** The user who saved it. */
  @Property({ type: 'uuid' })
  createdByUserId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
