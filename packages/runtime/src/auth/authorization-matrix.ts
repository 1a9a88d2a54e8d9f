import { DEALER_ROLES, STAFF_ROLES, type Role } from './roles.js';

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
 * Root fields without a row are open to every signed-in user (their services scope the data to the
 * caller's dealer) and closed to every API client.
 */

/** What an integration partner's API client may be granted. */
export const API_SCOPES = ['CATALOG_READ', 'PRICES_READ', 'ORDERS_WRITE', 'ERP_IMPORT'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_DESCRIPTIONS: Readonly<Record<ApiScope, string>> = {
  CATALOG_READ: 'Read the catalog: products, categories, brands, stock.',
  PRICES_READ: "Read the bound dealer's prices and price list.",
  ORDERS_WRITE: 'Place and read orders (and use the cart) for the bound dealer.',
  ERP_IMPORT: 'Record invoices, payments and balance adjustments from the ERP.',
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

export const AUTHORIZATION_MATRIX: Readonly<Record<string, AuthorizationRule>> = {
  // Catalog and prices
  'Query.products': { roles: ALL_ROLES, scope: 'CATALOG_READ', refusal: 'ERROR' },
  'Query.product': { roles: ALL_ROLES, scope: 'CATALOG_READ', refusal: 'ERROR' },
  'Query.categories': { roles: ALL_ROLES, scope: 'CATALOG_READ', refusal: 'ERROR' },
  'Query.brands': { roles: ALL_ROLES, scope: 'CATALOG_READ', refusal: 'ERROR' },
  'Query.warehouses': { roles: ALL_ROLES, scope: 'CATALOG_READ', refusal: 'ERROR' },
  'Query.newProducts': { roles: ALL_ROLES, scope: 'CATALOG_READ', refusal: 'ERROR' },
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
  'Mutation.placeOrder': { roles: ORDERING, scope: 'ORDERS_WRITE', refusal: 'USER_ERROR' },
  'Mutation.cancelOrder': { roles: [...ORDERING, ...STAFF], refusal: 'USER_ERROR', note: 'dealers while pending or approved' },
  'Query.orders': { roles: ALL_ROLES, scope: 'ORDERS_WRITE', refusal: 'ERROR', note: "dealer users and clients: their dealer's only" },
  'Query.order': { roles: ALL_ROLES, scope: 'ORDERS_WRITE', refusal: 'ERROR', note: "dealer users and clients: their dealer's only" },
  // Approval and fulfilment
  'Mutation.approveOrder': { roles: APPROVERS, refusal: 'USER_ERROR', note: 'up to the approver\'s level' },
  'Mutation.rejectOrder': { roles: APPROVERS, refusal: 'USER_ERROR', note: 'up to the approver\'s level' },
  'Mutation.approveOrders': { roles: STAFF, refusal: 'ERROR', note: 'each order up to the approver\'s level' },
  'Mutation.rejectOrders': { roles: STAFF, refusal: 'ERROR', note: 'each order up to the approver\'s level' },
  'Query.approvalQueue': { roles: STAFF, refusal: 'ERROR' },
  'Query.approvalStats': { roles: STAFF, refusal: 'ERROR' },
  'Mutation.updateOrderFulfillment': { roles: STAFF, refusal: 'USER_ERROR' },
  'Mutation.setMinimumOrderAmount': { roles: ['GENERAL_MANAGER', 'ADMIN'], refusal: 'USER_ERROR' },
  // Credit and the ERP ledger
  'Query.creditRiskView': { roles: CREDIT_MANAGERS, refusal: 'ERROR' },
  'Mutation.setCreditLimit': { roles: CREDIT_MANAGERS, refusal: 'ERROR' },
  'Mutation.recordInvoice': { roles: CREDIT_MANAGERS, scope: 'ERP_IMPORT', refusal: 'ERROR' },
  'Mutation.recordPayment': { roles: CREDIT_MANAGERS, scope: 'ERP_IMPORT', refusal: 'ERROR' },
  'Mutation.recordBalanceAdjustment': { roles: CREDIT_MANAGERS, scope: 'ERP_IMPORT', refusal: 'ERROR' },
  // Assortment
  'Mutation.setProductRestriction': { roles: ASSORTMENT_MANAGERS, refusal: 'ERROR' },
  'Mutation.grantProductAccess': { roles: ASSORTMENT_MANAGERS, refusal: 'ERROR' },
  'Mutation.revokeProductAccess': { roles: ASSORTMENT_MANAGERS, refusal: 'ERROR' },
  'Mutation.setDealerCategoryLimits': { roles: ASSORTMENT_MANAGERS, refusal: 'ERROR' },
  // Dealers, users and API clients
  'Query.dealers': { roles: STAFF, refusal: 'ERROR' },
  'Query.dealerUsers': { roles: USER_ADMINS, refusal: 'ERROR', note: 'DEALER_ADMIN: own dealer only' },
  'Mutation.inviteUser': { roles: USER_ADMINS, refusal: 'ERROR', note: 'DEALER_ADMIN: own dealer, dealer roles' },
  'Mutation.setUserRole': { roles: USER_ADMINS, refusal: 'ERROR', note: 'never above the caller\'s own role' },
  'Mutation.disableUser': { roles: USER_ADMINS, refusal: 'ERROR', note: 'never the last active admin' },
  'Mutation.enableUser': { roles: USER_ADMINS, refusal: 'ERROR' },
  'Query.apiClients': { roles: ['ADMIN'], refusal: 'ERROR' },
  'Mutation.createApiClient': { roles: ['ADMIN'], refusal: 'ERROR' },
  'Mutation.revokeApiClient': { roles: ['ADMIN'], refusal: 'ERROR' },
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
      return { allowed: false, missingScope: rule.scope, message: `This API client lacks the scope ${rule.scope}, which ${coordinate} needs.` };
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
