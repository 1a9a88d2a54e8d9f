import type { ErpSyncKind } from '../server/erp-sync.plugin.js';

/**
 * The internal operations one service offers another, by owner. Not part of the public graph: they
 * are served at `POST /internal/<operation>` on the owner's port and answer only calls signed with
 * the service key (see service-signature.ts). Money is integer minor units (cents) here; quantities
 * are whole units. Every write is idempotent by order id, so a retried step is always safe.
 *
 * The owners implement these with `defineInternalOperations`; callers use `internalClient`.
 * Changing a shape here is a change of both sides: keep them backward compatible or change both.
 */

/** Stock status as the catalog shows it: green, yellow, red. */
export type InternalStockStatus = 'IN_STOCK' | 'LOW' | 'OUT';

/** One product as the ordering side needs it. */
export interface InternalProduct {
  id: string;
  sku: string;
  name: string;
  brand: string;
  /** False for a product that is no longer sold. */
  active: boolean;
  /** False when this dealer may not buy it (outside its assortment): NOT_AUTHORIZED. */
  authorized: boolean;
  stock: { status: InternalStockStatus; available: number };
  /**
   * Special handling that approval rules look at: its assortment restriction (CONTRACT_ONLY,
   * IMPORTED, QUOTA) and HAZARDOUS for hazardous goods; empty for an ordinary product.
   */
  handling?: string[];
  /** For a product out of stock: products in the dealer's assortment that can stand in for it, best first, each with its own stock; empty otherwise. */
  substitutes: { id: string; sku: string; name: string; stock: { status: InternalStockStatus; available: number } }[];
}

/** A product and a quantity. */
export interface InternalLine {
  productId: string;
  quantity: number;
}

export type ReserveStockResult =
  | { status: 'RESERVED'; reservations: { productId: string; warehouseId: string; quantity: number }[] }
  /** Nothing was reserved: at least one line cannot be served. */
  | { status: 'INSUFFICIENT'; shortages: { productId: string; requested: number; available: number }[] }
  /** This order's reservation was released before (the order ended); it is not taken again. */
  | { status: 'RELEASED' };

export interface ProductsOperations {
  /** Products by SKU (exact, case-insensitive) or id, for one dealer; unknown ones are left out. */
  lookupProducts: {
    input: { dealerId: string; skus?: string[]; productIds?: string[] };
    output: { products: InternalProduct[] };
  };
  /** Reserves every line or none, per warehouse, never below zero under concurrency. Idempotent by order id. */
  reserveStock: {
    input: { orderId: string; dealerId: string; lines: InternalLine[] };
    output: ReserveStockResult;
  };
  /** Gives an order's reserved stock back (rejection, cancellation, a failed workflow). Idempotent. */
  releaseStock: {
    input: { orderId: string };
    output: { status: 'RELEASED' | 'NONE' | 'SHIPPED' };
  };
  /** The order left the warehouse: its reservation becomes a stock movement. Idempotent. */
  shipStock: {
    input: { orderId: string };
    /** SHORT: a warehouse counts fewer units on hand than the order reserved there; nothing shipped. */
    output:
      | { status: 'SHIPPED' | 'NONE' | 'RELEASED' }
      | { status: 'SHORT'; shortages: { productId: string; warehouseId: string; reserved: number; onHand: number }[] };
  };
  /** Product ids by SKU (exact, case-insensitive), for any dealer (imports); unknown SKUs are left out. Read-only. */
  resolveSkus: {
    input: { skus: string[] };
    output: { products: { sku: string; id: string }[] };
  };
  /**
   * The dealers subgraph (the owner) tells products a dealer's segment after every change: the tier,
   * region and type that assortment grants name. Products never writes it otherwise. Idempotent: the
   * same segment again changes nothing.
   */
  setDealerSegment: {
    input: InternalDealerSegment;
    output: { status: 'CREATED' | 'UPDATED' | 'UNCHANGED' };
  };
  /** Creates or updates products by SKU (PRODUCTS imports), audited; see MasterDataBatch. */
  upsertProducts: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
  /** Sets units on hand (and low thresholds) per SKU and warehouse code (STOCK imports), audited. */
  setStockLevels: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
  /** Creates, updates or (quantity 0) removes inbound shipments by the ERP's reference (IN_TRANSIT imports), audited. */
  upsertInTransit: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
  /** Creates or updates categories by slug (CATEGORIES imports: slug, name, parent), audited; a parent may be a row of the same batch. */
  upsertCategories: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
  /** Creates or updates warehouses by code (WAREHOUSES imports: code, name, city), audited. */
  upsertWarehouses: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
}

