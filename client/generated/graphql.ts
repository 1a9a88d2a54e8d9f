/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The most pressing thing a dealer can do about its account. */
export type AccountAction =
  /** Nothing is needed. */
  | 'NONE'
  /** Pay the invoices at or past the warning age to clear the warning. */
  | 'PAY_OVERDUE_TO_CLEAR_WARNING'
  /** Pay the invoices at or past the restriction age to lift the restriction. */
  | 'PAY_OVERDUE_TO_LIFT_RESTRICTION'
  /** Pay the invoices at or past the block age to order on account again. */
  | 'PAY_OVERDUE_TO_UNBLOCK'
  /** Pay the excess over the credit limit. */
  | 'PAY_TO_GET_UNDER_LIMIT';

/** What an API client may do; docs/SECURITY.md lists the operations of each. */
export type ApiScope =
  /** Read the catalog: products, categories, brands, stock. */
  | 'CATALOG_READ'
  /** The distributor's ERP: record invoices, payments, balance adjustments and stock counts, import master data, acknowledge orders and report their fulfilment, for every dealer (the client is bound to none). */
  | 'ERP_IMPORT'
  /** Place and read orders (and use the cart) for the bound dealer. */
  | 'ORDERS_WRITE'
  /** Read the bound dealer's prices and price list. */
  | 'PRICES_READ';

/** Whose ladder decides an approval step: an approver decides steps of their own area at their level or below; escalation stays in the area (docs/APPROVALS.md). */
export type ApprovalArea =
  /** The dealer's own decision (a user's spending limit): a DEALER_ADMIN of the order's dealer, before the distributor's steps. Not for rules. */
  | 'DEALER'
  /** Credit and payment matters: FINANCE (4), then the GENERAL_MANAGER (5). */
  | 'FINANCE'
  /** Sales exceptions: SALES_REP (1), REGIONAL_MANAGER (2), SALES_DIRECTOR (3), then the GENERAL_MANAGER (5). */
  | 'SALES';

/** The order of the approval inbox. */
export type ApprovalQueueSort =
  /** Highest total first. */
  | 'LARGEST_FIRST'
  /** Placed most recently first: the order just placed is on page 1. */
  | 'NEWEST_FIRST'
  /** Longest waiting first (the default). */
  | 'OLDEST_FIRST';

/** What an approval rule looks at. */
export type ApprovalRuleKind =
  /** The total is below the dealer's minimum order amount and its policy says APPROVAL. */
  | 'BELOW_MINIMUM_ORDER'
  /** Credit asks for an approval (the dealer's exceedance policy ROUTE_TO_APPROVAL, or a restricted account); level 4 or above. */
  | 'CREDIT_EXCEEDANCE'
  /** One of a new dealer's first `count` orders (dealers whose first orders were reviewed already are exempt). */
  | 'NEW_DEALER_FIRST_ORDERS'
  /** A line discounted by something other than the tier, volume breaks or a promotion campaign (today: a special price) by more than `discountPercent` off list. */
  | 'NON_CAMPAIGN_DISCOUNT'
  /** The order total is above `threshold` (high value). */
  | 'ORDER_TOTAL_ABOVE'
  /** A line is priced from a special price (a dealer agreement). */
  | 'SPECIAL_PRICE'
  /** A line's product has one of the rule's `handling` classes: its `restriction` (CONTRACT_ONLY, IMPORTED, QUOTA), or HAZARDOUS for a product marked hazardous (upsertProduct's `hazardous`). */
  | 'SPECIAL_PRODUCT';

/** Where an order stands with its approvals. */
export type ApprovalState =
  /** Every step of its chain was approved. */
  | 'APPROVED'
  /** No approval rule applied: the order was approved automatically. */
  | 'NOT_REQUIRED'
  /** Waits for an approver: see currentApprovalStep and estimatedDecisionAt. */
  | 'PENDING'
  /** An approver rejected it: see Order.rejection. */
  | 'REJECTED'
  /** Cancelled while it still waited for an approval. */
  | 'WITHDRAWN';

/** An approval, with the dealer's terms or counter terms. */
export type ApproveSpecialPriceRequestInput = {
  /** A note for the dealer. */
  comment?: string | null | undefined;
  /** The units granted; omitted: the quantity asked for. */
  quantity?: number | null | undefined;
  /** The request. */
  requestId: string | number;
  /** A counter unit price, e.g. "13.00"; omitted: the price the dealer wanted (required when it asked for an offer). */
  unitPrice?: string | null | undefined;
  /** The end of validity; omitted: the dealer's, else 90 days. */
  validTo?: string | null | undefined;
};

/** A product by SKU and a quantity. */
export type CartLineInput = {
  /** Units to add: a whole number from 1 to 100,000. */
  quantity: number;
  /** The SKU (any case). */
  sku: string;
};

/** What credit would say about ordering the cart now. */
export type CreditPreviewOutcome =
  /** Within available credit (see warning for an accepted exceedance). */
  | 'ACCEPT'
  /** The order would wait for an approver of approvalLevel (ROUTE_TO_APPROVAL, or SOFT_WARNING with its warning, beyond the limit; a RESTRICTED account). */
  | 'APPROVAL'
  /** PARTIAL_ORDER: only the whole lines in partialSkus (taken in cart order) fit the available credit: placing the cart places them and leaves the others in the cart. */
  | 'PARTIAL'
  /** PAYMENT_REQUIRED: the order would be placed AWAITING_PAYMENT, with stock reserved, and go on once amountToPay is paid. */
  | 'PAYMENT_REQUIRED'
  /** The order would be refused (code says why). */
  | 'REFUSE';

/** The graduated action on a dealer's credit, by the days past due of its oldest overdue invoice (thresholds are configurable). */
export type CreditStatus =
  /** The oldest overdue invoice is at least the block age (45 days by default), or more than the account's own overdueBlockAfterDays: no new credit is held until it is paid. */
  | 'BLOCKED'
  /** Nothing overdue long enough to act on. */
  | 'OK'
  /** The oldest overdue invoice is at least the restriction age (30 days by default). */
  | 'RESTRICTED'
  /** The oldest overdue invoice is at least the warning age (15 days by default). */
  | 'WARNING';

/** Narrows a dealer list. */
export type DealerFilterInput = {
  /** Only this region. */
  region?: string | null | undefined;
  /** Part of the name or code. */
  search?: string | null | undefined;
  /** Only this tier. */
  tier?: DealerTier | null | undefined;
};

/** The commercial tier of a dealer; it selects the tier price list. */
export type DealerTier =
  /** Demo tier price list: 5 % off list. */
  | 'BRONZE'
  /** Demo tier price list: 15 % off list. */
  | 'GOLD'
  /** The largest dealers; the demo tier price list takes 20 % off list. */
  | 'PLATINUM'
  /** Demo tier price list: 10 % off list. */
  | 'SILVER';

