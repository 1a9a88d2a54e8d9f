import { BigIntType, Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** Where a special price request stands. */
export type SpecialPriceRequestStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/**
 * A dealer's request for a special price: a product, a quantity, a reason and optionally the unit
 * price and validity it wants; then an approver's decision.
 *
 * Why it lives in orders and not in prices (which owns special prices): a request is an approval case
 * like an order. Orders owns the approval levels, the approver queues, the transactional outbox that
 * feeds subscriptions and the notification feed: keeping the request here gives it all of them in
 * the same transaction as its status change. Prices keeps owning what pricing reads: the special
 * price an approval grants (created through the signed `grantSpecialPrice` operation) and its
 * granted quantity, which orders consume as they are placed.
 */
@Entity({ tableName: 'special_price_request' })
// A dealer's requests, newest first.
@Index({ name: 'special_price_request_dealer_id_created_at_index', properties: ['dealerId', 'createdAt'] })
// What waits on approvers: pending requests by level, oldest first.
@Index({ name: 'special_price_request_status_level_created_at_index', properties: ['status', 'level', 'createdAt'] })
// One pending request per dealer and product: a second one is refused (DUPLICATE_REQUEST), even when both arrive together.
@Unique({
  name: 'special_price_request_pending_unique',
  expression: (table, c, name) =>
    `create unique index "${name}" on ${table.schema ? `"${table.schema}".` : ''}"${table.name}" ("${c.dealerId}", "${c.productId}") where "${c.status}" = 'PENDING'`,
})
export class SpecialPriceRequest {
  [OptionalProps]?:
    | 'wantedUnitPrice'
    | 'wantedValidTo'
    | 'status'
    | 'grantedUnitPrice'
    | 'grantedQuantity'
    | 'validFrom'
    | 'validTo'
    | 'specialPriceId'
    | 'decidedByUserId'
    | 'decidedAt'
    | 'decisionComment'
    | 'salesRepUserId'
    | 'dealerRegion'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The requesting dealer (owned by the dealers subgraph). */
  @Property({ type: 'uuid' })
  dealerId!: string;

  /** The dealer user who asked. */
  @Property({ type: 'uuid' })
  requestedByUserId!: string;

  /** The product (owned by the products subgraph); sku and name as they were when asked. */
  @Property({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'text' })
  sku!: string;

  @Property({ type: 'text' })
  productName!: string;

  /** Units the dealer wants at the special price. */
  @Property({ type: 'integer' })
  quantity!: number;

  /** Why the dealer asks (a competing offer, a project, a tender ...). */
  @Property({ type: 'text' })
  reason!: string;

  /** The unit price the dealer wants, in minor units; null: the dealer asks for an offer. */
  @Property({ type: new BigIntType('number'), nullable: true })
  wantedUnitPrice: number | null = null;

  /** The end of validity the dealer wants; null: the default. */
  @Property({ type: 'timestamptz', nullable: true })
  wantedValidTo: Date | null = null;

  /** ISO 4217 code of every amount of the request. */
  @Property({ type: 'text' })
  currency!: string;

  /** The product's list price when asked, in minor units. */
  @Property({ type: new BigIntType('number') })
  listPrice!: number;

  /** The dealer's price of one unit when asked (what the discount is measured against), in minor units. */
  @Property({ type: new BigIntType('number') })
  currentUnitPrice!: number;

  /** The approval level that decides it (1-5), by domain/special-price-routing.ts. */
  @Property({ type: 'integer' })
  level!: number;

  /**
   * The dealer's region and SALES_REP when the request was made (approver scope, as on an order: a
   * rep decides their own dealers' requests, a manager their region's, a director and up any); null
   * when the dealer had none.
   */
  @Index()
  @Property({ type: 'text', nullable: true })
  dealerRegion: string | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  salesRepUserId: string | null = null;

  /** The routing rule that set the level, e.g. DISCOUNT_UP_TO_15_PERCENT. */
  @Property({ type: 'text' })
  rule!: string;

  /** Why that level, for people. */
  @Property({ type: 'text' })
  routingReason!: string;

  @Property({ type: 'text', default: 'PENDING' })
  status: SpecialPriceRequestStatus = 'PENDING';

  /** What was granted (APPROVED): the unit price in minor units, the units, the validity. */
  @Property({ type: new BigIntType('number'), nullable: true })
  grantedUnitPrice: number | null = null;

  @Property({ type: 'integer', nullable: true })
  grantedQuantity: number | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  validFrom: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  validTo: Date | null = null;

  /** The special price the grant created in the prices subgraph. */
  @Property({ type: 'uuid', nullable: true })
  specialPriceId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  decidedByUserId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  /** The approver's comment (APPROVED) or the reason of the rejection (REJECTED). */
  @Property({ type: 'text', nullable: true })
  decisionComment: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
