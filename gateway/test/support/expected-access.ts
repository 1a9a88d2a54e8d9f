/**
 * Who may do what, written out by hand from the product's rules (../shared/CONTRACT.md "Access",
 * docs/SECURITY.md, the roles' jobs), NOT read from the authorization matrix: the matrix walk and
 * the unit test compare what is enforced with this table, so a wrong row in the matrix fails them
 * instead of being enforced and expected alike. Change a row here only when the rule itself changes.
 *
 * Columns: DA DEALER_ADMIN, OE ORDER_ENTRY, VO VIEW_ONLY | SR SALES_REP, RM REGIONAL_MANAGER,
 * SD SALES_DIRECTOR, FI FINANCE, GM GENERAL_MANAGER, AD ADMIN (x: allowed, .: refused); the scope
 * an API client needs (-: no API client); how a refused user hears it (ERROR: an error FORBIDDEN,
 * userError: FORBIDDEN in the payload).
 */
const TABLE = `
operation                               | DA OE VO | SR RM SD FI GM AD | scope        | refusal
Query.products                          | x  x  x  | x  x  x  x  x  x  | CATALOG_READ | ERROR
Query.product                           | x  x  x  | x  x  x  x  x  x  | CATALOG_READ | ERROR
Query.categories                        | x  x  x  | x  x  x  x  x  x  | CATALOG_READ | ERROR
Query.brands                            | x  x  x  | x  x  x  x  x  x  | CATALOG_READ | ERROR
Query.warehouses                        | x  x  x  | x  x  x  x  x  x  | CATALOG_READ | ERROR
Query.newProducts                       | x  x  x  | x  x  x  x  x  x  | CATALOG_READ | ERROR
Subscription.stockChanged               | x  x  x  | x  x  x  x  x  x  | CATALOG_READ | ERROR
Mutation.importStockLevels              | .  .  .  | .  .  .  .  x  x  | ERP_IMPORT   | ERROR
Mutation.startImport                    | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Query.importJob                         | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.upsertDealer                   | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.upsertProduct                  | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.deactivateProduct              | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.upsertInTransit                | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.upsertCategory                 | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.upsertWarehouse                | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.upsertPromotion                | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.upsertSpecialPriceAgreement    | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.upsertTierRule                 | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.replaceVolumeBreaks             | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.upsertDealerAddress            | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.upsertDealerContact            | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.upsertCreditAccount            | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Mutation.createWebhookEndpoint          | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.disableWebhookEndpoint         | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Query.webhookEndpoints                  | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Query.webhookDeliveries                 | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.replayWebhookDelivery          | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.replayWebhookDeliveries        | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.ignoreWebhookDelivery          | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Query.integrationStatus                 | .  .  .  | .  .  .  .  .  x  | ERP_IMPORT   | ERROR
Query.integrationAlerts                 | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Product.price                           | x  x  x  | x  x  x  x  x  x  | PRICES_READ  | ERROR
Query.myPriceList                       | x  x  x  | x  x  x  x  x  x  | PRICES_READ  | ERROR
Query.cart                              | x  x  x  | x  x  x  x  x  x  | ORDERS_WRITE | ERROR
Mutation.addToCart                      | x  x  .  | .  .  .  .  .  .  | ORDERS_WRITE | userError
Mutation.clearCart                      | x  x  .  | .  .  .  .  .  .  | ORDERS_WRITE | userError
Mutation.updateCartLine                 | x  x  .  | .  .  .  .  .  .  | ORDERS_WRITE | userError
Mutation.removeFromCart                 | x  x  .  | .  .  .  .  .  .  | ORDERS_WRITE | userError
Mutation.uploadOrderLines               | x  x  .  | .  .  .  .  .  .  | ORDERS_WRITE | userError
Mutation.addTemplateToCart              | x  x  .  | .  .  .  .  .  .  | ORDERS_WRITE | userError
Mutation.saveCartAsTemplate             | x  x  .  | .  .  .  .  .  .  | ORDERS_WRITE | userError
Mutation.saveOrderAsTemplate            | x  x  .  | .  .  .  .  .  .  | ORDERS_WRITE | userError
Mutation.deleteOrderTemplate            | x  x  .  | .  .  .  .  .  .  | ORDERS_WRITE | userError
Mutation.reorder                        | x  x  .  | .  .  .  .  .  .  | ORDERS_WRITE | userError
Mutation.placeOrder                     | x  x  .  | x  x  x  x  x  .  | ORDERS_WRITE | userError
Mutation.cancelOrder                    | x  x  .  | x  x  x  x  x  x  | -            | userError
Query.orders                            | x  x  x  | x  x  x  x  x  x  | ORDERS_WRITE | ERROR
Query.order                             | x  x  x  | x  x  x  x  x  x  | ORDERS_WRITE | ERROR
Query.orderTemplates                    | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Query.orderEvents                       | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Subscription.orderUpdated               | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Query.notifications                     | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Mutation.markNotificationsRead          | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Subscription.notificationAdded          | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Query.notificationPreferences           | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Mutation.setNotificationPreference      | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Query.mailDeliveries                    | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Query.quietHours                        | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Mutation.setQuietHours                  | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Query.webPushPublicKey                  | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Query.pushSubscriptions                 | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Mutation.registerPushSubscription       | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Mutation.removePushSubscription         | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Mutation.requestSpecialPrice            | x  x  .  | .  .  .  .  .  .  | -            | userError
Query.specialPriceRequests              | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Query.specialPriceRequest               | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Mutation.approveSpecialPriceRequest     | .  .  .  | x  x  x  x  x  .  | -            | userError
Mutation.rejectSpecialPriceRequest      | .  .  .  | x  x  x  x  x  .  | -            | userError
Subscription.specialPriceRequestUpdated | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Mutation.approveOrder                   | x  .  .  | x  x  x  x  x  .  | -            | userError
Mutation.rejectOrder                    | x  .  .  | x  x  x  x  x  .  | -            | userError
Mutation.approveOrders                  | .  .  .  | x  x  x  x  x  .  | -            | ERROR
Mutation.rejectOrders                   | .  .  .  | x  x  x  x  x  .  | -            | ERROR
Query.approvalQueue                     | x  .  .  | x  x  x  x  x  x  | -            | ERROR
Query.approvalStats                     | .  .  .  | x  x  x  x  x  x  | -            | ERROR
Query.successMetrics                    | .  .  .  | x  x  x  x  x  x  | -            | ERROR
Subscription.approvalQueueChanged       | x  .  .  | x  x  x  x  x  x  | -            | ERROR
Query.approvalRules                     | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Query.approvalRuleChanges               | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.updateApprovalRule             | .  .  .  | .  .  .  .  .  x  | -            | userError
Mutation.createApprovalRule             | .  .  .  | .  .  .  .  .  x  | -            | userError
Mutation.updateOrderFulfillment         | .  .  .  | x  x  x  x  x  x  | ERP_IMPORT   | userError
Mutation.acknowledgeOrder               | .  .  .  | .  .  .  .  x  x  | ERP_IMPORT   | userError
Mutation.setMinimumOrderAmount          | .  .  .  | .  .  .  .  x  x  | -            | userError
Mutation.setSpendingLimit               | x  .  .  | .  .  .  .  .  x  | -            | userError
Query.spendingLimits                    | x  .  .  | .  .  .  .  .  x  | -            | ERROR
Query.creditAccount                     | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Query.invoice                           | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Query.creditRiskView                    | .  .  .  | .  .  .  x  x  .  | -            | ERROR
Mutation.setCreditLimit                 | .  .  .  | .  .  .  x  x  .  | -            | ERROR
Mutation.recordInvoice                  | .  .  .  | .  .  .  x  x  .  | ERP_IMPORT   | ERROR
Query.priceMismatches                   | .  .  .  | .  .  .  x  x  x  | -            | ERROR
Mutation.resolvePriceMismatch           | .  .  .  | .  .  .  x  x  .  | -            | ERROR
Mutation.recordPayment                  | .  .  .  | .  .  .  x  x  .  | ERP_IMPORT   | ERROR
Mutation.recordBalanceAdjustment        | .  .  .  | .  .  .  x  x  .  | ERP_IMPORT   | ERROR
Mutation.setProductRestriction          | .  .  .  | .  .  x  .  x  x  | -            | ERROR
Mutation.grantProductAccess             | .  .  .  | .  .  x  .  x  x  | -            | ERROR
Mutation.revokeProductAccess            | .  .  .  | .  .  x  .  x  x  | -            | ERROR
Mutation.setDealerCategoryLimits        | .  .  .  | .  .  x  .  x  x  | -            | ERROR
Query.dealers                           | .  .  .  | x  x  x  x  x  x  | -            | ERROR
Query.dealer                            | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Mutation.updateDealerSecurityPolicy     | x  .  .  | .  .  .  .  .  x  | -            | userError
Query.securityEvents                    | x  .  .  | .  .  .  .  .  x  | -            | ERROR
Query.dealerUsers                       | x  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.inviteUser                     | x  .  .  | .  .  .  .  .  x  | -            | ERROR
Query.invitations                       | x  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.cancelInvitation               | x  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.setUserRole                    | x  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.disableUser                    | x  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.enableUser                     | x  .  .  | .  .  .  .  .  x  | -            | ERROR
Query.apiClients                        | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.createApiClient                | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.revokeApiClient                | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Mutation.rotateApiClientSecret          | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Query.dealerTierStatus                  | x  x  x  | x  x  x  x  x  x  | -            | ERROR
Query.tierUpgradeRequests               | .  .  .  | x  x  x  x  x  x  | -            | ERROR
Mutation.requestTierUpgrade             | .  .  .  | x  x  x  .  x  .  | -            | userError
Mutation.decideTierUpgrade              | .  .  .  | .  x  x  .  x  .  | -            | userError
Mutation.runTierEvaluation              | .  .  .  | .  .  .  .  .  x  | -            | ERROR
Query.rolloutWaves                      | .  .  .  | x  x  x  x  x  x  | -            | ERROR
Mutation.createRolloutWave              | .  .  .  | .  .  x  .  x  x  | -            | userError
Mutation.updateRolloutWave              | .  .  .  | .  .  x  .  x  x  | -            | userError
Mutation.assignDealersToWave            | .  .  .  | .  .  x  .  x  x  | -            | userError
`;