/** What happens to an order that exceeds the dealer's available credit (its credit limit, the soft one). Past the account's hard limit (CreditAccount.hardLimit) no policy takes an order on account. */
export type ExceedancePolicy =
  /** The order is refused (CREDIT_LIMIT_EXCEEDED); nothing is held. */
  | 'HARD_BLOCK'
  /** The whole lines that fit the available credit, taken in the dealer's line order, are placed; the others are left out (Order.deferredLines; a cart order's stay in the cart) and the warning names both parts. No line fits: CREDIT_LIMIT_EXCEEDED. */
  | 'PARTIAL_ORDER'
  /** The order is placed AWAITING_PAYMENT with its stock reserved and its credit held; it goes on once the shortfall (Order.paymentDue) is paid (recordPayment with the order's id) and is cancelled, everything released, when unpaid by Order.paymentDueBy. */
  | 'PAYMENT_REQUIRED'
  /** The order goes to the approval workflow (FINANCE, level 4); credit is held when it is approved. */
  | 'ROUTE_TO_APPROVAL'
  /** The order is placed PENDING_APPROVAL with a warning for the dealer (PlaceOrderPayload.warning, Order.warning) and waits for an approver of finance's level (4; configurable with CREDIT_SOFT_WARNING_APPROVAL_LEVEL); credit is held when it is approved. */
  | 'SOFT_WARNING';

/** Where an invitation stands. */
export type InvitationStatus =
  /** Used: the account exists. */
  | 'ACCEPTED'
  /** Withdrawn by an administrator; the token is refused. */
  | 'CANCELLED'
  /** Not used in time; the token is refused. */
  | 'EXPIRED'
  /** Pending: its token still works. */
  | 'OPEN';

/** Whom to invite, and as what. */
export type InviteUserInput = {
  /** The dealer; a DEALER_ADMIN may leave it out (their own dealer). ADMIN: leave it out to invite staff. */
  dealerId?: string | number | null | undefined;
  /** The invitee's email; it becomes their sign-in. */
  email: string;
  /** The role of the new account: a dealer role for a dealer's user, a staff role for staff; never above your own. */
  role: Role;
};

/** Where an invoice stands at the time of the request. */
export type InvoiceStatus =
  /** Not fully paid and not yet past its due date. */
  | 'OPEN'
  /** Not fully paid and at least one calendar day (UTC) past its due date. */
  | 'OVERDUE'
  /** Fully paid. */
  | 'PAID';

/** How an order reached the distributor. */
export type OrderChannel =
  /** Placed by one of the dealer's API clients. */
  | 'API'
  /** Sent as an EDI message: through an API client, or keyed in by staff. */
  | 'EDI'
  /** Received by e-mail and keyed in by staff on behalf of the dealer. */
  | 'EMAIL'
  /** Received by fax and keyed in by staff on behalf of the dealer. */
  | 'FAX'
  /** Taken by phone and keyed in by staff on behalf of the dealer. */
  | 'PHONE'
  /** Placed by one of the dealer's users in the portal (the web app or any client signed in as the user). */
  | 'PORTAL';

/** Narrows an order list. Conditions combine with AND. */
export type OrderFilter = {
  /** Only this dealer's orders. Staff only: for dealer users it is ignored, they always get their own dealer's orders. */
  dealerId?: string | number | null | undefined;
  /** Only orders placed at or after this instant. */
  placedFrom?: string | null | undefined;
  /** Only orders placed before this instant (exclusive). */
  placedTo?: string | null | undefined;
  /** Part of the order number or of the PO number, any case. */
  search?: string | null | undefined;
  /** Only orders in one of these statuses; omitted or empty: any status. */
  status?: Array<OrderStatus> | null | undefined;
};

/** What became of one uploaded or typed line. */
export type OrderLineStatus =
  /** The SKU appeared on an earlier line: the quantity was added to that line. */
  | 'DUPLICATE'
  /** The quantity is not a whole number from 1 to 100,000 (also counting what the cart holds). Not added. */
  | 'INVALID_QUANTITY'
  /** The product is outside the dealer's assortment or has no price for it. Not added. */
  | 'NOT_AUTHORIZED'
  /** Added to the cart. */
  | 'OK'
  /** No stock in any warehouse; see substitutes. Not added. */
  | 'OUT_OF_STOCK'
  /** No product with this SKU is sold (or the SKU is blank). Not added. */
  | 'UNKNOWN_SKU';

/** Where an order is in its lifecycle: AWAITING_PAYMENT -> APPROVED | PENDING_APPROVAL | CANCELLED; PENDING_APPROVAL -> APPROVED | REJECTED | CANCELLED; APPROVED -> PROCESSING | CANCELLED; PROCESSING -> SHIPPED | CANCELLED; SHIPPED -> DELIVERED. DELIVERED, REJECTED and CANCELLED are final. */
export type OrderStatus =
  /** Approved (automatically or by an approver); credit is held and the order goes to the ERP. */
  | 'APPROVED'
  /** Placed by a PAYMENT_REQUIRED dealer beyond its available credit: stock is reserved and credit held while it waits for the payment in Order.paymentDue (recordPayment with the order's id) until Order.paymentDueBy; paid, it goes on (APPROVED, or PENDING_APPROVAL when a rule asks for an approver); unpaid by then, it is CANCELLED and everything released. */
  | 'AWAITING_PAYMENT'
  /** Cancelled before it shipped. Final. */
  | 'CANCELLED'
  /** Arrived at the dealer. Final. */
  | 'DELIVERED'
  /** Placed; waits for a person of the distributor's staff to approve it. */
  | 'PENDING_APPROVAL'
  /** The ERP accepted the order and the warehouse is picking it. */
  | 'PROCESSING'
  /** An approver said no; the reason is in Order.rejection and the status history. Final. */
  | 'REJECTED'
  /** Left the warehouse. */
  | 'SHIPPED';

/** An order to place. */
export type PlaceOrderInput = {
  /** How the order reached the distributor. Staff: PHONE (the default), FAX, EMAIL or EDI. A dealer user's own order is PORTAL and an API client's API (or EDI); another value is refused (INVALID_INPUT). */
  channel?: OrderChannel | null | undefined;
  /** Staff (SALES_REP and up): the dealer the order is placed for, one in the caller's approval scope (FORBIDDEN otherwise); required for staff, who send lines (they have no cart). A dealer user may only name its own dealer. */
  dealerId?: string | number | null | undefined;
  /** The order total the dealer confirmed, e.g. "1234.50"; a different total now: PRICE_CHANGED, nothing placed. */
  expectedTotal?: string | null | undefined;
  /** Chosen by the client, unique per order: the same key from the same dealer returns the same order, never a second one. */
  idempotencyKey: string;
  /** The lines; omitted: the caller's cart is ordered (and emptied once the order is placed). */
  lines?: Array<PlaceOrderLineInput> | null | undefined;
  /** The dealer's own purchase order number. */
  poNumber?: string | null | undefined;
};

/** One line to order. */
export type PlaceOrderLineInput = {
  /** The unit price the dealer was shown and confirmed, e.g. "12.50". When the price is different now the order is not placed: PRICE_CHANGED with the new price. */
  expectedUnitPrice?: string | null | undefined;
  /** Units to order: a whole number from 1 to 100,000. */
  quantity: number;
  /** The product number (any case). */
  sku: string;
};

