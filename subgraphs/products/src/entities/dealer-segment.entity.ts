import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The segment of a dealer that assortment grants can name: tier, region and type. Products keeps its
 * own copy (like prices keeps the tier) rather than asking the dealers subgraph on every request.
 */
@Entity({ tableName: 'dealer_segment' })
export class DealerSegment {
  [OptionalProps]?: 'dealerType' | 'preferredWarehouseId';

  @PrimaryKey({ type: 'uuid' })
  dealerId!: string;

  @Property({ type: 'text' })
  tier!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text', nullable: true })
  dealerType: string | null = null;

  /**
   * The warehouse closest to the dealer, listed first in its per-warehouse stock. It lives here, with
   * the rest of what products knows about a dealer, so the stock query reads it by a join on the
   * caller's dealer id: no call to the dealers subgraph, no extra statement. Null: by warehouse code.
   */
  @Property({ type: 'uuid', nullable: true })
  preferredWarehouseId: string | null = null;
}
