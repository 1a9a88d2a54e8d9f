import { API_SCOPES, type ApiScope, type Decision } from './authorization-matrix.js';

/**
 * Which API client scopes may read each field below the root, deny by default: a client selects
 * `Type.field` only when it holds one of the scopes granted to that field here (CLIENT_FIELD_GRANTS),
 * else to its type (CLIENT_TYPE_GRANTS); a type granted nothing (`[]`), or not named at all, is closed
 * to every client. Root fields, and nested fields with a row of their own (`Product.price`), are
 * decided by the authorization matrix. The gateway's scope check reads this
 * (gateway/src/security/client-scope.plugin.ts); a test fails when the supergraph gains an object
 * type this table does not name, or the table names one it does not have
 * (packages/runtime/test/client-field-grants.test.ts).
 *
 * So an ORDERS_WRITE client reads its orders and cart, but not its dealer's credit, invoices or
 * statements through `orders { dealer { credit } }`, nor prices through its cart without PRICES_READ.
 */
const ANY: readonly ApiScope[] = API_SCOPES;
const CLOSED: readonly ApiScope[] = [];
const CATALOG: readonly ApiScope[] = ['CATALOG_READ'];
const PRICES: readonly ApiScope[] = ['PRICES_READ'];
const ORDERS: readonly ApiScope[] = ['ORDERS_WRITE'];
const ERP: readonly ApiScope[] = ['ERP_IMPORT'];

