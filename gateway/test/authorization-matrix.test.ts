import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { API_SCOPES, type ApiScope, AUTHORIZATION_MATRIX, type Role, withAuthorizationMatrix } from '@dealergraph/runtime';
import { GraphQLClient, type GraphQLResponse, openSocket, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXPECTED_ACCESS } from './support/expected-access.js';

// Walks the one authorization matrix (packages/runtime/src/auth/authorization-matrix.ts) through the
// real gateway, expecting what the hand-written table says (support/expected-access.ts): every role, and API clients with and without the row's scope, against one
// representative operation per row. Each probe is built so that an allowed caller is stopped by a
// business rule (unknown id, invalid amount) after authorization: nothing changes, whoever asks.
// Subscription rows are walked over graphql-ws (users) and over HTTP event streams (API clients, who
// may not open sockets): see SUBSCRIPTION_PROBES.

const USERS: Record<Role, string> = {
  DEALER_ADMIN: 'platinum@demo.dealer',
  ORDER_ENTRY: 'orders@demo.dealer',
  VIEW_ONLY: 'viewer@demo.dealer',
  SALES_REP: 'rep@demo.staff',
  REGIONAL_MANAGER: 'manager@demo.staff',
  SALES_DIRECTOR: 'director@demo.staff',
  FINANCE: 'finance@demo.staff',
  GENERAL_MANAGER: 'gm@demo.staff',
  ADMIN: 'admin@demo.staff',
};

interface Probe {
  query: string;
  variables?: () => Record<string, unknown>;
}

const none = () => randomUUID();
let deliveredOrderId = '';
let ownDealerId = '';