/** Narrows the product list; the conditions given must all hold. */
export type ProductFilter = {
  /** Only this brand: the exact brand name, in any case. */
  brand?: string | null | undefined;
  /** Only this category and every category below it. */
  categoryId?: string | number | null | undefined;
  /** When true, only products with something available (LOW counts as in stock). */
  inStockOnly?: boolean | null | undefined;
  /** Search: a SKU or its beginning, words of the name, description or brand; typos are tolerated and results ranked. At most 200 characters and 20 words (BAD_USER_INPUT past either). */
  search?: string | null | undefined;
  /** Technical specifications the product must have, all of them (at most 10); each needs equals, min or max. */
  specifications?: Array<SpecificationFilter> | null | undefined;
};

/** What a product link points at. */
export type ProductLinkKind =
  /** A CAD drawing or model. */
  | 'CAD'
  /** A certificate or declaration of conformity. */
  | 'CERTIFICATE'
  /** The technical data sheet (PDF). */
  | 'DATASHEET'
  /** A picture of the product. */
  | 'IMAGE'
  /** An installation or operating manual (PDF). */
  | 'MANUAL';

/** A device's web push subscription, as the browser's PushSubscription.toJSON() gives it. */
export type RegisterPushSubscriptionInput = {
  /** The subscription's authentication secret (keys.auth, base64url). */
  auth: string;
  /** The push service's URL for this device (https). */
  endpoint: string;
  /** The subscription's P-256 public key (keys.p256dh, base64url). */
  p256dh: string;
  /** A name for the device, so the user can tell their devices apart (at most 300 characters). */
  userAgent?: string | null | undefined;
};

/** Why an approver rejected an order. */
export type RejectionCode =
  /** The order is below the dealer's minimum order amount. */
  | 'BELOW_MINIMUM'
  /** The dealer's credit situation does not carry the order. */
  | 'CREDIT_RISK'
  /** Another reason, told in the text (the default of rejectOrder). */
  | 'OTHER'
  /** A price or discount of the order is not approved. */
  | 'PRICE_NOT_APPROVED'
  /** The stock cannot serve the order as placed. */
  | 'STOCK';

/** A special price to ask for. */
export type RequestSpecialPriceInput = {
  /** Units wanted at the special price: a whole number from 1 to 100,000. */
  quantity: number;
  /** Why: a competing offer, a project, a tender ... (1-2,000 characters). */
  reason: string;
  /** The product number (any case); the product must be in the dealer's assortment. */
  sku: string;
  /** Until when the price should hold (at most 366 days ahead); omitted: 90 days from approval. */
  validTo?: string | null | undefined;
  /** The unit price wanted, e.g. "12.50", below the current price; omitted: ask for an offer. */
  wantedUnitPrice?: string | null | undefined;
};

/** What a user may do. Dealer roles act for their own dealer; staff roles act by approval level. */
export type Role =
  /** The distributor's portal administrator. */
  | 'ADMIN'
  /** Manages the dealer's users and places orders. */
  | 'DEALER_ADMIN'
  /** Approval level 4; credit decisions. */
  | 'FINANCE'
  /** Approval level 5. */
  | 'GENERAL_MANAGER'
  /** Places and follows orders for the dealer. */
  | 'ORDER_ENTRY'
  /** Approval level 2. */
  | 'REGIONAL_MANAGER'
  /** Approval level 3. */
  | 'SALES_DIRECTOR'
  /** Distributor's sales representative, approval level 1. */
  | 'SALES_REP'
  /** Sees the dealer's catalog, prices, credit and orders; changes nothing. */
  | 'VIEW_ONLY';

/** Where a special price request stands: PENDING -> APPROVED | REJECTED (both final). */
export type SpecialPriceRequestStatus =
  /** Granted: the special price applies to the dealer's next orders within its validity and granted quantity. */
  | 'APPROVED'
  /** Waits for an approver of its level or above. */
  | 'PENDING'
  /** An approver said no; the reason is in decisionComment. */
  | 'REJECTED';

/** A condition on one technical specification: the product has it, with this value and/or in this range. */
export type SpecificationFilter = {
  /** Its value, exactly but in any case: "NBR", "true", "25". */
  equals?: string | null | undefined;
  /** A NUMBER specification at most this (in its own unit). */
  max?: number | null | undefined;
  /** A NUMBER specification at least this (in its own unit). */
  min?: number | null | undefined;
  /** The specification, e.g. "Bore diameter"; any case. */
  name: string;
};

/** What moved the balance. */
export type StatementEntryKind =
  /** A credit note (negative) or debit (positive) from accounting. */
  | 'ADJUSTMENT'
  /** An invoice raised the balance. */
  | 'INVOICE'
  /** A payment lowered the balance. */
  | 'PAYMENT';

/** Traffic-light stock status. LOW means available above zero and at or below the threshold. */
export type StockStatus =
  /** Green: more available than the low-stock threshold. */
  | 'IN_STOCK'
  /** Yellow: some available, at or below the low-stock threshold. */
  | 'LOW'
  /** Red: nothing available. */
  | 'OUT';

/** What to change in one rule; absent fields stay as they are. A reason is required (audit trail). */
export type UpdateApprovalRuleInput = {
  /** SALES or FINANCE: whose ladder decides its steps (the level must be on that area's ladder). */
  area?: ApprovalArea | null | undefined;
  /** True: back to the level's default deadline. */
  clearDeadline?: boolean | null | undefined;
  /** NEW_DEALER_FIRST_ORDERS: how many first orders, 1-100. */
  count?: number | null | undefined;
  /** Hours its step may wait, 1-720. */
  deadlineHours?: number | null | undefined;
  /** NON_CAMPAIGN_DISCOUNT: the percentage off list, e.g. "40.00". */
  discountPercent?: string | null | undefined;
  /** Turn the rule on or off. */
  enabled?: boolean | null | undefined;
  /** SPECIAL_PRODUCT: the handling classes that send an order to approval: a product's `restriction` (CONTRACT_ONLY, IMPORTED, QUOTA) or HAZARDOUS (marked hazardous). */
  handling?: Array<string> | null | undefined;
  /** The level its step needs, 1-5. */
  level?: number | null | undefined;
  /** The rule, by name. */
  name: string;
  /** Why (3-500 characters); kept in the audit trail. */
  reason: string;
  /** ORDER_TOTAL_ABOVE: the amount, e.g. "20000.00". */
  threshold?: string | null | undefined;
};

/** A CSV or XLSX file of order lines. */
export type UploadOrderLinesInput = {
  /** True: add nothing unless every row can be ordered. */
  allOrNothing?: boolean;
  /** The file bytes, base64-encoded; at most 1 MB decoded. */
  contentBase64: string;
  /** The file name; it must end in .csv or .xlsx, and the content must match. */
  filename: string;
};