export const CLIENT_TYPE_GRANTS: Readonly<Record<string, readonly ApiScope[]>> = {
  // Shapes every answer uses.
  Money: ANY,
  PageInfo: ANY,
  UserError: ANY,
  // Catalog
  Product: CATALOG,
  ProductConnection: CATALOG,
  ProductSpecification: CATALOG,
  ProductLink: CATALOG,
  Brand: CATALOG,
  Category: CATALOG,
  Warehouse: CATALOG,
  Stock: CATALOG,
  WarehouseStock: CATALOG,
  InTransitStock: CATALOG,
  StockChange: CATALOG,
  ImportStockLevelsPayload: ERP,
  // Imports (integration subgraph): the job and its per-row report, for the ERP's own client.
  StartImportPayload: ERP,
  ImportJob: ERP,
  ImportCountsType: ERP,
  ImportRowConnection: ERP,
  ImportRowType: ERP,
  // Master data (dealers subgraph): upserts by the ERP's key.
  UpsertDealerPayload: ERP,
  UpsertDealerAddressPayload: ERP,
  UpsertDealerContactPayload: ERP,
  // Master data (products subgraph): the product in the answer needs CATALOG_READ too.
  ProductMasterPayload: ERP,
  UpsertInTransitPayload: ERP,
  UpsertCategoryPayload: ERP,
  UpsertWarehousePayload: ERP,
  // Master data (prices subgraph).
  PriceAgreementPayload: ERP,
  ReplaceVolumeBreaksPayload: ERP,
  // Master data (credit subgraph): the account in the answer is granted by its own type.
  UpsertCreditAccountPayload: ERP,
  // Webhooks to the ERP: the portal administrator's alone (the ERP verifies what it receives, it does not manage it).
  WebhookEndpoint: CLOSED,
  WebhookEndpointConnection: CLOSED,
  WebhookEndpointPayload: CLOSED,
  WebhookDelivery: CLOSED,
  WebhookDeliveryConnection: CLOSED,
  WebhookAttempt: CLOSED,
  ReplayWebhookDeliveryPayload: CLOSED,
  ReplayWebhookDeliveriesPayload: CLOSED,
  IgnoreWebhookDeliveryPayload: CLOSED,
  PriceMismatch: CLOSED,
  PriceMismatchConnection: CLOSED,
  ResolvePriceMismatchPayload: CLOSED,
  IntegrationAlert: CLOSED,
  IntegrationAlertConnection: CLOSED,
  // The integration monitor: the ERP's client may watch its own syncs.
  IntegrationStatus: ERP,
  SyncStatus: ERP,
  AssortmentCheck: CLOSED,
  SetProductRestrictionPayload: CLOSED,
  AssortmentGrantPayload: CLOSED,
  SetDealerCategoryLimitsPayload: CLOSED,
  // Prices
  Price: PRICES,
  PriceStep: PRICES,
  DealerPriceList: PRICES,
  VolumeBreakRule: PRICES,
  CartVolumeBreak: PRICES,
  // Ordering (prices inside a cart need PRICES_READ: CLIENT_FIELD_GRANTS); the ERP reads the orders it
  // acknowledges and reports fulfilment of, in those mutations' payloads.
  Cart: ORDERS,
  CartLine: ORDERS,
  CartPayload: ORDERS,
  UploadOrderLinesPayload: ORDERS,
  UploadedOrderLine: ORDERS,
  UploadSubstitute: ORDERS,
  ReorderPayload: ORDERS,
  ReorderLine: ORDERS,
  OrderTemplate: ORDERS,
  OrderTemplateLine: ORDERS,
  OrderTemplatePayload: ORDERS,
  OrderTemplateConnection: ORDERS,
  DeleteOrderTemplatePayload: ORDERS,
  PlaceOrderPayload: ORDERS,
  OrderPayload: [...ORDERS, ...ERP],
  Order: [...ORDERS, ...ERP],
  OrderConnection: ORDERS,
  OrderLine: [...ORDERS, ...ERP],
  DeferredOrderLine: [...ORDERS, ...ERP],
  OrderStatusChange: [...ORDERS, ...ERP],
  OrderRejection: ORDERS,
  RejectionAlternative: ORDERS,
  OrderApprovalStep: ORDERS,
  CartCreditPreview: CLOSED,
  // The bound dealer's master data, read through an order or a credit account (credit: below).
  Dealer: [...ORDERS, ...ERP],
  // Where an order ships to is an ordering client's business; the dealer's people are the ERP's.
  DealerAddress: [...ORDERS, ...ERP],
  DealerContact: ERP,
  DealerSecurityPolicy: CLOSED,
  // Tiers and rollout waves: staff and the dealer's own users, no API client (none of their root fields has a scope).
  DealerTierStatus: CLOSED,
  NextTier: CLOSED,
  TierChange: CLOSED,
  TierUpgradeRequest: CLOSED,
  RequestTierUpgradePayload: CLOSED,
  DecideTierUpgradePayload: CLOSED,
  TierEvaluationRun: CLOSED,
  RolloutWave: CLOSED,
  RolloutWavePayload: CLOSED,
  AssignDealersToWavePayload: CLOSED,
  // Credit and the ledger: the ERP records them and may read what it recorded; nobody else.
  CreditAccount: ERP,
  CreditAccountConnection: CLOSED,
  CreditAgeing: ERP,
  AccountSummary: ERP,
  DueCalendar: ERP,
  DueBucket: ERP,
  CreditLimitChange: ERP,
  Statement: ERP,
  StatementLine: ERP,
  Invoice: ERP,
  InvoiceLine: ERP,
  InvoiceConnection: ERP,
  Payment: ERP,
  PaymentConnection: ERP,
  BalanceAdjustment: ERP,
  RecordInvoicePayload: ERP,
  RecordPaymentPayload: ERP,
  RecordBalanceAdjustmentPayload: ERP,
  SetCreditLimitPayload: CLOSED,
  DocumentFile: CLOSED,
  // Accounts, sessions, administration, approvals, notifications: people's business, not clients'.
  User: CLOSED,
  NotificationPreference: CLOSED,
  NotificationPreferencesPayload: CLOSED,
  MailDelivery: CLOSED,
  MailDeliveryConnection: CLOSED,
  PushSubscription: CLOSED,
  QuietHours: CLOSED,
  SetQuietHoursPayload: CLOSED,
  RegisterPushSubscriptionPayload: CLOSED,
  RemovePushSubscriptionPayload: CLOSED,
  UserConnection: CLOSED,
  UserAdminPayload: CLOSED,
  Session: CLOSED,
  LoginPayload: CLOSED,
  LogoutPayload: CLOSED,
  RevokeSessionsPayload: CLOSED,
  BeginMfaEnrolmentPayload: CLOSED,
  ConfirmMfaEnrolmentPayload: CLOSED,
  DisableMfaPayload: CLOSED,
  MfaStatus: CLOSED,
  Invitation: CLOSED,
  InvitationConnection: CLOSED,
  InviteUserPayload: CLOSED,
  CancelInvitationPayload: CLOSED,
  AcceptInvitationPayload: CLOSED,
  ApiClient: CLOSED,
  ApiClientConnection: CLOSED,
  ApiClientTokenResult: CLOSED,
  CreateApiClientPayload: CLOSED,
  RevokeApiClientPayload: CLOSED,
  RotateApiClientSecretPayload: CLOSED,
  SecurityEvent: CLOSED,
  SecurityEventConnection: CLOSED,
  UpdateDealerSecurityPolicyPayload: CLOSED,
  DealerConnection: CLOSED,
  ApprovalRule: CLOSED,
  ApprovalRuleSettings: CLOSED,
  ApprovalRuleChange: CLOSED,
  ApprovalRuleChangeConnection: CLOSED,
  ApprovalRulePayload: CLOSED,
  ApprovalRuleStats: CLOSED,
  ApprovalStats: CLOSED,
  SuccessMetrics: CLOSED,
  BulkDecisionPayload: CLOSED,
  BulkDecisionResult: CLOSED,
  MinimumOrder: CLOSED,
  MinimumOrderPayload: CLOSED,
  SpendingLimit: CLOSED,
  SpendingLimitPayload: CLOSED,
  OrderEvent: CLOSED,
  NotificationConnection: CLOSED,
  MarkNotificationsReadPayload: CLOSED,
  SpecialPriceRequest: CLOSED,
  SpecialPriceRequestConnection: CLOSED,
  SpecialPriceRequestPayload: CLOSED,
};