const PROBES: Record<string, Probe> = {
  'Query.products': { query: '{ products(first: 1) { totalCount } }' },
  'Query.product': { query: '{ product(sku: "NO-SUCH-SKU") { id } }' },
  'Query.categories': { query: '{ categories { id } }' },
  'Query.brands': { query: '{ brands { __typename } }' },
  'Query.warehouses': { query: '{ warehouses { __typename } }' },
  'Query.newProducts': { query: '{ newProducts(first: 1, since: "2026-01-01T00:00:00Z") { totalCount } }' },
  'Product.price': { query: '{ products(first: 1) { nodes { price { discountPercent } } } }' },
  'Query.myPriceList': { query: '{ myPriceList { __typename } }' },
  'Query.cart': { query: '{ cart { __typename } }' },
  'Mutation.addToCart': { query: 'mutation { addToCart(lines: [{ sku: "NO-SUCH-SKU", quantity: 1 }]) { userErrors { code } } }' },
  'Mutation.clearCart': { query: 'mutation { clearCart { userErrors { code } } }' },
  'Mutation.updateCartLine': { query: 'mutation { updateCartLine(sku: "NO-SUCH-SKU", quantity: 1) { userErrors { code } } }' },
  'Mutation.removeFromCart': { query: 'mutation { removeFromCart(skus: ["NO-SUCH-SKU"]) { userErrors { code } } }' },
  'Mutation.uploadOrderLines': {
    query:
      'mutation($c: String!) { uploadOrderLines(input: { filename: "lines.csv", contentBase64: $c, allOrNothing: true }) { userErrors { code } } }',
    variables: () => ({ c: Buffer.from('sku,quantity\nNO-SUCH-SKU,1\n').toString('base64') }),
  },
  'Mutation.addTemplateToCart': {
    query: 'mutation($id: ID!) { addTemplateToCart(templateId: $id) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.saveCartAsTemplate': { query: 'mutation { saveCartAsTemplate(name: "") { userErrors { code } } }' },
  'Mutation.saveOrderAsTemplate': {
    query: 'mutation($id: ID!) { saveOrderAsTemplate(orderId: $id, name: "probe") { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.deleteOrderTemplate': {
    query: 'mutation($id: ID!) { deleteOrderTemplate(templateId: $id) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.reorder': { query: 'mutation($id: ID!) { reorder(orderId: $id) { userErrors { code } } }', variables: () => ({ id: none() }) },
  'Mutation.placeOrder': {
    query:
      'mutation($k: String!) { placeOrder(input: { idempotencyKey: $k, lines: [{ sku: "NO-SUCH-SKU", quantity: 1 }] }) { order { id } userErrors { code } } }',
    variables: () => ({ k: randomUUID() }),
  },
  'Mutation.cancelOrder': {
    query: 'mutation($id: ID!) { cancelOrder(orderId: $id) { userErrors { code } } }',
    variables: () => ({ id: deliveredOrderId }),
  },
  'Query.orders': { query: '{ orders(first: 1) { totalCount } }' },
  'Query.order': { query: 'query($id: ID!) { order(id: $id) { id } }', variables: () => ({ id: none() }) },
  'Mutation.approveOrder': {
    query: 'mutation($id: ID!) { approveOrder(orderId: $id) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.rejectOrder': {
    query: 'mutation($id: ID!) { rejectOrder(orderId: $id, reason: "probe") { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.approveOrders': {
    query: 'mutation($id: ID!) { approveOrders(orderIds: [$id]) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.rejectOrders': {
    query: 'mutation($id: ID!) { rejectOrders(orderIds: [$id], reason: "probe") { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Query.approvalQueue': { query: '{ approvalQueue(first: 1) { totalCount } }' },
  'Query.approvalStats': { query: '{ approvalStats { __typename } }' },
  'Query.successMetrics': {
    query: '{ successMetrics(from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z") { orderCount } }',
  },
  'Mutation.acknowledgeOrder': {
    query: 'mutation($id: ID!) { acknowledgeOrder(input: { orderId: $id, erpOrderNumber: "ERP-PROBE" }) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.updateOrderFulfillment': {
    query: 'mutation($id: ID!) { updateOrderFulfillment(input: { orderId: $id, status: PROCESSING }) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.setMinimumOrderAmount': {
    query:
      'mutation($id: ID!) { setMinimumOrderAmount(input: { dealerId: $id, minimumAmount: "abc", belowMinimum: REFUSE }) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.setSpendingLimit': {
    query: 'mutation($id: ID!) { setSpendingLimit(input: { userId: $id, perOrderLimit: "abc" }) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Query.spendingLimits': { query: '{ spendingLimits { userId } }' },
  'Query.creditRiskView': { query: '{ creditRiskView(first: 1) { totalCount } }' },
  'Query.priceMismatches': { query: '{ priceMismatches(first: 1) { totalCount } }' },
  'Mutation.resolvePriceMismatch': {
    query: 'mutation($id: ID!) { resolvePriceMismatch(id: $id, note: "probe") { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.setCreditLimit': {
    query: 'mutation($id: ID!) { setCreditLimit(input: { dealerId: $id, limit: "abc", reason: "probe" }) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.recordInvoice': {
    query:
      'mutation($id: ID!, $r: String!) { recordInvoice(input: { externalReference: $r, dealerId: $id, number: "PROBE", amount: "abc", issuedAt: "2026-11-01T00:00:00Z" }) { userErrors { code } } }',
    variables: () => ({ id: none(), r: randomUUID() }),
  },
  'Mutation.recordPayment': {
    query:
      'mutation($id: ID!, $r: String!) { recordPayment(input: { externalReference: $r, dealerId: $id, amount: "abc", receivedAt: "2026-11-01T00:00:00Z" }) { userErrors { code } } }',
    variables: () => ({ id: none(), r: randomUUID() }),
  },
  'Mutation.recordBalanceAdjustment': {
    query:
      'mutation($id: ID!, $r: String!) { recordBalanceAdjustment(input: { externalReference: $r, dealerId: $id, amount: "abc", reason: "probe" }) { userErrors { code } } }',
    variables: () => ({ id: none(), r: randomUUID() }),
  },
  'Mutation.setProductRestriction': { query: 'mutation { setProductRestriction(sku: "NO-SUCH-SKU") { userErrors { code } } }' },
  'Mutation.grantProductAccess': {
    query: 'mutation { grantProductAccess(input: { skus: ["NO-SUCH-SKU"], scope: REGION, value: "Nowhere" }) { userErrors { code } } }',
  },
  'Mutation.revokeProductAccess': {
    query: 'mutation { revokeProductAccess(input: { skus: ["NO-SUCH-SKU"], scope: REGION, value: "Nowhere" }) { userErrors { code } } }',
  },
  'Mutation.setDealerCategoryLimits': {
    query: 'mutation($id: ID!) { setDealerCategoryLimits(dealerId: $id, categoryIds: [$id]) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Query.dealers': { query: '{ dealers(first: 1) { totalCount } }' },
  'Query.dealerUsers': { query: '{ dealerUsers(first: 1) { totalCount } }' },
  'Mutation.inviteUser': { query: 'mutation { inviteUser(input: { email: "not-an-email", role: VIEW_ONLY }) { userErrors { code } } }' },
  'Query.invitations': { query: '{ invitations(first: 1, status: OPEN) { totalCount } }' },
  'Mutation.cancelInvitation': {
    query: 'mutation($id: ID!) { cancelInvitation(id: $id) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.setUserRole': {
    query: 'mutation($id: ID!) { setUserRole(userId: $id, role: VIEW_ONLY) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.disableUser': {
    query: 'mutation($id: ID!) { disableUser(userId: $id) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.enableUser': {
    query: 'mutation($id: ID!) { enableUser(userId: $id) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.importStockLevels': {
    query:
      'mutation { importStockLevels(input: { levels: [{ sku: "NO-SUCH-SKU", warehouseCode: "NOWHERE", onHand: 1 }] }) { userErrors { code } } }',
  },
  // An empty file: refused as a userError (EMPTY_FILE) before any job exists, so the walk queues nothing.
  'Mutation.startImport': {
    query: 'mutation { startImport(input: { kind: DEALERS, filename: "d.csv", contentBase64: "" }) { userErrors { code } } }',
  },
  'Query.importJob': { query: 'query($id: ID!) { importJob(id: $id) { id } }', variables: () => ({ id: none() }) },
  // A code with a space: refused as a userError (INVALID_CODE), so the walk creates no dealer.
  'Mutation.upsertDealer': {
    query: `mutation { upsertDealer(input: { code: "no such code", name: "Probe", tier: BRONZE, region: "PROBE", city: "X", email: "p@example.com" }) {
      userErrors { code } } }`,
  },
  // An unknown category: refused as a userError (UNKNOWN_CATEGORY), so the walk creates no product.
  'Mutation.upsertProduct': {
    query: `mutation { upsertProduct(input: { sku: "PROBE-SKU", name: "Probe", brand: "Probe", category: "no-such-category" }) {
      userErrors { code } } }`,
  },
  'Mutation.deactivateProduct': { query: 'mutation { deactivateProduct(sku: "NO-SUCH-SKU") { userErrors { code } } }' },
  'Mutation.upsertInTransit': {
    query: `mutation { upsertInTransit(input: { reference: "PROBE", sku: "NO-SUCH-SKU", warehouseCode: "WH-NORTH", quantity: 1 }) {
      userErrors { code } } }`,
  },
  // An unknown parent: refused as a userError (UNKNOWN_PARENT), so the walk creates no category.
  'Mutation.upsertCategory': {
    query: 'mutation { upsertCategory(input: { slug: "probe", name: "Probe", parentSlug: "no-such-parent" }) { userErrors { code } } }',
  },
  // A code with a space: refused as a userError (INVALID_CODE), so the walk creates no warehouse.
  'Mutation.upsertWarehouse': {
    query: 'mutation { upsertWarehouse(input: { code: "NO SUCH CODE", name: "Probe", city: "X" }) { userErrors { code } } }',
  },
  // Tiers and rollout waves: unknown dealers, requests and waves, or a blank name, so the walk changes nothing.
  'Query.dealerTierStatus': { query: 'query($id: ID) { dealerTierStatus(dealerId: $id) { tier } }', variables: () => ({ id: none() }) },
  'Query.tierUpgradeRequests': { query: '{ tierUpgradeRequests { id } }' },
  'Mutation.requestTierUpgrade': {
    query: 'mutation($id: ID!) { requestTierUpgrade(input: { dealerId: $id, tier: PLATINUM, reason: "Probe" }) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.decideTierUpgrade': {
    query: 'mutation($id: ID!) { decideTierUpgrade(input: { requestId: $id, approve: false }) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.runTierEvaluation': {
    query: 'mutation($id: ID!) { runTierEvaluation(review: false, dealerIds: [$id]) { evaluated } }',
    variables: () => ({ id: none() }),
  },
  'Query.rolloutWaves': { query: '{ rolloutWaves { id } }' },
  'Mutation.createRolloutWave': {
    query: 'mutation { createRolloutWave(input: { name: " ", opensAt: "2027-01-01T00:00:00Z" }) { userErrors { code } } }',
  },
  'Mutation.updateRolloutWave': {
    query: 'mutation($id: ID!) { updateRolloutWave(input: { id: $id, name: "Probe" }) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.assignDealersToWave': {
    query: 'mutation($id: ID!) { assignDealersToWave(input: { waveId: $id, dealerIds: [$id] }) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  // An unknown dealer: refused as a userError (UNKNOWN_DEALER), so the walk creates no address or contact.
  'Mutation.upsertDealerAddress': {
    query: `mutation { upsertDealerAddress(input: { dealerCode: "NO-SUCH-DEALER", code: "A1", kind: "SHIP_TO", name: "Probe", street: "1 Main St",
      postalCode: "1", city: "X", country: "US" }) { userErrors { code } } }`,
  },
  'Mutation.upsertDealerContact': {
    query:
      'mutation { upsertDealerContact(input: { dealerCode: "NO-SUCH-DEALER", email: "p@example.com", name: "Probe" }) { userErrors { code } } }',
  },
  // An unknown tier / a range that ends before it starts: refused as userErrors, so the walk changes no price.
  'Mutation.upsertTierRule': {
    query: 'mutation { upsertTierRule(input: { tier: "DIAMOND", discountPercent: "5" }) { userErrors { code } } }',
  },
  'Mutation.replaceVolumeBreaks': {
    query: 'mutation { replaceVolumeBreaks(breaks: [{ minQuantity: 10, maxQuantity: 5, discountPercent: "1" }]) { userErrors { code } } }',
  },
  // An unknown SKU: refused as a userError (UNKNOWN_SKU), so the walk creates no promotion.
  'Mutation.upsertPromotion': {
    query: `mutation { upsertPromotion(input: { code: "PROBE", name: "Probe", sku: "NO-SUCH-SKU", discountPercent: "5", validFrom: "2027-01-01",
      validTo: "2027-01-31" }) { userErrors { code } } }`,
  },
  // An unknown dealer and SKU: refused as a userError, so the walk creates no agreement.
  'Mutation.upsertSpecialPriceAgreement': {
    query: `mutation { upsertSpecialPriceAgreement(input: { reference: "PROBE", dealerCode: "NO-SUCH-DEALER", sku: "NO-SUCH-SKU", unitPrice: "1.00",
      validFrom: "2027-01-01" }) { userErrors { code } } }`,
  },
  // An unknown dealer code: refused as a userError (UNKNOWN_DEALER), so the walk opens no account.
  'Mutation.upsertCreditAccount': {
    query: `mutation { upsertCreditAccount(input: { dealerCode: "NO-SUCH-DEALER", creditLimit: "1.00", currency: "USD", paymentTermsDays: 30,
      exceedancePolicy: HARD_BLOCK }) { userErrors { code } } }`,
  },
  // An invalid URL: refused as a userError, so the walk registers no endpoint.
  'Mutation.createWebhookEndpoint': {
    query: 'mutation { createWebhookEndpoint(input: { url: "not a url", events: ["order.approved"] }) { userErrors { code } } }',
  },
  'Mutation.disableWebhookEndpoint': {
    query: 'mutation($id: ID!) { disableWebhookEndpoint(id: $id) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Query.webhookEndpoints': { query: '{ webhookEndpoints(first: 1) { totalCount } }' },
  'Query.webhookDeliveries': { query: '{ webhookDeliveries(first: 1) { totalCount } }' },
  'Mutation.replayWebhookDelivery': {
    query: 'mutation($id: ID!) { replayWebhookDelivery(id: $id) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.replayWebhookDeliveries': {
    query: 'mutation($id: ID!) { replayWebhookDeliveries(endpointId: $id) { replayed } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.ignoreWebhookDelivery': {
    query: 'mutation($id: ID!) { ignoreWebhookDelivery(id: $id, reason: "probe") { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Query.integrationStatus': { query: '{ integrationStatus { deadDeliveries } }' },
  'Query.integrationAlerts': { query: '{ integrationAlerts(first: 1) { totalCount } }' },
  'Query.orderTemplates': { query: '{ orderTemplates(first: 1) { totalCount } }' },
  'Query.orderEvents': {
    query: 'query($id: ID!) { orderEvents(since: "2026-01-01T00:00:00Z", orderId: $id, first: 1) { id } }',
    variables: () => ({ id: none() }),
  },
  'Query.notifications': { query: '{ notifications(first: 1) { totalCount } }' },
  'Mutation.markNotificationsRead': {
    query: 'mutation($id: ID!) { markNotificationsRead(eventIds: [$id]) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Query.notificationPreferences': { query: '{ notificationPreferences { kind email } }' },
  'Query.mailDeliveries': { query: '{ mailDeliveries(first: 1, status: FAILED) { totalCount } }' },
  'Query.quietHours': { query: '{ quietHours { start } }' },
  'Mutation.setQuietHours': {
    query: 'mutation { setQuietHours(input: { start: "25:00", end: "07:00", timeZone: "UTC" }) { userErrors { code } } }',
  },
  'Query.webPushPublicKey': { query: '{ webPushPublicKey }' },
  'Query.pushSubscriptions': { query: '{ pushSubscriptions { id } }' },
  'Mutation.registerPushSubscription': {
    // Keys that are not a subscription's: refused with a userError after the guard let the caller in.
    query:
      'mutation { registerPushSubscription(input: { endpoint: "https://push.invalid/x", p256dh: "AA", auth: "AA" }) { userErrors { code } } }',
  },
  'Mutation.removePushSubscription': {
    query: 'mutation { removePushSubscription(endpoint: "https://push.invalid/none") { removed userErrors { code } } }',
  },
  'Mutation.setNotificationPreference': {
    query: 'mutation { setNotificationPreference(kind: APPROVAL_ESCALATED, email: IMMEDIATE) { userErrors { code } } }',
  },
  'Mutation.requestSpecialPrice': {
    query: 'mutation { requestSpecialPrice(input: { sku: "NO-SUCH-SKU", quantity: 1, reason: "" }) { userErrors { code } } }',
  },
  'Query.specialPriceRequests': { query: '{ specialPriceRequests(first: 1) { totalCount } }' },
  'Query.specialPriceRequest': { query: 'query($id: ID!) { specialPriceRequest(id: $id) { id } }', variables: () => ({ id: none() }) },
  'Mutation.approveSpecialPriceRequest': {
    query: 'mutation($id: ID!) { approveSpecialPriceRequest(input: { requestId: $id }) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.rejectSpecialPriceRequest': {
    query: 'mutation($id: ID!) { rejectSpecialPriceRequest(requestId: $id, reason: "probe") { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Query.approvalRules': { query: '{ approvalRules { __typename } }' },
  'Query.approvalRuleChanges': { query: '{ approvalRuleChanges(first: 1, ruleName: "NO-SUCH-RULE") { totalCount } }' },
  'Mutation.updateApprovalRule': {
    query: 'mutation { updateApprovalRule(input: { name: "NO-SUCH-RULE", enabled: true, reason: "probe" }) { userErrors { code } } }',
  },
  'Mutation.createApprovalRule': {
    query:
      'mutation { createApprovalRule(input: { name: "probe", kind: ORDER_TOTAL_ABOVE, group: "probe", level: 99, threshold: "abc", reason: "probe" }) { userErrors { code } } }',
  },
  'Query.creditAccount': { query: 'query($id: ID!) { creditAccount(dealerId: $id) { __typename } }', variables: () => ({ id: none() }) },
  'Query.invoice': { query: 'query($id: ID!) { invoice(id: $id) { id } }', variables: () => ({ id: none() }) },
  'Query.dealer': { query: 'query($id: ID!) { dealer(id: $id) { id } }', variables: () => ({ id: none() }) },
  'Query.securityEvents': { query: '{ securityEvents(first: 1, filter: { kinds: [SIGN_IN_FAILED] }) { totalCount } }' },
  'Mutation.updateDealerSecurityPolicy': {
    query:
      'mutation($id: ID!) { updateDealerSecurityPolicy(input: { dealerId: $id, ipAllowList: ["not-a-range"] }) { userErrors { code } } }',
    variables: () => ({ id: ownDealerId }),
  },
  'Query.apiClients': { query: '{ apiClients(first: 1) { totalCount } }' },
  'Mutation.createApiClient': {
    query: 'mutation { createApiClient(input: { name: "", scopes: [CATALOG_READ] }) { userErrors { code } } }',
  },
  'Mutation.revokeApiClient': {
    query: 'mutation($id: ID!) { revokeApiClient(id: $id) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
  'Mutation.rotateApiClientSecret': {
    query: 'mutation($id: ID!) { rotateApiClientSecret(id: $id) { userErrors { code } } }',
    variables: () => ({ id: none() }),
  },
};

/**
 * Subscriptions are authorized when they are set up, at the gateway, before the variables are read.
 * Each probe carries a variable of the wrong type (`$x`, used on a nested field): a refused caller
 * hears FORBIDDEN, an allowed one the variable's error, and either way the subscription ends at once,
 * before any upstream subscription exists.
 */
const SUBSCRIPTION_PROBES: Record<string, string> = {
  'Subscription.stockChanged': 'subscription($x: Boolean!) { stockChanged(skus: ["NO-SUCH-SKU"]) { sku @include(if: $x) } }',
  'Subscription.orderUpdated': 'subscription($x: Boolean!) { orderUpdated { id @include(if: $x) } }',
  'Subscription.notificationAdded': 'subscription($x: Boolean!) { notificationAdded { id @include(if: $x) } }',
  'Subscription.specialPriceRequestUpdated': 'subscription($x: Boolean!) { specialPriceRequestUpdated { id @include(if: $x) } }',
  'Subscription.approvalQueueChanged': 'subscription($x: Boolean!) { approvalQueueChanged { type @include(if: $x) } }',
};
const WRONG_TYPE = { x: 'not-a-boolean' };

function subscriptionOutcome(
  errors: readonly { message: string; extensions?: Record<string, unknown> }[] | undefined,
  who: string,
  coordinate: string,
): Outcome {
  if (errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) return 'FORBIDDEN';
  // Allowed: the probe must have got as far as reading its variables, and no further.
  if (errors?.some((e) => e.message.includes('$x'))) return 'ALLOWED';
  throw new Error(`${coordinate} as ${who}: ${JSON.stringify(errors)}`);
}

/** Every userError code anywhere in the data (payloads, bulk results). */
function userErrorCodes(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap(userErrorCodes);
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
    key === 'userErrors' && Array.isArray(v) ? v.map((e: { code: string }) => e.code) : userErrorCodes(v),
  );
}

/** FORBIDDEN as an error (extensions.code), or as a userError in the payload (FORBIDDEN_IN_PAYLOAD). */
type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'FORBIDDEN_IN_PAYLOAD';

function outcomeOf(result: GraphQLResponse, who: string, coordinate: string): Outcome {
  const codes = (result.errors ?? []).map((e) => String(e.extensions?.code));
  // A probe must reach authorization: a malformed probe or a crash proves nothing.
  const broken = codes.filter((c) =>
    [
      'GRAPHQL_VALIDATION_FAILED',
      'GRAPHQL_PARSE_FAILED',
      'BAD_USER_INPUT',
      'INTERNAL_SERVER_ERROR',
      'UNAUTHENTICATED',
      'RATE_LIMITED',
    ].includes(c),
  );
  if (broken.length) throw new Error(`${coordinate} as ${who}: ${JSON.stringify(result.errors)}`);
  if (codes.includes('FORBIDDEN')) return 'FORBIDDEN';
  return userErrorCodes(result.data).includes('FORBIDDEN') ? 'FORBIDDEN_IN_PAYLOAD' : 'ALLOWED';
}

describe('the authorization matrix, walked through the real gateway', () => {
  let stack: TestStack;
  const users = new Map<Role, GraphQLClient>();
  const clients = new Map<string, GraphQLClient>();

  async function apiClient(admin: GraphQLClient, dealerId: string, scopes: readonly ApiScope[]): Promise<GraphQLClient> {
    const { createApiClient } = await admin.data(
      'mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { client { id } clientSecret userErrors { code } } }',
      {
        i: {
          name: `matrix ${scopes.join(' ')}`,
          scopes,
          dealerId,
          costBurst: 1_000_000,
          costPerSecond: 1_000_000,
          requestsPerMinute: 100_000,
        },
      },
    );
    const response = await fetch(stack.gatewayUrl.replace('/graphql', '/oauth/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: createApiClient.client.id,
        client_secret: createApiClient.clientSecret,
      }).toString(),
    });
    const client = new GraphQLClient(stack.gatewayUrl);
    client.accessToken = ((await response.json()) as { access_token: string }).access_token;
    return client;
  }

  beforeAll(async () => {
    stack = await startTestStack();
    for (const [role, email] of Object.entries(USERS)) users.set(role as Role, await stack.loginAs(email));
    const platinum = users.get('DEALER_ADMIN')!;
    const dealerId = (await platinum.data('{ me { dealer { id } } }')).me.dealer.id;
    const [row] = await stack.orms.orders.em
      .getConnection()
      .execute(`select id from orders."order" where dealer_id = ? and status = 'DELIVERED' limit 1`, [dealerId]);
    deliveredOrderId = row.id;
    ownDealerId = dealerId;
    const admin = users.get('ADMIN')!;
    clients.set('all', await apiClient(admin, dealerId, API_SCOPES));
    for (const scope of API_SCOPES)
      clients.set(
        `all but ${scope}`,
        await apiClient(
          admin,
          dealerId,
          API_SCOPES.filter((s) => s !== scope),
        ),
      );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** A subscription over a real graphql-ws socket: the first result, which ends it. */
  async function overSocket(
    role: Role,
    query: string,
  ): Promise<readonly { message: string; extensions?: Record<string, unknown> }[] | undefined> {
    const socket = openSocket(stack.gatewayUrl, users.get(role)!.accessToken, { eager: true });
    try {
      return await new Promise((resolve, reject) => {
        socket.subscribe(
          { query, variables: WRONG_TYPE },
          {
            next: (result) => resolve(result.errors as never),
            error: (error) => (Array.isArray(error) ? resolve(error) : reject(error)),
            complete: () => resolve(undefined),
          },
        );
      });
    } finally {
      await socket.dispose();
    }
  }

  /** A subscription over an HTTP event stream (API clients may not open sockets): its errors. */
  async function overEventStream(
    client: GraphQLClient,
    query: string,
  ): Promise<readonly { message: string; extensions?: Record<string, unknown> }[] | undefined> {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${client.accessToken}` },
      body: JSON.stringify({ query, variables: WRONG_TYPE }),
    });
    const text = await response.text();
    const events = text
      .split('\n')
      .filter((line) => line.startsWith('data:') && line.length > 5)
      .map((line) => JSON.parse(line.slice(5)) as GraphQLResponse);
    return events.flatMap((e) => e.errors ?? []) as never;
  }

  it('has a probe for every row, and every probe names a row', () => {
    expect([...Object.keys(PROBES), ...Object.keys(SUBSCRIPTION_PROBES)].sort()).toEqual(Object.keys(AUTHORIZATION_MATRIX).sort());
    expect(Object.keys(EXPECTED_ACCESS).sort()).toEqual(Object.keys(AUTHORIZATION_MATRIX).sort());
  });

  it('is documented in docs/SECURITY.md exactly as the table says (npm run docs:authorization)', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'SECURITY.md'), 'utf8');
    expect(doc).toBe(withAuthorizationMatrix(doc));
  });

  const rows = Object.entries(AUTHORIZATION_MATRIX).filter(([coordinate]) => !SUBSCRIPTION_PROBES[coordinate]);
  const subscriptionRows = Object.entries(AUTHORIZATION_MATRIX).filter(([coordinate]) => SUBSCRIPTION_PROBES[coordinate]);

  // Expectations come from the hand-written table (support/expected-access.ts), not from the matrix the guards enforce.
  it.each(rows)('%s: exactly the roles of the expectation table get in, the others refused as it says', async (coordinate) => {
    const probe = PROBES[coordinate];
    const rule = EXPECTED_ACCESS[coordinate];
    const seen: Record<string, Outcome> = {};
    const expected: Record<string, Outcome> = {};
    for (const [role, client] of users) {
      seen[role] = outcomeOf(await client.request(probe.query, probe.variables?.()), role, coordinate);
      expected[role] = rule.roles.includes(role) ? 'ALLOWED' : rule.refusal === 'ERROR' ? 'FORBIDDEN' : 'FORBIDDEN_IN_PAYLOAD';
    }
    expect(seen).toEqual(expected);
  });

  it.each(rows)("%s: an API client gets in with the table's scope only, and hears which one is missing", async (coordinate) => {
    const probe = PROBES[coordinate];
    const rule = EXPECTED_ACCESS[coordinate];
    if (!rule.scope) {
      const refused = await clients.get('all')!.request(probe.query, probe.variables?.());
      expect(outcomeOf(refused, 'an API client with every scope', coordinate)).toBe('FORBIDDEN');
      return;
    }
    expect(
      outcomeOf(await clients.get('all')!.request(probe.query, probe.variables?.()), 'an API client with every scope', coordinate),
    ).toBe('ALLOWED');
    const without = await clients.get(`all but ${rule.scope}`)!.request(probe.query, probe.variables?.());
    expect(outcomeOf(without, `an API client without ${rule.scope}`, coordinate)).toBe('FORBIDDEN');
    expect(without.errors?.[0].extensions?.missingScope).toBe(rule.scope);
  });

  it.each(subscriptionRows)('%s: exactly the roles of the expectation table may subscribe (graphql-ws)', async (coordinate) => {
    const rule = EXPECTED_ACCESS[coordinate];
    const seen: Record<string, Outcome> = {};
    const expected: Record<string, Outcome> = {};
    for (const role of users.keys()) {
      seen[role] = subscriptionOutcome(await overSocket(role, SUBSCRIPTION_PROBES[coordinate]), role, coordinate);
      expected[role] = rule.roles.includes(role) ? 'ALLOWED' : 'FORBIDDEN';
    }
    expect(seen).toEqual(expected);
  });

  it.each(subscriptionRows)("%s: an API client may subscribe with the table's scope only (event stream)", async (coordinate) => {
    const rule = EXPECTED_ACCESS[coordinate];
    const query = SUBSCRIPTION_PROBES[coordinate];
    if (!rule.scope) {
      expect(subscriptionOutcome(await overEventStream(clients.get('all')!, query), 'an API client with every scope', coordinate)).toBe(
        'FORBIDDEN',
      );
      return;
    }
    expect(subscriptionOutcome(await overEventStream(clients.get('all')!, query), 'an API client with every scope', coordinate)).toBe(
      'ALLOWED',
    );
    const without = await overEventStream(clients.get(`all but ${rule.scope}`)!, query);
    expect(subscriptionOutcome(without, `an API client without ${rule.scope}`, coordinate)).toBe('FORBIDDEN');
    expect(without?.[0].extensions?.missingScope).toBe(rule.scope);
  });
});
