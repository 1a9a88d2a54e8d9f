import { type UserError, userError } from '../result/result.js';
import { DEALER_ROLES, type Role, STAFF_ROLES } from './roles.js';

/**
 * Who may run which operation: one row per schema coordinate (`Mutation.placeOrder`,
 * `Product.price`), read by the subgraphs' shared guard (server/auth-checker.ts), by the gateway's
 * scope check for API clients (gateway/src/security/client-scope.plugin.ts), by the test that walks
 * every row through the real gateway (gateway/test/authorization-matrix.test.ts), and printed into
 * docs/SECURITY.md (`npm run docs:authorization`).
 *
 * `roles`: the user roles allowed. `scope`: the scope an API client needs; without one no API
 * client may run it. `refusal`: how a refused user hears it, an error with `extensions.code`
 * FORBIDDEN thrown by the guard (`ERROR`), or a userError FORBIDDEN in the payload from the
 * service, which checks the same row with {@link allows} (`USER_ERROR`).
 *
 * Every public root field (Query, Mutation, Subscription) has a row, except those in
 * {@link ROOT_FIELDS_WITHOUT_A_ROW}: sign-in (open to anonymous callers) and the caller's own
 * account (open to every signed-in user, closed to every API client). A test fails when the
 * supergraph gains a root field that is in neither (packages/runtime/test/authorization-coverage.test.ts).
 * Subscriptions are refused when they are set up, at the gateway (client-scope.plugin.ts), and
 * again by the subgraph's guard for each event.
 */