/** Who changed master data: the owner writes it into its audit (who, when, before, after). */
export interface InternalActor {
  /** The user or API client id (the import job's starter). */
  id: string;
  /** How it is known: an email, an API client's name, or the import job. */
  name: string | null;
}

/**
 * How an owner applies a batch of master data rows (an import file): one transaction, every row
 * checked by the owner's own rules. Rows are raw values as the file gives them (the owner's domain
 * checks them). `allOrNothing`: when a row fails, nothing is written (the other rows still say what
 * they would have done). `dryRun`: nothing is written at all.
 */
export interface MasterDataBatch<Row> {
  actor: InternalActor;
  dryRun: boolean;
  allOrNothing: boolean;
  rows: Row[];
}

/** One row's outcome, in the order of the batch's rows. */
export type MasterDataRowResult =
  { status: 'CREATED' | 'UPDATED' | 'UNCHANGED' } | { status: 'FAILED'; code: string; message: string; field?: string | null };

/** A batch's options without its rows (what a service's batch functions take beside them). */
export type MasterDataBatchOptions = Omit<MasterDataBatch<unknown>, 'rows'>;

/** A row that failed its checks: the first problem's code and field, every problem's message. */
export function failedRow(problems: readonly { code: string; message: string; field?: string | null }[]): MasterDataRowResult {
  return { status: 'FAILED', code: problems[0]!.code, message: problems.map((p) => p.message).join(' '), field: problems[0]!.field };
}

export interface MasterDataBatchResult {
  /** True when the rows' changes were written (not a dry run, and no row failed or failed rows were allowed). */
  applied: boolean;
  rows: MasterDataRowResult[];
}

/** The most rows of one master data batch (one owner call, one transaction). */
export const MAX_MASTER_DATA_ROWS = 5_000;

/** What the dealers subgraph owns about a dealer that pricing and assortments depend on. */
export interface InternalDealerSegment {
  dealerId: string;
  tier: 'PLATINUM' | 'GOLD' | 'SILVER' | 'BRONZE';
  region: string;
  /** DISTRIBUTOR, WHOLESALER or RETAILER; null when not known. */
  dealerType: string | null;
}

/** A volume break: from this line quantity on, this percentage off the dealer's price. */
export interface InternalVolumeBreak {
  minQuantity: number;
  /** Percent as a decimal string, e.g. "5.00". */
  percent: string;
}

/** One priced line, computed by the same code path as `Product.price`. */
export interface QuotedLine {
  productId: string;
  quantity: number;
  /** False when the product has no price for this dealer: it cannot be ordered. */
  priceable: boolean;
  listPrice: number;
  unitPrice: number;
  /** unitPrice x quantity, exact. */
  lineTotal: number;
  /** Off the list price, as a decimal string with two fraction digits. */
  discountPercent: string;
  /** E.g. TIER, SPECIAL_PRICE, VOLUME_BREAK, PROMOTION, in the order they applied. */
  appliedRules: string[];
  /** True when a special price was the base. */
  specialPrice: boolean;
  /**
   * The special price that was the base (null otherwise). An order passes it to
   * `consumeSpecialPrices`, so a special price granted for a quantity is never used past it.
   */
  specialPriceId?: string | null;
  /** The approved special price request that granted that special price; null for a negotiated agreement. */
  specialPriceRequestId?: string | null;
  /** True when a promotion applied (a campaign discount). */
  promotion: boolean;
  volumeBreak: InternalVolumeBreak | null;
  nextVolumeBreak: (InternalVolumeBreak & { quantityMore: number }) | null;
}

