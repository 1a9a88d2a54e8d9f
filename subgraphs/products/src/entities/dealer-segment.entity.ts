import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The segment of a dealer that assortment grants can name: tier, region and type. Products keeps its
 * own copy (like prices keeps the tier) rather than asking the dealers subgraph on every request.
 */
@Entity({ tableName: 'dealer_segment' })
export class DealerSegment {
  [OptionalProps]?: 'dealerType';

  @PrimaryKey({ type: 'uuid' })
  dealerId!: string;

  @Property({ type: 'text' })
  tier!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text', nullable: true })
  dealerType: string | null = null;
}