export type AcceptInvitationMutationVariables = Exact<{
  token: string;
  name: string;
  password: string;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { user: { email: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type AccountPageQueryVariables = Exact<{
  from: string;
  to: string;
  invoiceStatus?: InvoiceStatus | null | undefined;
}>;


export type AccountPageQuery = { creditAccount: { dealerId: string, currency: string, paymentTermsDays: number, status: CreditStatus, limit: { amount: string, currency: string }, openBalance: { amount: string, currency: string }, pendingOrders: { amount: string, currency: string }, available: { amount: string, currency: string }, overdue: { amount: string, currency: string }, summary: { action: AccountAction, advice: string, utilisationPercent: number | null, actionAmount: { amount: string, currency: string } }, dueCalendar: { overdueInvoiceCount: number, overdue: { amount: string, currency: string }, upcoming: Array<{ start: string, invoiceCount: number, amount: { amount: string, currency: string } }> }, dueByDay: { upcoming: Array<{ start: string, invoiceCount: number, amount: { amount: string, currency: string } }> }, invoices: { totalCount: number, nodes: Array<{ id: string, number: string, issuedAt: string, dueAt: string, status: InvoiceStatus, daysOverdue: number, pdfUrl: string, amount: { amount: string, currency: string }, outstanding: { amount: string, currency: string } }> }, payments: { totalCount: number, nodes: Array<{ id: string, receivedAt: string, reference: string, amount: { amount: string, currency: string } }> }, statement: { from: string, to: string, pdfUrl: string, csvUrl: string, openingBalance: { amount: string, currency: string }, totalInvoiced: { amount: string, currency: string }, totalPaid: { amount: string, currency: string }, closingBalance: { amount: string, currency: string }, lines: Array<{ kind: StatementEntryKind, at: string, reference: string, description: string, amount: { amount: string, currency: string }, balance: { amount: string, currency: string } }> } } | null };

export type AddTemplateToCartMutationVariables = Exact<{
  templateId: string | number;
}>;


export type AddTemplateToCartMutation = { addTemplateToCart: { cart: { lineCount: number, totalQuantity: number, total: { amount: string, currency: string } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type AddToCartMutationVariables = Exact<{
  lines: Array<CartLineInput> | CartLineInput;
}>;


export type AddToCartMutation = { addToCart: { cart: { lineCount: number, totalQuantity: number, total: { amount: string } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type ApiClientsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ApiClientsQuery = { apiClients: { totalCount: number, nodes: Array<{ id: string, name: string, scopes: Array<ApiScope>, requestsPerMinute: number, createdAt: string, revokedAt: string | null, lastTokenAt: string | null, dealer: { id: string, name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ApprovalQueueChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ApprovalQueueChangedSubscription = { approvalQueueChanged: { id: string, orderId: string, type: string } };

export type ApprovalQueueQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  dealerId?: string | number | null | undefined;
  number?: string | null | undefined;
  level?: number | null | undefined;
  region?: string | null | undefined;
  sort?: ApprovalQueueSort | null | undefined;
}>;


export type ApprovalQueueQuery = { approvalQueue: { totalCount: number, nodes: Array<{ id: string, number: string, status: OrderStatus, placedAt: string, total: { amount: string, currency: string }, dealer: { id: string, name: string, region: string, credit: { status: CreditStatus, available: { amount: string } } | null }, currentApprovalStep: { level: number, rule: string, reason: string, dueAt: string | null } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ApprovalRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ApprovalRulesQuery = { approvalRules: Array<{ id: string, name: string, kind: ApprovalRuleKind, group: string, level: number, role: string, enabled: boolean, deadlineHours: number | null, discountPercent: string | null, count: number | null, updatedAt: string, threshold: { amount: string, currency: string } | null }> };

export type ApproveOrderMutationVariables = Exact<{
  orderId: string | number;
  comment?: string | null | undefined;
}>;


export type ApproveOrderMutation = { approveOrder: { order: { id: string, status: OrderStatus } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type ApproveOrdersMutationVariables = Exact<{
  orderIds: Array<string | number> | string | number;
  comment?: string | null | undefined;
}>;


export type ApproveOrdersMutation = { approveOrders: { results: Array<{ orderId: string, order: { id: string, number: string, status: OrderStatus } | null, userErrors: Array<{ code: string, message: string }> }>, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type ApproveSpecialPriceRequestMutationVariables = Exact<{
  input: ApproveSpecialPriceRequestInput;
}>;


export type ApproveSpecialPriceRequestMutation = { approveSpecialPriceRequest: { specialPriceRequest: { id: string, status: SpecialPriceRequestStatus, grantedUnitPrice: { amount: string, currency: string } | null } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type BeginMfaEnrolmentMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginMfaEnrolmentMutation = { beginMfaEnrolment: { otpauthUri: string | null, qrCodeSvg: string | null, secret: string | null, userErrors: Array<{ code: string, message: string }> } };

export type CartQueryVariables = Exact<{ [key: string]: never; }>;


export type CartQuery = { cart: { lineCount: number, totalQuantity: number, total: { amount: string, currency: string }, lines: Array<{ id: string, sku: string, name: string | null, quantity: number, orderable: boolean, problem: string | null, priceChanged: boolean, volumeBreakHint: string | null, stockStatus: string | null, available: number | null, unitPrice: { amount: string, currency: string } | null, lineTotal: { amount: string, currency: string } | null, priceWhenAdded: { amount: string } }>, creditPreview: { outcome: CreditPreviewOutcome, code: string | null, reason: string | null, warning: string | null, approvalLevel: number | null, available: { amount: string }, shortfall: { amount: string } } | null } | null };

export type CatalogPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ProductFilter | null | undefined;
  quantity?: number | null | undefined;
}>;


export type CatalogPageQuery = { products: { totalCount: number, nodes: Array<{ id: string, sku: string, name: string, brand: string, unit: string, stock: { status: StockStatus, available: number }, price: { discountPercent: number, appliedRules: Array<string>, listPrice: { amount: string, currency: string }, unitPrice: { amount: string, currency: string } } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ProductCardFragment = { id: string, sku: string, name: string, brand: string, unit: string, stock: { status: StockStatus, available: number }, price: { discountPercent: number, appliedRules: Array<string>, listPrice: { amount: string, currency: string }, unitPrice: { amount: string, currency: string } } | null };

export type ConfirmMfaEnrolmentMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmMfaEnrolmentMutation = { confirmMfaEnrolment: { refreshToken: string | null, recoveryCodes: Array<string>, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type DealerLookupQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: DealerFilterInput | null | undefined;
}>;


export type DealerLookupQuery = { dealers: { totalCount: number, nodes: Array<{ id: string, code: string, name: string, tier: DealerTier, region: string, city: string, credit: { oldestOverdueDays: number, status: CreditStatus, exceedancePolicy: ExceedancePolicy, limit: { amount: string, currency: string }, available: { amount: string, currency: string }, overdue: { amount: string, currency: string }, summary: { utilisationPercent: number | null, advice: string } } | null }> } };

export type DealerUsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DealerUsersQuery = { dealerUsers: { totalCount: number, nodes: Array<{ id: string, email: string, fullName: string, role: Role, active: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, invitations: { nodes: Array<{ id: string, email: string, role: Role, expiresAt: string, status: InvitationStatus }> } };

export type DeleteOrderTemplateMutationVariables = Exact<{
  templateId: string | number;
}>;


export type DeleteOrderTemplateMutation = { deleteOrderTemplate: { userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type DisableMfaMutationVariables = Exact<{
  code: string;
}>;


export type DisableMfaMutation = { disableMfa: { disabled: boolean, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type DisableUserMutationVariables = Exact<{
  userId: string | number;
}>;


export type DisableUserMutation = { disableUser: { user: { id: string, active: boolean } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type EnableUserMutationVariables = Exact<{
  userId: string | number;
}>;


export type EnableUserMutation = { enableUser: { user: { id: string, active: boolean } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type InviteUserMutationVariables = Exact<{
  input: InviteUserInput;
}>;


export type InviteUserMutation = { inviteUser: { invitationToken: string | null, invitation: { id: string, email: string, role: Role, expiresAt: string, status: InvitationStatus } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type MarkNotificationsReadMutationVariables = Exact<{
  eventIds?: Array<string | number> | string | number | null | undefined;
  all?: boolean | null | undefined;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { unreadCount: number, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type MyDealerQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDealerQuery = { me: { id: string, email: string, fullName: string, role: Role, approvalLevel: number, dealer: { id: string, name: string, tier: DealerTier, credit: { oldestOverdueDays: number, status: CreditStatus, exceedancePolicy: ExceedancePolicy, limit: { amount: string, currency: string }, openBalance: { amount: string }, pendingOrders: { amount: string }, available: { amount: string }, overdue: { amount: string } } | null } | null } | null };

export type CreditFieldsFragment = { oldestOverdueDays: number, status: CreditStatus, exceedancePolicy: ExceedancePolicy, limit: { amount: string, currency: string }, openBalance: { amount: string }, pendingOrders: { amount: string }, available: { amount: string }, overdue: { amount: string } };

export type MyOrdersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: OrderFilter | null | undefined;
}>;


export type MyOrdersQuery = { orders: { totalCount: number, nodes: Array<{ id: string, number: string, status: OrderStatus, placedAt: string, poNumber: string | null, total: { amount: string, currency: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MySecurityQueryVariables = Exact<{ [key: string]: never; }>;


export type MySecurityQuery = { mySessions: Array<{ id: string, device: string | null, ipAddress: string | null, createdAt: string, lastSeenAt: string | null, current: boolean }>, myMfa: { enabled: boolean, required: boolean, recoveryCodesLeft: number } };

export type NotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationAddedSubscription = { notificationAdded: { id: string, type: string, orderId: string } };

export type NotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type NotificationsQuery = { notifications: { totalCount: number, unreadCount: number, nodes: Array<{ id: string, type: string, orderId: string, status: string | null, reason: string | null, level: number | null, at: string, read: boolean, order: { id: string, number: string, status: OrderStatus } | null, specialPriceRequest: { id: string, sku: string, status: SpecialPriceRequestStatus } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OrderPageQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderPageQuery = { order: { id: string, number: string, status: OrderStatus, placedAt: string, updatedAt: string, poNumber: string | null, warning: string | null, estimatedDecisionAt: string | null, approvalState: ApprovalState, total: { amount: string, currency: string }, dealer: { id: string, name: string }, lines: Array<{ id: string, sku: string, name: string, quantity: number, unitPrice: { amount: string, currency: string }, lineTotal: { amount: string, currency: string } }>, statusHistory: Array<{ status: OrderStatus, at: string, comment: string | null }>, approvalSteps: Array<{ position: number, level: number, role: string, rule: string, reason: string, status: string, decidedAt: string | null, comment: string | null, dueAt: string | null }>, rejection: { code: RejectionCode, reason: string } | null } | null };

export type OrderTemplatesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrderTemplatesQuery = { orderTemplates: { totalCount: number, nodes: Array<{ id: string, name: string, createdAt: string, lineCount: number, lines: Array<{ sku: string, quantity: number, product: { id: string, name: string } }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OrderUpdatedSubscriptionVariables = Exact<{
  orderId?: string | number | null | undefined;
}>;


export type OrderUpdatedSubscription = { orderUpdated: { id: string, number: string, status: OrderStatus, updatedAt: string, approvalState: ApprovalState } };

export type PlaceOrderMutationVariables = Exact<{
  input: PlaceOrderInput;
}>;


export type PlaceOrderMutation = { placeOrder: { warning: string | null, order: { id: string, number: string, status: OrderStatus, total: { amount: string } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type ProductDetailQueryVariables = Exact<{
  sku: string;
}>;


export type ProductDetailQuery = { product: { id: string, sku: string, name: string, brand: string, description: string, unit: string, packSize: number, category: { id: string, name: string }, stock: { status: StockStatus, available: number, warehouses: Array<{ available: number, status: StockStatus, preferred: boolean, warehouse: { id: string, name: string, city: string } }>, inTransit: Array<{ quantity: number, eta: string | null, warehouse: { id: string, name: string } }> }, specifications: Array<{ name: string, value: string, unit: string | null }>, images: Array<{ kind: ProductLinkKind, url: string, title: string }>, documents: Array<{ kind: ProductLinkKind, url: string, title: string }>, price: { discountPercent: number, appliedRules: Array<string>, listPrice: { amount: string, currency: string }, unitPrice: { amount: string, currency: string } } | null, substitutes: Array<{ id: string, sku: string, name: string, brand: string, stock: { status: StockStatus, available: number }, price: { unitPrice: { amount: string, currency: string } } | null }> } | null, myPriceList: { tier: string, tierDiscountPercent: number, volumeBreaks: Array<{ minQuantity: number, maxQuantity: number | null, discountPercent: number }> } | null };

export type ProductPriceQueryVariables = Exact<{
  sku: string;
  quantity: number;
}>;


export type ProductPriceQuery = { product: { id: string, price: { quantity: number, discountPercent: number, appliedRules: Array<string>, listPrice: { amount: string, currency: string }, unitPrice: { amount: string, currency: string }, lineTotal: { amount: string, currency: string }, youSave: { amount: string, currency: string }, breakdown: Array<{ rule: string, label: string, unitPrice: { amount: string, currency: string } }> } | null } | null };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string | null, refreshToken: string | null, expiresIn: number | null, userErrors: Array<{ code: string, message: string }> } };

export type RegisterPushSubscriptionMutationVariables = Exact<{
  input: RegisterPushSubscriptionInput;
}>;


export type RegisterPushSubscriptionMutation = { registerPushSubscription: { subscription: { id: string, endpoint: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RejectOrderMutationVariables = Exact<{
  orderId: string | number;
  reason: string;
}>;


export type RejectOrderMutation = { rejectOrder: { order: { id: string, status: OrderStatus } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RejectOrdersMutationVariables = Exact<{
  orderIds: Array<string | number> | string | number;
  reason: string;
  reasonCode?: RejectionCode | null | undefined;
}>;


export type RejectOrdersMutation = { rejectOrders: { results: Array<{ orderId: string, order: { id: string, number: string, status: OrderStatus } | null, userErrors: Array<{ code: string, message: string }> }>, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RejectSpecialPriceRequestMutationVariables = Exact<{
  requestId: string | number;
  reason: string;
}>;


export type RejectSpecialPriceRequestMutation = { rejectSpecialPriceRequest: { specialPriceRequest: { id: string, status: SpecialPriceRequestStatus } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RemovePushSubscriptionMutationVariables = Exact<{
  endpoint: string;
}>;


export type RemovePushSubscriptionMutation = { removePushSubscription: { removed: boolean, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type ReorderMutationVariables = Exact<{
  orderId: string | number;
}>;


export type ReorderMutation = { reorder: { lines: Array<{ sku: string, quantity: number, status: OrderLineStatus, message: string, priceChanged: boolean, previousUnitPrice: { amount: string, currency: string }, currentUnitPrice: { amount: string, currency: string } | null }>, cart: { lineCount: number, totalQuantity: number, total: { amount: string, currency: string } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RequestSpecialPriceMutationVariables = Exact<{
  input: RequestSpecialPriceInput;
}>;


export type RequestSpecialPriceMutation = { requestSpecialPrice: { specialPriceRequest: { id: string, status: SpecialPriceRequestStatus, requiredRole: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type RevokeAllSessionsMutationVariables = Exact<{
  keepCurrent: boolean;
}>;


export type RevokeAllSessionsMutation = { revokeAllSessions: { revokedCount: number, userErrors: Array<{ code: string, message: string }> } };

export type RevokeSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeSessionMutation = { revokeSession: { revokedCount: number, userErrors: Array<{ code: string, message: string }> } };

export type SaveCartAsTemplateMutationVariables = Exact<{
  name: string;
}>;


export type SaveCartAsTemplateMutation = { saveCartAsTemplate: { template: { id: string, name: string, lineCount: number } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type SaveOrderAsTemplateMutationVariables = Exact<{
  orderId: string | number;
  name: string;
}>;


export type SaveOrderAsTemplateMutation = { saveOrderAsTemplate: { template: { id: string, name: string, lineCount: number } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type SetUserRoleMutationVariables = Exact<{
  userId: string | number;
  role: Role;
}>;


export type SetUserRoleMutation = { setUserRole: { user: { id: string, role: Role, active: boolean } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
  otp?: string | null | undefined;
}>;


export type SignInMutation = { login: { accessToken: string | null, refreshToken: string | null, expiresIn: number | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type SignOutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type SignOutMutation = { logout: { loggedOut: boolean, userErrors: Array<{ code: string, message: string }> } };

export type SpecialPriceRequestsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: SpecialPriceRequestStatus | null | undefined;
}>;


export type SpecialPriceRequestsQuery = { specialPriceRequests: { totalCount: number, nodes: Array<{ id: string, sku: string, productName: string, quantity: number, reason: string, status: SpecialPriceRequestStatus, requiredRole: string, routingReason: string, createdAt: string, decidedAt: string | null, decisionComment: string | null, validTo: string | null, grantedQuantity: number | null, dealer: { id: string, name: string }, listPrice: { amount: string, currency: string }, currentUnitPrice: { amount: string, currency: string }, wantedUnitPrice: { amount: string, currency: string } | null, grantedUnitPrice: { amount: string, currency: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SpecialPriceRequestFieldsFragment = { id: string, sku: string, productName: string, quantity: number, reason: string, status: SpecialPriceRequestStatus, requiredRole: string, routingReason: string, createdAt: string, decidedAt: string | null, decisionComment: string | null, validTo: string | null, grantedQuantity: number | null, dealer: { id: string, name: string }, listPrice: { amount: string, currency: string }, currentUnitPrice: { amount: string, currency: string }, wantedUnitPrice: { amount: string, currency: string } | null, grantedUnitPrice: { amount: string, currency: string } | null };

export type UpdateApprovalRuleMutationVariables = Exact<{
  input: UpdateApprovalRuleInput;
}>;


export type UpdateApprovalRuleMutation = { updateApprovalRule: { rule: { id: string, name: string, enabled: boolean, level: number, deadlineHours: number | null, updatedAt: string } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type UploadOrderLinesMutationVariables = Exact<{
  input: UploadOrderLinesInput;
}>;


export type UploadOrderLinesMutation = { uploadOrderLines: { rows: Array<{ row: number, sku: string, quantity: number | null, status: OrderLineStatus, message: string, mergedIntoRow: number | null }>, cart: { lineCount: number, totalQuantity: number, total: { amount: string, currency: string } } | null, userErrors: Array<{ code: string, message: string, field: Array<string> | null }> } };

export type WebPushPublicKeyQueryVariables = Exact<{ [key: string]: never; }>;


export type WebPushPublicKeyQuery = { webPushPublicKey: string | null, pushSubscriptions: Array<{ id: string, endpoint: string }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ProductCardFragmentDoc = new TypedDocumentString(`
    fragment ProductCard on Product {
  id
  sku
  name
  brand
  unit
  stock {
    status
    available
  }
  price(quantity: $quantity) {
    listPrice {
      amount
      currency
    }
    unitPrice {
      amount
      currency
    }
    discountPercent
    appliedRules
  }
}
    `, {"fragmentName":"ProductCard"}) as unknown as TypedDocumentString<ProductCardFragment, unknown>;
export const CreditFieldsFragmentDoc = new TypedDocumentString(`
    fragment CreditFields on CreditAccount {
  limit {
    amount
    currency
  }
  openBalance {
    amount
  }
  pendingOrders {
    amount
  }
  available {
    amount
  }
  overdue {
    amount
  }
  oldestOverdueDays
  status
  exceedancePolicy
}
    `, {"fragmentName":"CreditFields"}) as unknown as TypedDocumentString<CreditFieldsFragment, unknown>;
export const SpecialPriceRequestFieldsFragmentDoc = new TypedDocumentString(`
    fragment SpecialPriceRequestFields on SpecialPriceRequest {
  id
  sku
  productName
  quantity
  reason
  status
  requiredRole
  routingReason
  createdAt
  decidedAt
  decisionComment
  validTo
  dealer {
    id
    name
  }
  listPrice {
    amount
    currency
  }
  currentUnitPrice {
    amount
    currency
  }
  wantedUnitPrice {
    amount
    currency
  }
  grantedUnitPrice {
    amount
    currency
  }
  grantedQuantity
}
    `, {"fragmentName":"SpecialPriceRequestFields"}) as unknown as TypedDocumentString<SpecialPriceRequestFieldsFragment, unknown>;
export const AcceptInvitationDocument = {"__meta__":{"hash":"sha256:07e3f06a8bbcab362f9b0186388be1bb8e328531b5d0eadc33f574abd4e3165e"}} as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const AccountPageDocument = {"__meta__":{"hash":"sha256:e73f3b752bcdcec73995d36983a5d0bf96ced704b2179e8fd845a8d3c9781200"}} as unknown as TypedDocumentString<AccountPageQuery, AccountPageQueryVariables>;
export const AddTemplateToCartDocument = {"__meta__":{"hash":"sha256:955787ae36951160ddc8b62f20655a787fbfb46caf291c0ee36ddc894e0aed0b"}} as unknown as TypedDocumentString<AddTemplateToCartMutation, AddTemplateToCartMutationVariables>;
export const AddToCartDocument = {"__meta__":{"hash":"sha256:fea683adb10a97bcc6b2be2a4da7370eb530d080ef82bae24dccc564bbbf8419"}} as unknown as TypedDocumentString<AddToCartMutation, AddToCartMutationVariables>;
export const ApiClientsDocument = {"__meta__":{"hash":"sha256:3fdd65a1968ca734856ece3dd5c3a1f7f6ef558d54590a4120565f4d1a8ef2b8"}} as unknown as TypedDocumentString<ApiClientsQuery, ApiClientsQueryVariables>;
export const ApprovalQueueChangedDocument = {"__meta__":{"hash":"sha256:ddd40fe3577459c7b1debf43283533f0e73d767ebd60b103c4bde919d1a600a2"}} as unknown as TypedDocumentString<ApprovalQueueChangedSubscription, ApprovalQueueChangedSubscriptionVariables>;
export const ApprovalQueueDocument = {"__meta__":{"hash":"sha256:98195f5879abfcef8f5a32be5a4cdda7e2128d01c95baf4db6cbc46cd3a5ab5b"}} as unknown as TypedDocumentString<ApprovalQueueQuery, ApprovalQueueQueryVariables>;
export const ApprovalRulesDocument = {"__meta__":{"hash":"sha256:91d5a65832f96849c022a8cee59c02f9cc592ffa0c5cd5396359b7f2294b0a20"}} as unknown as TypedDocumentString<ApprovalRulesQuery, ApprovalRulesQueryVariables>;
export const ApproveOrderDocument = {"__meta__":{"hash":"sha256:2e414c2dee7e031188a6f27841c72ad36471120f5334c3fe23ba1e6d62b31aaf"}} as unknown as TypedDocumentString<ApproveOrderMutation, ApproveOrderMutationVariables>;
export const ApproveOrdersDocument = {"__meta__":{"hash":"sha256:0866f15fe76f01a933b30a04af88ce668bc693f94f9d7812bfa07fa64d38e931"}} as unknown as TypedDocumentString<ApproveOrdersMutation, ApproveOrdersMutationVariables>;
export const ApproveSpecialPriceRequestDocument = {"__meta__":{"hash":"sha256:c4296f3f0a8895d97774fcfbfbba7a8ffc27c17db6ef53135f89fdbdc79ed051"}} as unknown as TypedDocumentString<ApproveSpecialPriceRequestMutation, ApproveSpecialPriceRequestMutationVariables>;
export const BeginMfaEnrolmentDocument = {"__meta__":{"hash":"sha256:8a9040698b9dcf0f15333f7d99949fe6f0d51e370ff62ee959ebd27331f9f394"}} as unknown as TypedDocumentString<BeginMfaEnrolmentMutation, BeginMfaEnrolmentMutationVariables>;
export const CartDocument = {"__meta__":{"hash":"sha256:4c7648bd0d4cdbabf6042a2bbe003b22b4209fd6ab446274314f899498b7b17f"}} as unknown as TypedDocumentString<CartQuery, CartQueryVariables>;
export const CatalogPageDocument = {"__meta__":{"hash":"sha256:54bae969b10bc5074af4151d9d3d437ebe9111174eca7ef0e15f3c16e4930603"}} as unknown as TypedDocumentString<CatalogPageQuery, CatalogPageQueryVariables>;
export const ConfirmMfaEnrolmentDocument = {"__meta__":{"hash":"sha256:8c828e1d2ae7c785c43929e71e24638ba3a757e474d5ba4af163514fe74b27db"}} as unknown as TypedDocumentString<ConfirmMfaEnrolmentMutation, ConfirmMfaEnrolmentMutationVariables>;
export const DealerLookupDocument = {"__meta__":{"hash":"sha256:81496ab3dd1d0a061e88f79d9b8f3beac13c1ca7497c293d884f82e0ffe27fa5"}} as unknown as TypedDocumentString<DealerLookupQuery, DealerLookupQueryVariables>;
export const DealerUsersDocument = {"__meta__":{"hash":"sha256:234b060623637ef43a3033f9337da7258a5cf6789451a33e805385b020cfe68c"}} as unknown as TypedDocumentString<DealerUsersQuery, DealerUsersQueryVariables>;
export const DeleteOrderTemplateDocument = {"__meta__":{"hash":"sha256:764ea23292e3e3a25e7630adf1608503ef8f6062f273c2e9e46fe6293d706983"}} as unknown as TypedDocumentString<DeleteOrderTemplateMutation, DeleteOrderTemplateMutationVariables>;
export const DisableMfaDocument = {"__meta__":{"hash":"sha256:5c337e2f81fbc8246b7b351d6e85adeb1b479a82fac54e9ea56b1c3427c8cc21"}} as unknown as TypedDocumentString<DisableMfaMutation, DisableMfaMutationVariables>;
export const DisableUserDocument = {"__meta__":{"hash":"sha256:1d56b8a660d546bced536496f8bfff479cde6d4bca16620e26d79ff0f2f62cab"}} as unknown as TypedDocumentString<DisableUserMutation, DisableUserMutationVariables>;
export const EnableUserDocument = {"__meta__":{"hash":"sha256:4b70a5cf54523a4b878c0c32be377868a116bf6735b3a77e69970924e2d1f771"}} as unknown as TypedDocumentString<EnableUserMutation, EnableUserMutationVariables>;
export const InviteUserDocument = {"__meta__":{"hash":"sha256:0adc07e9c0467e16ef9ae66627c2ab15acaee8c527f6e47b71477d417401951e"}} as unknown as TypedDocumentString<InviteUserMutation, InviteUserMutationVariables>;
export const MarkNotificationsReadDocument = {"__meta__":{"hash":"sha256:705bb9e016ce8b460d340cb20423e2e0df62e75478e6e15073d3e97360c3fa6a"}} as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const MyDealerDocument = {"__meta__":{"hash":"sha256:e566d73b7c0b6624bbd698f8ffb123605dff29a13c2c28a50069f57cd3085c09"}} as unknown as TypedDocumentString<MyDealerQuery, MyDealerQueryVariables>;
export const MyOrdersDocument = {"__meta__":{"hash":"sha256:d0491371bfd5ae9c46bf929953544b18965dda077a7b4cf16b5b9ebeacfe28c9"}} as unknown as TypedDocumentString<MyOrdersQuery, MyOrdersQueryVariables>;
export const MySecurityDocument = {"__meta__":{"hash":"sha256:175a9bb5b199c8846111d7b9f48b3c167ad3efb5a423c1d4df575d3666f67b87"}} as unknown as TypedDocumentString<MySecurityQuery, MySecurityQueryVariables>;
export const NotificationAddedDocument = {"__meta__":{"hash":"sha256:e0edb857dad5b0995369ada7e5060d5824657ae19c6ec03dc9b86c74fa7d6521"}} as unknown as TypedDocumentString<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const NotificationsDocument = {"__meta__":{"hash":"sha256:8ee7b1902355ab73ebf40263f6fd34cbb23601148aef536d8f5f4e49afeb9562"}} as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const OrderPageDocument = {"__meta__":{"hash":"sha256:5c5d98eff4ae3fa004b9d276b5e4488dd074f93108a6657e0c1ac9f6d5cf6427"}} as unknown as TypedDocumentString<OrderPageQuery, OrderPageQueryVariables>;
export const OrderTemplatesDocument = {"__meta__":{"hash":"sha256:f5534731004b8de4aea27ed8cb7d7864336b7d8bab92aa653d142d1ebfcc3e8d"}} as unknown as TypedDocumentString<OrderTemplatesQuery, OrderTemplatesQueryVariables>;
export const OrderUpdatedDocument = {"__meta__":{"hash":"sha256:514cd595c49fda31dc80071b31f2437b7003d3fd7d067c5ffbb19600b1cb1be0"}} as unknown as TypedDocumentString<OrderUpdatedSubscription, OrderUpdatedSubscriptionVariables>;
export const PlaceOrderDocument = {"__meta__":{"hash":"sha256:daf8c40c1416a475db7376ec6892a231e0a1ef6b7016fac027f029e4459d2ee6"}} as unknown as TypedDocumentString<PlaceOrderMutation, PlaceOrderMutationVariables>;
export const ProductDetailDocument = {"__meta__":{"hash":"sha256:0ba7a4f2e9cf9e505c27a81e336f61b3894503cf5f453b0e8ee311e0cc15cd63"}} as unknown as TypedDocumentString<ProductDetailQuery, ProductDetailQueryVariables>;
export const ProductPriceDocument = {"__meta__":{"hash":"sha256:81ce1ffefea29a523934458d52e4ba8904a0f5923fc8b6a6a8e94b951402d0c6"}} as unknown as TypedDocumentString<ProductPriceQuery, ProductPriceQueryVariables>;
export const RefreshSessionDocument = {"__meta__":{"hash":"sha256:3df67ef8560e2d6293118241f91a713e2813aea6d9f87e2a9b27af7118559b66"}} as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const RegisterPushSubscriptionDocument = {"__meta__":{"hash":"sha256:b3dee6c676a2f32ca3dd3c55e23061ece0db961449e06ea0e081e4b9f3d4ca3d"}} as unknown as TypedDocumentString<RegisterPushSubscriptionMutation, RegisterPushSubscriptionMutationVariables>;
export const RejectOrderDocument = {"__meta__":{"hash":"sha256:e8efb32fec5d6209990013ac60f3c2adbd03604756df6aee14fa759bbb9ec919"}} as unknown as TypedDocumentString<RejectOrderMutation, RejectOrderMutationVariables>;
export const RejectOrdersDocument = {"__meta__":{"hash":"sha256:8afe15c1bcaf17fc88ebea1a356b8fc374a4251878bd5bf94c79e020a72431f0"}} as unknown as TypedDocumentString<RejectOrdersMutation, RejectOrdersMutationVariables>;
export const RejectSpecialPriceRequestDocument = {"__meta__":{"hash":"sha256:53e9a68797ec4390ab72569563ded897b8fda8ef0ab70f59eba5a25ef6039ecd"}} as unknown as TypedDocumentString<RejectSpecialPriceRequestMutation, RejectSpecialPriceRequestMutationVariables>;
export const RemovePushSubscriptionDocument = {"__meta__":{"hash":"sha256:e330455e6d2c89ac1703bdae98505a9b8cfeadf0b1d64dbed3acf3192f45f63e"}} as unknown as TypedDocumentString<RemovePushSubscriptionMutation, RemovePushSubscriptionMutationVariables>;
export const ReorderDocument = {"__meta__":{"hash":"sha256:07f78219365bd11388ea2f46472f842d6572c59865671a0a5f168be2ec965d6b"}} as unknown as TypedDocumentString<ReorderMutation, ReorderMutationVariables>;
export const RequestSpecialPriceDocument = {"__meta__":{"hash":"sha256:03cd43edfa6a47e5f0ba74b7903250cb5cae907bd937c2f33613c6d88d4073ff"}} as unknown as TypedDocumentString<RequestSpecialPriceMutation, RequestSpecialPriceMutationVariables>;
export const RevokeAllSessionsDocument = {"__meta__":{"hash":"sha256:82c34a79e86bd2369a4a58a9a558f6fc7a9273c355b56cb66ee8c6571339a08a"}} as unknown as TypedDocumentString<RevokeAllSessionsMutation, RevokeAllSessionsMutationVariables>;
export const RevokeSessionDocument = {"__meta__":{"hash":"sha256:2bbcc0868c5d7de095898f32bc1c4299207575fb186484041f944e05fa222508"}} as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const SaveCartAsTemplateDocument = {"__meta__":{"hash":"sha256:853f537b1f85f06fb2b676b636b1bb00061bc71ede81c7f3afbe6327c79e5b24"}} as unknown as TypedDocumentString<SaveCartAsTemplateMutation, SaveCartAsTemplateMutationVariables>;
export const SaveOrderAsTemplateDocument = {"__meta__":{"hash":"sha256:9d78e58c9094bf0c72422cb0527062ed2200e771d94e01570b3bc8261939e411"}} as unknown as TypedDocumentString<SaveOrderAsTemplateMutation, SaveOrderAsTemplateMutationVariables>;
export const SetUserRoleDocument = {"__meta__":{"hash":"sha256:b76ef12200411a36c2fb5307716316036d77dbaecb8844a5854ce0fe473dbe31"}} as unknown as TypedDocumentString<SetUserRoleMutation, SetUserRoleMutationVariables>;
export const SignInDocument = {"__meta__":{"hash":"sha256:8f32c572e5fd2958b9c5a8025d307870ca6583d42d0a1cf855781cf44f1e3714"}} as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = {"__meta__":{"hash":"sha256:fec61b2d959a4a117742ad01d1d64955d1d9f1f082099ecd01c8746c229c78b7"}} as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const SpecialPriceRequestsDocument = {"__meta__":{"hash":"sha256:46015178cc4a9766dd308750b42fc14ce6f10f9e92bf19f30938d6f46ad67f0c"}} as unknown as TypedDocumentString<SpecialPriceRequestsQuery, SpecialPriceRequestsQueryVariables>;
export const UpdateApprovalRuleDocument = {"__meta__":{"hash":"sha256:c30df57dbc829dd6976c7c2e9fd0b2e934c23838b956c0364f2eb007ae96e3dc"}} as unknown as TypedDocumentString<UpdateApprovalRuleMutation, UpdateApprovalRuleMutationVariables>;
export const UploadOrderLinesDocument = {"__meta__":{"hash":"sha256:dc54ab197d21a391f036d2bbaebd7293e36ab921361012300c64307d68a31ba6"}} as unknown as TypedDocumentString<UploadOrderLinesMutation, UploadOrderLinesMutationVariables>;
export const WebPushPublicKeyDocument = {"__meta__":{"hash":"sha256:9b79cfd2039c5606c2a4568b7ef671a1969bd46b3fcaeea8c0f97689690ce2cd"}} as unknown as TypedDocumentString<WebPushPublicKeyQuery, WebPushPublicKeyQueryVariables>;