/** A special price granted from an approved special price request (orders owns the request). */
export interface GrantSpecialPriceInput {
  /** The request: the idempotency key of the grant (one special price per request). */
  requestId: string;
  dealerId: string;
  productId: string;
  /** Unit price in cents. */
  unitPrice: number;
  /** Units the dealer may order at this price, over all its orders. */
  quantity: number;
  /** ISO 8601 instants: active in [validFrom, validTo). */
  validFrom: string;
  validTo: string;
}

/** One order line priced with a special price, to take from that special price's granted quantity. */
export interface SpecialPriceUseLine {
  specialPriceId: string;
  productId: string;
  quantity: number;
}

export type ConsumeSpecialPricesResult =
  | { status: 'CONSUMED' }
  /** Nothing was taken: a line's special price has fewer units left than it asks for, or is no longer active. */
  | { status: 'EXHAUSTED'; shortages: { specialPriceId: string; productId: string; requested: number; remaining: number }[] }
  /** This order's use was released before (the order ended); it is not taken again. */
  | { status: 'RELEASED' };

export interface PricesOperations {
  /** Prices lines for a dealer now: read-only, the snapshot an order stores. */
  quoteLines: {
    input: { dealerId: string; lines: InternalLine[] };
    /** `currency` is that of the priced lines ('' when no line has a price). */
    output: { currency: string; lines: QuotedLine[] };
  };
  /** Creates the special price of an approved request. Idempotent by request id: a repeat answers the same special price. */
  grantSpecialPrice: {
    input: GrantSpecialPriceInput;
    output: { specialPriceId: string };
  };
  /**
   * Compensation of grantSpecialPrice when the approval did not commit: the request's special price
   * stops being active (NONE when it was never granted). Idempotent by request id.
   */
  revokeSpecialPrice: {
    input: { requestId: string };
    output: { status: 'REVOKED' | 'NONE' };
  };
  /**
   * Takes an order's lines from their special prices' granted quantities: all lines or none, never
   * past a granted quantity under concurrency. Idempotent by order id.
   */
  consumeSpecialPrices: {
    input: { orderId: string; dealerId: string; lines: SpecialPriceUseLine[] };
    output: ConsumeSpecialPricesResult;
  };
  /** Gives an order's special price units back (rejection, cancellation, a failed workflow). Idempotent; safe if nothing was taken. */
  releaseSpecialPrices: {
    input: { orderId: string };
    output: { status: 'RELEASED' | 'NONE' };
  };
  /**
   * Stages one chunk (at most MAX_INTERNAL_LINES) of an import's list prices; nothing is priced by it
   * yet. Idempotent by import id and product: a repeated chunk replaces itself.
   */
  stageListPrices: {
    input: { importId: string; prices: InternalListPrice[] };
    output: { staged: number };
  };
  /**
   * Applies an import's staged list prices in one transaction (all of them or none) and drops the
   * stage; with dryRun, only says what would change. Idempotent by import id: applying again answers
   * the first result and writes nothing.
   */
  applyListPrices: {
    input: { importId: string; dryRun: boolean };
    output: ListPriceImportResult;
  };
  /**
   * The dealers subgraph (the owner) tells prices a dealer's segment after every change; prices keeps
   * only the tier, to join it into its price queries. Idempotent.
   */
  setDealerSegment: {
    input: InternalDealerSegment;
    output: { status: 'CREATED' | 'UPDATED' | 'UNCHANGED' };
  };
  /** Each tier's discount off the list price (TIER_RULES imports: tier, discountPercent), audited; see MasterDataBatch. */
  upsertTierRules: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
  /**
   * Replaces the default volume breaks (VOLUME_BREAKS imports: minQuantity, maxQuantity,
   * discountPercent) when every row is valid and no ranges overlap; breaks not given are removed. Audited.
   */
  replaceVolumeBreaks: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
  /**
   * Creates or updates promotions by campaign code and product (PROMOTIONS imports: code, name, sku and
   * the caller's `productId`, discountPercent, validFrom, validTo), audited; see MasterDataBatch.
   */
  upsertPromotions: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
  /**
   * Creates or updates special price agreements by the ERP's reference (SPECIAL_PRICES imports:
   * reference, dealerCode and the caller's `dealerId`, sku and `productId`, unitPrice as a decimal
   * string, currency, validFrom, validTo), audited; see MasterDataBatch.
   */
  upsertSpecialPrices: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
}