export const EXPECTED_ROLES = [
  'DEALER_ADMIN',
  'ORDER_ENTRY',
  'VIEW_ONLY',
  'SALES_REP',
  'REGIONAL_MANAGER',
  'SALES_DIRECTOR',
  'FINANCE',
  'GENERAL_MANAGER',
  'ADMIN',
] as const;

export interface ExpectedRow {
  /** The roles that get in. */
  roles: string[];
  /** The scope an API client needs; null: no API client gets in. */
  scope: string | null;
  refusal: 'ERROR' | 'USER_ERROR';
}

/** The table above, by operation. */
export const EXPECTED_ACCESS: Readonly<Record<string, ExpectedRow>> = Object.fromEntries(
  TABLE.trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [operation, dealers, staff, scope, refusal] = line.split('|').map((cell) => cell.trim());
      const marks = [...dealers.split(/\s+/), ...staff.split(/\s+/)];
      if (marks.length !== EXPECTED_ROLES.length || marks.some((m) => m !== 'x' && m !== '.')) throw new Error(`bad row: ${line}`);
      const row: ExpectedRow = {
        roles: EXPECTED_ROLES.filter((_, i) => marks[i] === 'x'),
        scope: scope === '-' ? null : scope,
        refusal: refusal === 'ERROR' ? 'ERROR' : 'USER_ERROR',
      };
      return [operation, row];
    }),
);
