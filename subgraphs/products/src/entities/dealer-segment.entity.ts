import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The segment of a dealer that assortment grants can name: tier, region and type. A projection of the
 * dealers subgraph's master data (the one owner), written only by the `setDealerSegment` internal
 * operation dealers calls on every dealer change (and by the seed), so it is joined locally instead of
 * asking dealers on every request, and follows a change at once. The preferred warehouse is products' own.
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