/** One list price of an import: cents and an ISO 4217 code. */
export interface InternalListPrice {
  productId: string;
  listPrice: number;
  currency: string;
}

/** What applying (or trying) an import's list prices changed, by product id. */
export interface ListPriceImportResult {
  created: string[];
  updated: string[];
  unchanged: number;
}

export type ExceedancePolicyName = 'HARD_BLOCK' | 'SOFT_WARNING' | 'ROUTE_TO_APPROVAL' | 'PARTIAL_ORDER' | 'PAYMENT_REQUIRED';
export type CreditStatusName = 'OK' | 'WARNING' | 'RESTRICTED' | 'BLOCKED';

/**
 * What credit says about an order of this amount now (a pure decision in credit's domain):
 * - ACCEPT: within available credit (warning set when SOFT_WARNING let it through over the limit);
 * - APPROVAL: it must wait for an approver of `approvalLevel` (ROUTE_TO_APPROVAL, RESTRICTED status);
 * - REFUSE: it cannot be placed (`code`: CREDIT_LIMIT_EXCEEDED, CREDIT_BLOCKED_OVERDUE);
 * - PARTIAL: PARTIAL_ORDER: only the lines `partialLines` (whole lines in the dealer's order, up to
 *   `fitsAmount`) fit: they are placed, the rest is left for later;
 * - PAYMENT_REQUIRED: it waits (AWAITING_PAYMENT) for a down payment of `amountToPay`.
 */
export interface CreditDecision {
  outcome: 'ACCEPT' | 'APPROVAL' | 'REFUSE' | 'PARTIAL' | 'PAYMENT_REQUIRED';
  code: string | null;
  /** For the dealer: why, and what to do. */
  reason: string | null;
  warning: string | null;
  policy: ExceedancePolicyName;
  status: CreditStatusName;
  limit: number;
  available: number;
  /** How much of this order is over the available credit (0 when it fits). */
  shortfall: number;
  /** What the dealer would pay to make this order fit (or to get unblocked); 0 when nothing. */
  amountToPay: number;
  /** The most an order may total now within the available credit (PARTIAL_ORDER). */
  fitsAmount: number;
  /** Approval level that must decide (4 = FINANCE), when outcome is APPROVAL. */
  approvalLevel: number | null;
  currency: string | null;
  /** PARTIAL: indexes (into the assessed `lines`) of the whole lines that fit, in order; empty otherwise. */
  partialLines: number[];
  /** PARTIAL: what those lines total; 0 otherwise. */
  partialAmount: number;
}

export type PlaceHoldResultInternal =
  /** amountToPay: a prepay hold's payment still due before the order proceeds (0: none). */
  | { status: 'HELD'; holdId: string; amount: number; available: number; overLimit: boolean; amountToPay: number }
  | { status: 'REFUSED'; decision: CreditDecision }
  /** This order's hold was released before; a released order is never held again. */
  | { status: 'RELEASED' };