/** What an integration partner's API client may be granted. */
export const API_SCOPES = ['CATALOG_READ', 'PRICES_READ', 'ORDERS_WRITE', 'ERP_IMPORT'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_DESCRIPTIONS: Readonly<Record<ApiScope, string>> = {
  CATALOG_READ: 'Read the catalog: products, categories, brands, stock.',
  PRICES_READ: "Read the bound dealer's prices and price list.",
  ORDERS_WRITE: 'Place and read orders (and use the cart) for the bound dealer.',
  ERP_IMPORT:
    "The distributor's ERP: record invoices, payments, balance adjustments and stock counts, import master data, acknowledge orders and report their fulfilment, for every dealer (the client is bound to none).",
};

/** Scopes that act for one dealer: a client with one of them must be bound to a dealer. */
export const DEALER_BOUND_SCOPES: readonly ApiScope[] = ['PRICES_READ', 'ORDERS_WRITE'];

export interface AuthorizationRule {
  roles: readonly Role[];
  scope?: ApiScope;
  refusal: 'ERROR' | 'USER_ERROR';
  /** One line for the documentation. */
  note?: string;
}

const ALL_ROLES: readonly Role[] = [...DEALER_ROLES, ...STAFF_ROLES];
const ORDERING: readonly Role[] = ['DEALER_ADMIN', 'ORDER_ENTRY'];
const STAFF: readonly Role[] = STAFF_ROLES;
const APPROVERS: readonly Role[] = ['SALES_REP', 'REGIONAL_MANAGER', 'SALES_DIRECTOR', 'FINANCE', 'GENERAL_MANAGER'];
const USER_ADMINS: readonly Role[] = ['DEALER_ADMIN', 'ADMIN'];
const CREDIT_MANAGERS: readonly Role[] = ['FINANCE', 'GENERAL_MANAGER'];
const ASSORTMENT_MANAGERS: readonly Role[] = ['SALES_DIRECTOR', 'GENERAL_MANAGER', 'ADMIN'];
const STOCK_MANAGERS: readonly Role[] = ['GENERAL_MANAGER', 'ADMIN'];
const PORTAL_ADMIN: readonly Role[] = ['ADMIN'];
/** The seed's "sales manager" who approves a manual tier upgrade: REGIONAL_MANAGER (their region) and above on the sales side. */
const SALES_MANAGERS: readonly Role[] = ['REGIONAL_MANAGER', 'SALES_DIRECTOR', 'GENERAL_MANAGER'];
const ROLLOUT_MANAGERS: readonly Role[] = ['SALES_DIRECTOR', 'GENERAL_MANAGER', 'ADMIN'];

export const AUTHORIZATION_MATRIX: Readonly<Record<string, AuthorizationRule>> = {
  // Catalog and prices
  'Query.products': { roles: ALL_ROLES, scope: 'CATALOG_READ', refusal: 'ERROR' },
  'Query.product': { roles: ALL_ROLES, scope: 'CATALOG_READ', refusal: 'ERROR' },
  'Query.categories': { roles: ALL_ROLES, scope: 'CATALOG_READ', refusal: 'ERROR' },
  'Query.brands': { roles: ALL_ROLES, scope: 'CATALOG_READ', refusal: 'ERROR' },
  'Query.warehouses': { roles: ALL_ROLES, scope: 'CATALOG_READ', refusal: 'ERROR' },
  'Query.newProducts': { roles: ALL_ROLES, scope: 'CATALOG_READ', refusal: 'ERROR' },
  'Subscription.stockChanged': {
    roles: ALL_ROLES,
    scope: 'CATALOG_READ',
    refusal: 'ERROR',
    note: 'dealer users and clients: their assortment only',
  },
  'Mutation.importStockLevels': { roles: STOCK_MANAGERS, scope: 'ERP_IMPORT', refusal: 'ERROR' },
  // Imports of the distributor's master data (integration subgraph); an ERP client is bound to no dealer.
  'Mutation.startImport': {
    roles: PORTAL_ADMIN,
    scope: 'ERP_IMPORT',
    refusal: 'ERROR',
    note: 'CSV, XLSX or XML; the kinds of docs/IMPORTS.md',
  },
  'Query.importJob': { roles: PORTAL_ADMIN, scope: 'ERP_IMPORT', refusal: 'ERROR' },
  'Mutation.upsertDealer': { roles: PORTAL_ADMIN, scope: 'ERP_IMPORT', refusal: 'ERROR', note: 'idempotent by code; audited' },
  'Mutation.upsertProduct': { roles: PORTAL_ADMIN, scope: 'ERP_IMPORT', refusal: 'ERROR', note: 'idempotent by SKU; audited' },
  'Mutation.deactivateProduct': { roles: PORTAL_ADMIN, scope: 'ERP_IMPORT', refusal: 'ERROR', note: 'audited' },
  'Mutation.upsertInTransit': { roles: PORTAL_ADMIN, scope: 'ERP_IMPORT', refusal: 'ERROR', note: 'idempotent by reference; audited' },
  'Mutation.upsertCategory': { roles: PORTAL_ADMIN, scope: 'ERP_IMPORT', refusal: 'ERROR', note: 'idempotent by slug; audited' },
  'Mutation.upsertWarehouse': { roles: PORTAL_ADMIN, scope: 'ERP_IMPORT', refusal: 'ERROR', note: 'idempotent by code; audited' },
  'Mutation.upsertDealerAddress': {
    roles: PORTAL_ADMIN,
    scope: 'ERP_IMPORT',
    refusal: 'ERROR',
    note: 'idempotent by dealer and address code; audited',
  },
  'Mutation.upsertDealerContact': {
    roles: PORTAL_ADMIN,
    scope: 'ERP_IMPORT',
    refusal: 'ERROR',
    note: 'idempotent by dealer and email; audited',
  },
  'Mutation.upsertPromotion': { roles: PORTAL_ADMIN, scope: 'ERP_IMPORT', refusal: 'ERROR', note: 'idempotent by code and SKU; audited' },
  'Mutation.upsertTierRule': { roles: PORTAL_ADMIN, scope: 'ERP_IMPORT', refusal: 'ERROR', note: 'idempotent by tier; audited' },
  'Mutation.replaceVolumeBreaks': { roles: PORTAL_ADMIN, scope: 'ERP_IMPORT', refusal: 'ERROR', note: 'the whole table; audited' },
  'Mutation.upsertSpecialPriceAgreement': {
    roles: PORTAL_ADMIN,
    scope: 'ERP_IMPORT',
    refusal: 'ERROR',
    note: 'idempotent by reference; audited',
  },
  'Mutation.upsertCreditAccount': {
    roles: PORTAL_ADMIN,
    scope: 'ERP_IMPORT',
    refusal: 'ERROR',
    note: 'idempotent by dealer code; audited',
  },
  // Webhooks to the ERP (integration subgraph): registered and watched by the portal administrator.
  'Mutation.createWebhookEndpoint': { roles: PORTAL_ADMIN, refusal: 'ERROR', note: 'the secret is shown once' },
  'Mutation.disableWebhookEndpoint': { roles: PORTAL_ADMIN, refusal: 'ERROR' },
  'Query.webhookEndpoints': { roles: PORTAL_ADMIN, refusal: 'ERROR' },
  'Query.webhookDeliveries': { roles: PORTAL_ADMIN, refusal: 'ERROR' },
  'Mutation.replayWebhookDelivery': { roles: PORTAL_ADMIN, refusal: 'ERROR', note: 'a DEAD delivery, once more' },
  'Mutation.replayWebhookDeliveries': { roles: PORTAL_ADMIN, refusal: 'ERROR', note: 'every DEAD delivery, in order' },
  'Mutation.ignoreWebhookDelivery': { roles: PORTAL_ADMIN, refusal: 'ERROR', note: 'a DEAD delivery set aside, with a reason' },
  'Query.integrationStatus': { roles: PORTAL_ADMIN, scope: 'ERP_IMPORT', refusal: 'ERROR', note: 'each sync and the error queue' },
  'Query.integrationAlerts': { roles: PORTAL_ADMIN, refusal: 'ERROR' },
  'Product.price': { roles: ALL_ROLES, scope: 'PRICES_READ', refusal: 'ERROR', note: 'null for staff without a dealer' },
  'Query.myPriceList': { roles: ALL_ROLES, scope: 'PRICES_READ', refusal: 'ERROR', note: 'null for staff' },
  // Ordering
  'Query.cart': { roles: ALL_ROLES, scope: 'ORDERS_WRITE', refusal: 'ERROR', note: 'null for staff' },
  'Mutation.addToCart': { roles: ORDERING, scope: 'ORDERS_WRITE', refusal: 'USER_ERROR' },
  'Mutation.clearCart': { roles: ORDERING, scope: 'ORDERS_WRITE', refusal: 'USER_ERROR' },
  'Mutation.updateCartLine': { roles: ORDERING, scope: 'ORDERS_WRITE', refusal: 'USER_ERROR' },
  'Mutation.removeFromCart': { roles: ORDERING, scope: 'ORDERS_WRITE', refusal: 'USER_ERROR' },
  'Mutation.uploadOrderLines': { roles: ORDERING, scope: 'ORDERS_WRITE', refusal: 'USER_ERROR' },
  'Mutation.addTemplateToCart': { roles: ORDERING, scope: 'ORDERS_WRITE', refusal: 'USER_ERROR' },
  'Mutation.saveCartAsTemplate': { roles: ORDERING, scope: 'ORDERS_WRITE', refusal: 'USER_ERROR' },
  'Mutation.saveOrderAsTemplate': { roles: ORDERING, scope: 'ORDERS_WRITE', refusal: 'USER_ERROR' },
  'Mutation.deleteOrderTemplate': { roles: ORDERING, scope: 'ORDERS_WRITE', refusal: 'USER_ERROR' },
  'Mutation.reorder': { roles: ORDERING, scope: 'ORDERS_WRITE', refusal: 'USER_ERROR' },
  'Mutation.placeOrder': {
    roles: [...ORDERING, ...APPROVERS],
    scope: 'ORDERS_WRITE',
    refusal: 'USER_ERROR',
    note: 'staff for a dealer in their approval scope, with a channel',
  },
  'Mutation.cancelOrder': { roles: [...ORDERING, ...STAFF], refusal: 'USER_ERROR', note: 'dealers while pending or approved' },
  'Query.orders': { roles: ALL_ROLES, scope: 'ORDERS_WRITE', refusal: 'ERROR', note: "dealer users and clients: their dealer's only" },
  'Query.order': { roles: ALL_ROLES, scope: 'ORDERS_WRITE', refusal: 'ERROR', note: "dealer users and clients: their dealer's only" },
  'Query.orderTemplates': { roles: ALL_ROLES, refusal: 'ERROR', note: "their dealer's; empty for staff" },
  'Query.orderEvents': { roles: ALL_ROLES, refusal: 'ERROR', note: 'events of the orders the caller may see' },
  'Subscription.orderUpdated': { roles: ALL_ROLES, refusal: 'ERROR', note: "dealer users: their dealer's orders only" },
  'Query.notifications': { roles: ALL_ROLES, refusal: 'ERROR', note: "the caller's own feed" },
  'Mutation.markNotificationsRead': { roles: ALL_ROLES, refusal: 'ERROR', note: "the caller's own feed" },
  'Subscription.notificationAdded': { roles: ALL_ROLES, refusal: 'ERROR', note: "the caller's own feed" },
  'Query.notificationPreferences': { roles: ALL_ROLES, refusal: 'ERROR', note: "the caller's own mail preferences" },
  'Mutation.setNotificationPreference': { roles: ALL_ROLES, refusal: 'ERROR', note: "the caller's own mail preferences" },
  'Query.mailDeliveries': { roles: PORTAL_ADMIN, refusal: 'ERROR', note: "everyone's mails: addresses and subjects" },
  'Query.quietHours': { roles: ALL_ROLES, refusal: 'ERROR', note: "the caller's own quiet hours" },
  'Mutation.setQuietHours': { roles: ALL_ROLES, refusal: 'ERROR', note: "the caller's own quiet hours" },
  'Query.webPushPublicKey': { roles: ALL_ROLES, refusal: 'ERROR', note: 'the key a device subscribes to web push with' },
  'Query.pushSubscriptions': { roles: ALL_ROLES, refusal: 'ERROR', note: "the caller's own devices" },
  'Mutation.registerPushSubscription': { roles: ALL_ROLES, refusal: 'ERROR', note: "the caller's own devices" },
  'Mutation.removePushSubscription': { roles: ALL_ROLES, refusal: 'ERROR', note: "the caller's own devices" },
  // Special prices
  'Mutation.requestSpecialPrice': { roles: ORDERING, refusal: 'USER_ERROR', note: 'for their own dealer' },
  'Query.specialPriceRequests': {
    roles: ALL_ROLES,
    refusal: 'ERROR',
    note: "dealer users: their dealer's; approvers: up to their level; ADMIN: none",
  },
  'Query.specialPriceRequest': {
    roles: ALL_ROLES,
    refusal: 'ERROR',
    note: "dealer users: their dealer's; approvers: up to their level; ADMIN: none",
  },
  'Mutation.approveSpecialPriceRequest': { roles: APPROVERS, refusal: 'USER_ERROR', note: "up to the approver's level" },
  'Mutation.rejectSpecialPriceRequest': { roles: APPROVERS, refusal: 'USER_ERROR', note: "up to the approver's level" },
  'Subscription.specialPriceRequestUpdated': {
    roles: ALL_ROLES,
    refusal: 'ERROR',
    note: "dealer users: their dealer's; approvers: up to their level",
  },
  // Approval and fulfilment
  'Mutation.approveOrder': {
    roles: [...APPROVERS, 'DEALER_ADMIN'],
    refusal: 'USER_ERROR',
    note: "steps of the approver's area up to their level; DEALER_ADMIN: their dealer's own step",
  },
  'Mutation.rejectOrder': {
    roles: [...APPROVERS, 'DEALER_ADMIN'],
    refusal: 'USER_ERROR',
    note: "steps of the approver's area up to their level; DEALER_ADMIN: their dealer's own step",
  },
  'Mutation.approveOrders': { roles: APPROVERS, refusal: 'ERROR', note: "each order up to the approver's level" },
  'Mutation.rejectOrders': { roles: APPROVERS, refusal: 'ERROR', note: "each order up to the approver's level" },
  'Query.approvalQueue': { roles: [...STAFF, 'DEALER_ADMIN'], refusal: 'ERROR', note: "DEALER_ADMIN: their dealer's own steps" },
  'Query.approvalStats': { roles: STAFF, refusal: 'ERROR' },
  'Query.successMetrics': { roles: STAFF, refusal: 'ERROR' },
  'Subscription.approvalQueueChanged': {
    roles: [...STAFF, 'DEALER_ADMIN'],
    refusal: 'ERROR',
    note: "steps of the approver's area up to their level; DEALER_ADMIN: their dealer's own steps",
  },
  'Query.approvalRules': { roles: PORTAL_ADMIN, refusal: 'ERROR' },
  'Query.approvalRuleChanges': { roles: PORTAL_ADMIN, refusal: 'ERROR' },
  'Mutation.updateApprovalRule': { roles: PORTAL_ADMIN, refusal: 'USER_ERROR' },
  'Mutation.createApprovalRule': { roles: PORTAL_ADMIN, refusal: 'USER_ERROR' },
  'Mutation.updateOrderFulfillment': {
    roles: STAFF,
    scope: 'ERP_IMPORT',
    refusal: 'USER_ERROR',
    note: "the ERP's client (bound to no dealer) for any dealer's order",
  },
  'Mutation.acknowledgeOrder': {
    roles: ['GENERAL_MANAGER', 'ADMIN'],
    scope: 'ERP_IMPORT',
    refusal: 'USER_ERROR',
    note: "the ERP's order number and confirmed dates; APPROVED moves to PROCESSING",
  },
  'Mutation.setMinimumOrderAmount': { roles: ['GENERAL_MANAGER', 'ADMIN'], refusal: 'USER_ERROR' },
  'Mutation.setSpendingLimit': { roles: USER_ADMINS, refusal: 'USER_ERROR', note: "DEALER_ADMIN: own dealer's ORDER_ENTRY users" },
  'Query.spendingLimits': { roles: USER_ADMINS, refusal: 'ERROR', note: 'DEALER_ADMIN: own dealer only' },
  // Credit and the ERP ledger
  'Query.creditAccount': { roles: ALL_ROLES, refusal: 'ERROR', note: "dealer users: their dealer's; staff name the dealer" },
  'Query.invoice': { roles: ALL_ROLES, refusal: 'ERROR', note: "dealer users: their dealer's only" },
  'Query.creditRiskView': { roles: CREDIT_MANAGERS, refusal: 'ERROR' },
  'Mutation.setCreditLimit': { roles: CREDIT_MANAGERS, refusal: 'ERROR' },
  'Mutation.recordInvoice': { roles: CREDIT_MANAGERS, scope: 'ERP_IMPORT', refusal: 'ERROR' },
  'Query.priceMismatches': {
    roles: [...CREDIT_MANAGERS, 'ADMIN'],
    refusal: 'ERROR',
    note: 'invoice lines billed at another price than ordered',
  },
  'Mutation.resolvePriceMismatch': { roles: CREDIT_MANAGERS, refusal: 'ERROR', note: 'with how it was settled' },
  'Mutation.recordPayment': { roles: CREDIT_MANAGERS, scope: 'ERP_IMPORT', refusal: 'ERROR' },
  'Mutation.recordBalanceAdjustment': { roles: CREDIT_MANAGERS, scope: 'ERP_IMPORT', refusal: 'ERROR' },
  // Assortment
  'Mutation.setProductRestriction': { roles: ASSORTMENT_MANAGERS, refusal: 'ERROR' },
  'Mutation.grantProductAccess': { roles: ASSORTMENT_MANAGERS, refusal: 'ERROR' },
  'Mutation.revokeProductAccess': { roles: ASSORTMENT_MANAGERS, refusal: 'ERROR' },
  'Mutation.setDealerCategoryLimits': { roles: ASSORTMENT_MANAGERS, refusal: 'ERROR' },
  // Dealers, users and API clients
  'Query.dealers': { roles: STAFF, refusal: 'ERROR' },
  'Query.dealer': { roles: ALL_ROLES, refusal: 'ERROR', note: 'dealer users: their own only' },
  'Mutation.updateDealerSecurityPolicy': { roles: USER_ADMINS, refusal: 'USER_ERROR', note: 'DEALER_ADMIN: own dealer only' },
  'Query.securityEvents': { roles: USER_ADMINS, refusal: 'ERROR', note: "DEALER_ADMIN: own dealer's events only" },
  'Query.dealerUsers': { roles: USER_ADMINS, refusal: 'ERROR', note: 'DEALER_ADMIN: own dealer only' },
  'Mutation.inviteUser': { roles: USER_ADMINS, refusal: 'ERROR', note: 'DEALER_ADMIN: own dealer, dealer roles' },
  'Query.invitations': { roles: USER_ADMINS, refusal: 'ERROR', note: 'DEALER_ADMIN: own dealer only' },
  'Mutation.cancelInvitation': { roles: USER_ADMINS, refusal: 'ERROR', note: 'DEALER_ADMIN: own dealer only' },
  'Mutation.setUserRole': { roles: USER_ADMINS, refusal: 'ERROR', note: "never above the caller's own role" },
  'Mutation.disableUser': { roles: USER_ADMINS, refusal: 'ERROR', note: 'never the last active admin' },
  'Mutation.enableUser': { roles: USER_ADMINS, refusal: 'ERROR' },
  'Query.apiClients': { roles: ['ADMIN'], refusal: 'ERROR' },
  'Mutation.createApiClient': { roles: ['ADMIN'], refusal: 'ERROR' },
  'Mutation.revokeApiClient': { roles: ['ADMIN'], refusal: 'ERROR' },
  'Mutation.rotateApiClientSecret': { roles: ['ADMIN'], refusal: 'ERROR' },
  // Tiers (dealers owns the tier; prices and products follow) and rollout waves
  'Query.dealerTierStatus': { roles: ALL_ROLES, refusal: 'ERROR', note: 'dealer users: their own only' },
  'Query.tierUpgradeRequests': { roles: STAFF, refusal: 'ERROR' },
  'Mutation.requestTierUpgrade': {
    roles: ['SALES_REP', ...SALES_MANAGERS],
    refusal: 'USER_ERROR',
    note: 'SALES_REP: their own dealers or region; REGIONAL_MANAGER: their region',
  },
  'Mutation.decideTierUpgrade': {
    roles: SALES_MANAGERS,
    refusal: 'USER_ERROR',
    note: "REGIONAL_MANAGER: their region; never one's own request",
  },
  'Mutation.runTierEvaluation': { roles: PORTAL_ADMIN, refusal: 'ERROR', note: 'the hourly job, now' },
  'Query.rolloutWaves': { roles: STAFF, refusal: 'ERROR' },
  'Mutation.createRolloutWave': { roles: ROLLOUT_MANAGERS, refusal: 'USER_ERROR' },
  'Mutation.updateRolloutWave': { roles: ROLLOUT_MANAGERS, refusal: 'USER_ERROR' },
  'Mutation.assignDealersToWave': {
    roles: ROLLOUT_MANAGERS,
    refusal: 'USER_ERROR',
    note: 'by list or filter; signs out dealers of a closed wave',
  },
};

/**
 * Public root fields that need no row, and why: sign-in, open to anonymous callers, and the caller's
 * own account, open to every signed-in user; API clients may use none of them.
 */
export const ROOT_FIELDS_WITHOUT_A_ROW: Readonly<Record<string, string>> = {
  'Mutation.login': 'sign-in (anonymous)',
  'Mutation.refreshSession': 'sign-in (anonymous, with a refresh token)',
  'Mutation.logout': 'sign-in (anonymous, with a refresh token)',
  'Mutation.acceptInvitation': 'sign-in (anonymous, with an invitation token)',
  'Query.me': "the caller's own account",
  'Query.mySessions': "the caller's own account",
  'Mutation.revokeSession': "the caller's own account",
  'Mutation.revokeAllSessions': "the caller's own account",
  'Mutation.beginMfaEnrolment': "the caller's own account",
  'Mutation.confirmMfaEnrolment': "the caller's own account",
  'Query.myMfa': "the caller's own account",
  'Mutation.disableMfa': "the caller's own account",
};

/** The caller as the matrix sees it: a user's role, or an API client's scopes. */
export interface Caller {
  role: string;
  scopes?: readonly string[] | null;
}

/** The role every API client's token carries; no user has it. */
export const API_CLIENT_ROLE = 'API_CLIENT';

export type Decision = { allowed: true } | { allowed: false; missingScope?: ApiScope; message: string };

/** Whether the caller may use this coordinate; coordinates without a row are for users only. */
export function decide(caller: Caller, coordinate: string): Decision {
  const rule = AUTHORIZATION_MATRIX[coordinate];
  if (caller.role === API_CLIENT_ROLE) {
    if (!rule?.scope) return { allowed: false, message: `API clients may not use ${coordinate}.` };
    if (!caller.scopes?.includes(rule.scope)) {
      return {
        allowed: false,
        missingScope: rule.scope,
        message: `This API client lacks the scope ${rule.scope}, which ${coordinate} needs.`,
      };
    }
    return { allowed: true };
  }
  if (!rule || (rule.roles as readonly string[]).includes(caller.role)) return { allowed: true };
  return { allowed: false, message: `Your role (${caller.role}) may not use ${coordinate}.` };
}

/** True when the caller may use the coordinate (for services that answer a refusal as a userError). */
export function allows(caller: Caller, coordinate: string): boolean {
  return decide(caller, coordinate).allowed;
}

/**
 * The one answer a service gives to "may this caller's role run this operation?": null when the
 * matrix's row allows it, else the userError FORBIDDEN (the matrix's reason, or `message`). Only
 * data-scope checks (whose dealer, which region, which approval level) stay beside the service.
 */
export function refusalUnlessAllowed(caller: Caller, coordinate: string, message?: string): UserError | null {
  const decision = decide(caller, coordinate);
  return decision.allowed ? null : userError('FORBIDDEN', message ?? decision.message);
}