/** Fields that differ from their type's grant. */
export const CLIENT_FIELD_GRANTS: Readonly<Record<string, readonly ApiScope[]>> = {
  // Prices in a cart, a reorder and a cart's total: PRICES_READ, as Product.price.
  'Cart.total': PRICES,
  'Cart.creditPreview': CLOSED,
  'CartLine.unitPrice': PRICES,
  'CartLine.lineTotal': PRICES,
  'CartLine.listPrice': PRICES,
  'CartLine.discountPercent': PRICES,
  'CartLine.appliedRules': PRICES,
  'CartLine.volumeBreak': PRICES,
  'CartLine.nextVolumeBreak': PRICES,
  'CartLine.volumeBreakHint': PRICES,
  'CartLine.priceChanged': PRICES,
  'CartLine.priceWhenAdded': PRICES,
  'ReorderLine.previousUnitPrice': PRICES,
  'ReorderLine.currentUnitPrice': PRICES,
  'ReorderLine.unitPriceChange': PRICES,
  'ReorderLine.priceChanged': PRICES,
  // A dealer's credit and security settings are not order data.
  'Dealer.credit': ERP,
  'Dealer.securityPolicy': CLOSED,
  // The ERP reads back the invoices it recorded, not the PDFs and statements rendered for people.
  'Invoice.pdfUrl': CLOSED,
  'Statement.pdfUrl': CLOSED,
  'Statement.csvUrl': CLOSED,
};

/** The scopes that let an API client read a nested field (empty: none may). */
export function clientFieldGrant(coordinate: string): readonly ApiScope[] {
  const field = CLIENT_FIELD_GRANTS[coordinate];
  if (field) return field;
  return CLIENT_TYPE_GRANTS[coordinate.slice(0, coordinate.indexOf('.'))] ?? CLOSED;
}

/** Whether an API client with these scopes may read a nested field that has no row of its own. */
export function decideClientField(scopes: readonly string[], coordinate: string): Decision {
  const grant = clientFieldGrant(coordinate);
  if (grant.some((scope) => scopes.includes(scope))) return { allowed: true };
  if (grant.length === 0) return { allowed: false, message: `API clients may not read ${coordinate}.` };
  return {
    allowed: false,
    missingScope: grant[0],
    message: `This API client lacks the scope ${grant.join(' or ')}, which ${coordinate} needs.`,
  };
}