export interface CreditOperations {
  /** The decision for an order of this amount now; holds nothing. `lines`: the line totals in order, for PARTIAL_ORDER's split. */
  assessOrder: {
    input: { dealerId: string; amount: number; lines?: number[] | null };
    output: CreditDecision;
  };
  /**
   * What is still to pay up front on these orders (their prepay holds, less the payments recorded
   * with their id): one row per order with an active prepay hold, amountToPay 0 once paid.
   */
  prepaymentsDue: {
    input: { orderIds: string[] };
    output: { orders: { orderId: string; amountToPay: number }[] };
  };
  /**
   * Holds credit for an order at the moment it becomes APPROVED: row lock on the account, decision
   * and hold in one transaction; only an ACCEPT decision holds, anything else is REFUSED with the
   * decision. `overLimitApproved`: an approver at level 4 accepted what the decision asked approval
   * for (an exceedance under ROUTE_TO_APPROVAL, or any order of a RESTRICTED account): pass it after
   * such an approval. It never moves HARD_BLOCK or BLOCKED. `prepay`: a PAYMENT_REQUIRED decision
   * holds the whole order anyway, with `amountToPay` due before it proceeds. Idempotent by order id;
   * an order whose hold was released answers RELEASED.
   */
  placeHold: {
    input: { dealerId: string; orderId: string; amount: number; overLimitApproved?: boolean; prepay?: boolean };
    output: PlaceHoldResultInternal;
  };
  /** Releases an order's hold (rejection, cancellation, failed workflow). Idempotent. */
  releaseHold: {
    input: { orderId: string };
    output: { status: 'RELEASED' | 'NONE' | 'INVOICED' };
  };
  /** The invoices with a price mismatch nobody resolved yet, oldest first: what the integration monitor alerts on. */
  openPriceMismatches: {
    input: Record<string, never>;
    output: { invoices: { invoiceId: string; invoiceNumber: string; lines: number }[] };
  };
  /**
   * Opens or updates credit accounts (CREDIT_ACCOUNTS imports): each row names the dealer by id (the
   * caller resolved its code) and code, with creditLimit (decimal string), currency, paymentTermsDays
   * and exceedancePolicy; audited. See MasterDataBatch.
   */
  upsertCreditAccounts: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
  /**
   * What the tier evaluation (dealers) needs of each dealer's ledger: the total invoiced since
   * `since` (ISO 8601; the trailing 12 months) and how many days the oldest unpaid invoice is past
   * due (0: none). `dealerIds` null: every dealer with an invoice or an account; others answer zeros.
   * Read-only, one statement.
   */
  tierFacts: {
    input: { dealerIds: string[] | null; since: string };
    output: { dealers: InternalTierFacts[] };
  };
}

/** One dealer's ledger facts for its tier evaluation; money in cents. */
export interface InternalTierFacts {
  dealerId: string;
  revenue: number;
  oldestOverdueDays: number;
}

/** Who looks after a dealer, as the approval scope needs it. */
export interface InternalDealerProfile {
  id: string;
  region: string;
  /** The dealer's sales representative (a SALES_REP user); null when it has none. */
  salesRepUserId: string | null;
  /** False while a new dealer's first orders still need a person's review. */
  firstOrdersReviewed: boolean;
  /** The dealer's code (the ERP's customer number), name and city, for the orders sent to the ERP. */
  code?: string;
  name?: string;
  city?: string;
}

/** A user as notifications need them: where to write, how to greet, and the role and region that decide what they hear of. */
export interface InternalContact {
  id: string;
  email: string;
  fullName: string;
  role: string;
  /** The user's dealer; null for staff. */
  dealerId: string | null;
  /** A staff user's region (REGIONAL_MANAGER, SALES_REP); null otherwise. */
  region: string | null;
}

export interface DealersOperations {
  /** Dealers by id; unknown ones are left out. */
  dealerProfiles: {
    input: { dealerIds: string[] };
    output: { dealers: InternalDealerProfile[] };
  };
  /**
   * The dealers that are active, for the success metrics' active dealer ratio, each with its time zone
   * (an IANA name; null when none is recorded, which is every dealer today: the metrics then use UTC).
   */
  activeDealers: {
    input: Record<string, never>;
    output: { dealers: { id: string; timeZone: string | null }[] };
  };
  /** A staff user's approval scope: the region they look after (REGIONAL_MANAGER, SALES_REP), null when none. */
  staffProfile: {
    input: { userId: string };
    output: { userId: string; region: string | null; found: boolean };
  };
  /**
   * Active users to notify, with their address: every user of these dealers, the staff users (when
   * `staff`), and these users by id. Unknown or inactive users are left out. Read-only.
   */
  notificationContacts: {
    input: { dealerIds?: string[]; staff?: boolean; userIds?: string[] };
    output: { users: InternalContact[] };
  };
  /** Dealer ids by code (exact, case-insensitive), for imports that name dealers; unknown codes are left out. Read-only. */
  resolveDealerCodes: {
    input: { codes: string[] };
    output: { dealers: { code: string; id: string }[] };
  };
  /** Creates or updates dealers by code (DEALERS imports), audited, each segment published; see MasterDataBatch. */
  upsertDealers: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
  /**
   * Creates or updates dealers' billing and ship-to addresses by dealer and address code (DEALER_ADDRESSES
   * imports: dealerCode and the caller's `dealerId`, code, kind, name, street, postalCode, city, region,
   * country, isDefault, active), audited; see MasterDataBatch.
   */
  upsertDealerAddresses: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
  /** Creates or updates dealers' contacts by dealer and email (DEALER_CONTACTS imports: dealerCode, `dealerId`, email, name, role, phone, active), audited. */
  upsertDealerContacts: {
    input: MasterDataBatch<Record<string, unknown>>;
    output: MasterDataBatchResult;
  };
}

/**
 * Something that happened which the distributor's ERP may subscribe to (a webhook event). `data` is
 * the body's `data` exactly as the webhook carries it (amounts already decimal strings).
 */
export interface ErpEvent {
  /** The outbox event's id: the `webhook-id` of every delivery of it, to every endpoint, on every try. */
  id: string;
  /** order.approved, order.cancelled, order.changed or dealer.changed. */
  type: string;
  /** What deliveries are ordered by: events with the same key reach an endpoint in the order given. */
  key: string;
  /** When it happened (ISO 8601): the body's `timestamp`. */
  at: string;
  data: Record<string, unknown>;
}

export interface IntegrationOperations {
  /**
   * Queues webhook deliveries of these events to every active endpoint subscribed to their type, in
   * the order given. Idempotent by event id: an event handed over twice is delivered once.
   */
  acceptEvents: {
    input: { events: ErpEvent[] };
    output: { accepted: number; deliveries: number };
  };
  /**
   * Records that the ERP just synced a kind of data through the API (an owner saw its client write
   * invoices, stock, dealers): the integration monitor's last success for that kind. Idempotent.
   */
  markSynced: {
    input: { kind: ErpSyncKind; source: string };
    output: { kind: string };
  };
}

export interface OrdersOperations {
  /**
   * The lines of these orders as the dealer ordered them (unit prices in minor units), for comparing
   * an invoice with the price the portal showed. Orders not found are left out.
   */
  orderLinePrices: {
    input: { orderIds: string[] };
    output: { orders: { orderId: string; dealerId: string; lines: { sku: string; quantity: number; unitPrice: number }[] }[] };
  };
  /**
   * Credit recorded a payment for this PAYMENT_REQUIRED order: when nothing is left to pay, the order
   * leaves AWAITING_PAYMENT now (else the periodic sweep finds it). Idempotent; a nudge, never needed
   * for correctness.
   */
  prepaymentRecorded: {
    input: { orderId: string };
    output: { status: 'PROCEEDED' | 'WAITING' | 'NONE' };
  };
}

/** Every service's internal operations, by service name. */
export interface InternalApi {
  dealers: DealersOperations;
  products: ProductsOperations;
  prices: PricesOperations;
  credit: CreditOperations;
  integration: IntegrationOperations;
  orders: OrdersOperations;
}

export type InternalService = keyof InternalApi;
export type OperationName<S extends InternalService> = keyof InternalApi[S] & string;
export type OperationInput<S extends InternalService, O extends OperationName<S>> = InternalApi[S][O] extends { input: infer I }
  ? I
  : never;
export type OperationOutput<S extends InternalService, O extends OperationName<S>> = InternalApi[S][O] extends { output: infer R }
  ? R
  : never;

/** The handlers an owner service implements, one per operation. */
export type InternalHandlers<S extends InternalService> = {
  [O in OperationName<S>]: (input: OperationInput<S, O>) => Promise<OperationOutput<S, O>>;
};
