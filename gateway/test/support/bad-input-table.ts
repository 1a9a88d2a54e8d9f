/**
 * The bad-input table: for every mutation of the composed supergraph that takes input, who calls it,
 * a harmless base input (unknown targets, so an accepted case changes nothing that matters), the
 * fields to spoil and how (their kind), and the tables a refusal must leave as they were.
 * `bad-input-table.test.ts` walks it through the real gateway; its coverage check fails when a
 * mutation has neither an entry here nor a line in EXEMPT.
 */

/** How a field is spoiled: each kind has its list of bad values (BAD_VALUES in the test). */
export type FieldKind = 'text' | 'id' | 'int' | 'amount' | 'date' | 'bool' | 'enum' | 'textList' | 'idList' | 'objectList';

export interface TableContext {
  dealerId: string;
  sku: string;
  unique(): string;
}

export interface TableEntry {
  /** The demo user who calls it; null for anonymous. */
  as: string | null;
  document: string;
  variables(ctx: TableContext): Record<string, unknown>;
  /** Variable paths ("input.lines.0.sku") and their kind. */
  fields: Record<string, FieldKind>;
  /** Tables ("schema.table") whose row count a refusal must leave unchanged. */
  tables: string[];
}

const NONE = '00000000-0000-4000-8000-000000000000';
const UE = '{ userErrors { code } }';

/** Mutations without input to spoil, and why. */
export const EXEMPT: Record<string, string> = {
  clearCart: 'takes no arguments',
  beginMfaEnrolment: 'takes no arguments',
};

export const BAD_INPUT_TABLE: Record<string, TableEntry> = {
  setCreditLimit: {
    as: 'finance@demo.staff',
    document: `mutation($input: SetCreditLimitInput!) { setCreditLimit(input: $input) ${UE} }`,
    variables: () => ({ input: { dealerId: NONE, limit: '1000.00', reason: 'table probe' } }),
    fields: { 'input.dealerId': 'id', 'input.limit': 'amount', 'input.reason': 'text', 'input.exceedancePolicy': 'enum' },
    tables: ['credit.credit_limit_change'],
  },
  recordInvoice: {
    as: 'finance@demo.staff',
    document: `mutation($input: RecordInvoiceInput!) { recordInvoice(input: $input) ${UE} }`,
    variables: (c) => ({
      input: {
        externalReference: `TBL-${c.unique()}`,
        dealerId: NONE,
        number: `TBL-${c.unique()}`,
        amount: '10.00',
        issuedAt: '2026-11-01T00:00:00Z',
        lines: [{ sku: 'A-1', name: 'Widget', quantity: 1, unitPrice: '10.00', lineTotal: '10.00' }],
      },
    }),
    fields: {
      'input.externalReference': 'text',
      'input.number': 'text',
      'input.amount': 'amount',
      'input.issuedAt': 'date',
      'input.dueAt': 'date',
      'input.currency': 'text',
      'input.lines.0.quantity': 'int',
      'input.lines.0.unitPrice': 'amount',
      'input.lines.0.name': 'text',
      'input.lines': 'objectList',
    },
    tables: ['credit.invoice', 'credit.invoice_line'],
  },
  recordPayment: {
    as: 'finance@demo.staff',
    document: `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) ${UE} }`,
    variables: (c) => ({
      input: { externalReference: `TBL-${c.unique()}`, dealerId: NONE, amount: '1.00', receivedAt: '2026-11-01T00:00:00Z' },
    }),
    fields: {
      'input.externalReference': 'text',
      'input.dealerId': 'id',
      'input.amount': 'amount',
      'input.receivedAt': 'date',
      'input.reference': 'text',
      'input.invoiceNumber': 'text',
    },
    tables: ['credit.payment'],
  },
  recordBalanceAdjustment: {
    as: 'finance@demo.staff',
    document: `mutation($input: RecordBalanceAdjustmentInput!) { recordBalanceAdjustment(input: $input) ${UE} }`,
    variables: (c) => ({ input: { externalReference: `TBL-${c.unique()}`, dealerId: NONE, amount: '1.00', reason: 'table probe' } }),
    fields: { 'input.amount': 'amount', 'input.reason': 'text', 'input.recordedAt': 'date', 'input.dealerId': 'id' },
    tables: ['credit.balance_adjustment'],
  },
  createApiClient: {
    as: 'admin@demo.staff',
    document: `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) ${UE} }`,
    variables: () => ({ input: { name: 'Table probe', scopes: ['CATALOG_READ'], dealerId: NONE } }),
    fields: { 'input.name': 'text', 'input.scopes': 'objectList', 'input.dealerId': 'id', 'input.costPerSecond': 'int' },
    tables: ['dealers.api_client'],
  },
  revokeApiClient: {
    as: 'admin@demo.staff',
    document: `mutation($id: ID!) { revokeApiClient(id: $id) ${UE} }`,
    variables: () => ({ id: NONE }),
    fields: { id: 'id' },
    tables: ['dealers.api_client'],
  },
  rotateApiClientSecret: {
    as: 'admin@demo.staff',
    document: `mutation($id: ID!) { rotateApiClientSecret(id: $id) ${UE} }`,
    variables: () => ({ id: NONE }),
    fields: { id: 'id' },
    tables: ['dealers.api_client'],
  },
  apiClientToken: {
    as: null,
    document: `mutation($id: String!, $secret: String!, $scopes: [String!]) { apiClientToken(clientId: $id, clientSecret: $secret, scopes: $scopes) { __typename } }`,
    variables: () => ({ id: NONE, secret: 'not-the-secret' }),
    fields: { id: 'text', secret: 'text', scopes: 'textList' },
    tables: ['dealers.api_client'],
  },
  login: {
    as: null,
    document: `mutation($email: String!, $password: String!, $otp: String) { login(email: $email, password: $password, otp: $otp) ${UE} }`,
    variables: () => ({ email: 'nobody@demo.dealer', password: 'not-the-password' }),
    fields: { email: 'text', password: 'text', otp: 'text' },
    tables: ['dealers.session'],
  },
  refreshSession: {
    as: null,
    document: `mutation($t: String!) { refreshSession(refreshToken: $t) ${UE} }`,
    variables: () => ({ t: 'not-a-token' }),
    fields: { t: 'text' },
    tables: ['dealers.session'],
  },
  logout: {
    as: null,
    document: `mutation($t: String!) { logout(refreshToken: $t) ${UE} }`,
    variables: () => ({ t: 'not-a-token' }),
    fields: { t: 'text' },
    tables: ['dealers.session'],
  },
  updateDealerSecurityPolicy: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpdateDealerSecurityPolicyInput!) { updateDealerSecurityPolicy(input: $input) ${UE} }`,
    variables: () => ({ input: { dealerId: NONE, mfaRequired: false } }),
    fields: { 'input.dealerId': 'id', 'input.ipAllowList': 'textList', 'input.mfaRequired': 'bool' },
    tables: ['dealers.dealer'],
  },
  confirmMfaEnrolment: {
    as: 'viewer@demo.dealer',
    document: `mutation($code: String!) { confirmMfaEnrolment(code: $code) ${UE} }`,
    variables: () => ({ code: '000000' }),
    fields: { code: 'text' },
    tables: ['dealers.user_account'],
  },
  disableMfa: {
    as: 'viewer@demo.dealer',
    document: `mutation($code: String!) { disableMfa(code: $code) ${UE} }`,
    variables: () => ({ code: '000000' }),
    fields: { code: 'text' },
    tables: ['dealers.user_account'],
  },
  revokeSession: {
    as: 'viewer@demo.dealer',
    document: `mutation($id: ID!) { revokeSession(id: $id) ${UE} }`,
    variables: () => ({ id: NONE }),
    fields: { id: 'id' },
    tables: ['dealers.session'],
  },
  revokeAllSessions: {
    as: 'viewer@demo.dealer',
    document: `mutation($k: Boolean!) { revokeAllSessions(keepCurrent: $k) ${UE} }`,
    variables: () => ({ k: true }),
    fields: { k: 'bool' },
    tables: ['dealers.session'],
  },
  inviteUser: {
    as: 'admin@demo.staff',
    document: `mutation($input: InviteUserInput!) { inviteUser(input: $input) ${UE} }`,
    variables: () => ({ input: { email: 'invitee@demo.dealer', role: 'VIEW_ONLY', dealerId: NONE } }),
    fields: { 'input.email': 'text', 'input.role': 'enum', 'input.dealerId': 'id' },
    tables: ['dealers.invitation'],
  },
  cancelInvitation: {
    as: 'admin@demo.staff',
    document: `mutation($id: ID!) { cancelInvitation(id: $id) ${UE} }`,
    variables: () => ({ id: NONE }),
    fields: { id: 'id' },
    tables: ['dealers.invitation'],
  },
  acceptInvitation: {
    as: null,
    document: `mutation($token: String!, $name: String!, $password: String!) { acceptInvitation(token: $token, name: $name, password: $password) ${UE} }`,
    variables: () => ({ token: 'not-a-token', name: 'Table Probe', password: 'a-long-enough-password-2026' }),
    fields: { token: 'text', name: 'text', password: 'text' },
    tables: ['dealers.user_account'],
  },
  setUserRole: {
    as: 'admin@demo.staff',
    document: `mutation($u: ID!, $r: Role!) { setUserRole(userId: $u, role: $r) ${UE} }`,
    variables: () => ({ u: NONE, r: 'VIEW_ONLY' }),
    fields: { u: 'id', r: 'enum' },
    tables: ['dealers.user_account'],
  },
  disableUser: {
    as: 'admin@demo.staff',
    document: `mutation($u: ID!) { disableUser(userId: $u) ${UE} }`,
    variables: () => ({ u: NONE }),
    fields: { u: 'id' },
    tables: ['dealers.user_account'],
  },
  enableUser: {
    as: 'admin@demo.staff',
    document: `mutation($u: ID!) { enableUser(userId: $u) ${UE} }`,
    variables: () => ({ u: NONE }),
    fields: { u: 'id' },
    tables: ['dealers.user_account'],
  },
  updateApprovalRule: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpdateApprovalRuleInput!) { updateApprovalRule(input: $input) ${UE} }`,
    variables: () => ({ input: { name: 'NO-SUCH-RULE', reason: 'table probe' } }),
    fields: {
      'input.name': 'text',
      'input.reason': 'text',
      'input.threshold': 'amount',
      'input.level': 'int',
      'input.handling': 'textList',
    },
    tables: ['orders.approval_rule'],
  },
  createApprovalRule: {
    as: 'admin@demo.staff',
    document: `mutation($input: CreateApprovalRuleInput!) { createApprovalRule(input: $input) ${UE} }`,
    variables: () => ({
      input: { name: 'Table probe', kind: 'ORDER_TOTAL_ABOVE', group: 'probe', level: 9, threshold: '1.00', reason: 'probe' },
    }),
    fields: {
      'input.name': 'text',
      'input.group': 'text',
      'input.threshold': 'amount',
      'input.discountPercent': 'amount',
      'input.kind': 'enum',
    },
    tables: ['orders.approval_rule'],
  },
  approveOrders: {
    as: 'gm@demo.staff',
    document: `mutation($ids: [ID!]!, $c: String) { approveOrders(orderIds: $ids, comment: $c) ${UE} }`,
    variables: () => ({ ids: [NONE] }),
    fields: { ids: 'idList', c: 'text' },
    tables: ['orders.order_approval_step'],
  },
  rejectOrders: {
    as: 'gm@demo.staff',
    document: `mutation($ids: [ID!]!, $r: String!, $code: RejectionCode) { rejectOrders(orderIds: $ids, reason: $r, reasonCode: $code) ${UE} }`,
    variables: () => ({ ids: [NONE], r: 'table probe' }),
    fields: { ids: 'idList', r: 'text', code: 'enum' },
    tables: ['orders.order_approval_step'],
  },
  addToCart: {
    as: 'platinum@demo.dealer',
    document: `mutation($lines: [CartLineInput!]!) { addToCart(lines: $lines) ${UE} }`,
    variables: () => ({ lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] }),
    fields: { 'lines.0.sku': 'text', 'lines.0.quantity': 'int', lines: 'objectList' },
    tables: ['orders.cart_line'],
  },
  updateCartLine: {
    as: 'platinum@demo.dealer',
    document: `mutation($s: String!, $q: Int!) { updateCartLine(sku: $s, quantity: $q) ${UE} }`,
    variables: () => ({ s: 'NO-SUCH-SKU', q: 1 }),
    fields: { s: 'text', q: 'int' },
    tables: ['orders.cart_line'],
  },
  removeFromCart: {
    as: 'platinum@demo.dealer',
    document: `mutation($s: [String!]!) { removeFromCart(skus: $s) ${UE} }`,
    variables: () => ({ s: ['NO-SUCH-SKU'] }),
    fields: { s: 'textList' },
    tables: ['orders.cart_line'],
  },
  uploadOrderLines: {
    as: 'platinum@demo.dealer',
    document: `mutation($input: UploadOrderLinesInput!) { uploadOrderLines(input: $input) ${UE} }`,
    variables: () => ({
      input: { filename: 'lines.csv', contentBase64: Buffer.from('sku,quantity\nNO-SUCH-SKU,1\n').toString('base64'), allOrNothing: true },
    }),
    fields: { 'input.filename': 'text', 'input.contentBase64': 'text', 'input.allOrNothing': 'bool' },
    tables: ['orders.cart_line'],
  },
  markNotificationsRead: {
    as: 'platinum@demo.dealer',
    document: `mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(eventIds: $ids, all: $all) ${UE} }`,
    variables: () => ({ ids: [NONE] }),
    fields: { ids: 'idList', all: 'bool' },
    tables: ['orders.notification_read'],
  },
  setNotificationPreference: {
    as: 'platinum@demo.dealer',
    document: `mutation($k: NotificationKind!, $e: EmailDelivery!) { setNotificationPreference(kind: $k, email: $e) ${UE} }`,
    variables: () => ({ k: 'APPROVAL_WAITING', e: 'OFF' }),
    fields: { k: 'enum', e: 'enum' },
    tables: ['orders.notification_preference'],
  },
  setQuietHours: {
    as: 'orders@demo.dealer',
    document: `mutation($input: QuietHoursInput) { setQuietHours(input: $input) ${UE} }`,
    variables: () => ({ input: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' } }),
    fields: { 'input.start': 'text', 'input.end': 'text', 'input.timeZone': 'text' },
    tables: ['orders.notification_quiet_hours'],
  },
  registerPushSubscription: {
    as: 'platinum@demo.dealer',
    document: `mutation($input: RegisterPushSubscriptionInput!) { registerPushSubscription(input: $input) ${UE} }`,
    // A real P-256 point and a 16-byte secret: the base is accepted (one device of the table's user).
    variables: (c) => ({
      input: {
        endpoint: `https://push.invalid/table/${c.unique()}`,
        p256dh: 'BB4YUy_UdUwC8wQdnHXOszuD_9gax85P6ILMscmLxYlupGwxHE4v9A3ZajZT5uRURdMt_khuztdcepDGoYiBwKM',
        auth: 'tBHItJI5svbpez7KI4CCXg',
        userAgent: 'table probe',
      },
    }),
    fields: { 'input.endpoint': 'text', 'input.p256dh': 'text', 'input.auth': 'text', 'input.userAgent': 'text' },
    tables: ['orders.push_subscription'],
  },
  removePushSubscription: {
    as: 'platinum@demo.dealer',
    document: `mutation($e: String!) { removePushSubscription(endpoint: $e) ${UE} }`,
    variables: () => ({ e: 'https://push.invalid/none' }),
    fields: { e: 'text' },
    tables: ['orders.push_subscription'],
  },
  saveCartAsTemplate: {
    as: 'platinum@demo.dealer',
    document: `mutation($n: String!) { saveCartAsTemplate(name: $n) ${UE} }`,
    variables: (c) => ({ n: `Table ${c.unique()}` }),
    fields: { n: 'text' },
    tables: ['orders.order_template'],
  },
  saveOrderAsTemplate: {
    as: 'platinum@demo.dealer',
    document: `mutation($o: ID!, $n: String!) { saveOrderAsTemplate(orderId: $o, name: $n) ${UE} }`,
    variables: (c) => ({ o: NONE, n: `Table ${c.unique()}` }),
    fields: { o: 'id', n: 'text' },
    tables: ['orders.order_template'],
  },
  deleteOrderTemplate: {
    as: 'platinum@demo.dealer',
    document: `mutation($t: ID!) { deleteOrderTemplate(templateId: $t) ${UE} }`,
    variables: () => ({ t: NONE }),
    fields: { t: 'id' },
    tables: ['orders.order_template'],
  },
  addTemplateToCart: {
    as: 'platinum@demo.dealer',
    document: `mutation($t: ID!) { addTemplateToCart(templateId: $t) ${UE} }`,
    variables: () => ({ t: NONE }),
    fields: { t: 'id' },
    tables: ['orders.cart_line'],
  },
  reorder: {
    as: 'platinum@demo.dealer',
    document: `mutation($o: ID!) { reorder(orderId: $o) ${UE} }`,
    variables: () => ({ o: NONE }),
    fields: { o: 'id' },
    tables: ['orders.cart_line'],
  },
  placeOrder: {
    as: 'platinum@demo.dealer',
    document: `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) ${UE} }`,
    variables: (c) => ({ input: { idempotencyKey: c.unique(), lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }], poNumber: 'PO-1' } }),
    fields: {
      'input.idempotencyKey': 'text',
      'input.poNumber': 'text',
      'input.expectedTotal': 'amount',
      'input.lines.0.sku': 'text',
      'input.lines.0.quantity': 'int',
      'input.lines.0.expectedUnitPrice': 'amount',
      'input.lines': 'objectList',
    },
    tables: ['orders.order', 'orders.order_line'],
  },
  approveOrder: {
    as: 'gm@demo.staff',
    document: `mutation($o: ID!, $c: String) { approveOrder(orderId: $o, comment: $c) ${UE} }`,
    variables: () => ({ o: NONE }),
    fields: { o: 'id', c: 'text' },
    tables: ['orders.order_approval_step'],
  },
  rejectOrder: {
    as: 'gm@demo.staff',
    document: `mutation($o: ID!, $r: String!, $alts: [RejectionAlternativeInput!]) { rejectOrder(orderId: $o, reason: $r, alternatives: $alts) ${UE} }`,
    variables: () => ({ o: NONE, r: 'table probe', alts: [{ kind: 'PAY_DOWN', amount: '10.00', note: 'pay' }] }),
    fields: { o: 'id', r: 'text', 'alts.0.amount': 'amount', 'alts.0.note': 'text', alts: 'objectList' },
    tables: ['orders.order_approval_step'],
  },
  cancelOrder: {
    as: 'platinum@demo.dealer',
    document: `mutation($o: ID!, $r: String, $c: OrderCancellationCode) { cancelOrder(orderId: $o, reason: $r, reasonCode: $c) ${UE} }`,
    variables: () => ({ o: NONE, c: 'ENTRY_ERROR' }),
    fields: { o: 'id', r: 'text', c: 'enum' },
    tables: ['orders.order'],
  },
  updateOrderFulfillment: {
    as: 'admin@demo.staff',
    document: `mutation($input: OrderFulfillmentInput!) { updateOrderFulfillment(input: $input) ${UE} }`,
    variables: () => ({ input: { orderId: NONE, status: 'SHIPPED', carrier: 'UPS', trackingNumber: '1Z' } }),
    fields: {
      'input.orderId': 'id',
      'input.carrier': 'text',
      'input.trackingNumber': 'text',
      'input.comment': 'text',
      'input.status': 'enum',
    },
    tables: ['orders.order'],
  },
  setMinimumOrderAmount: {
    as: 'admin@demo.staff',
    document: `mutation($input: MinimumOrderInput!) { setMinimumOrderAmount(input: $input) ${UE} }`,
    variables: () => ({ input: { dealerId: NONE, minimumAmount: '10.00', belowMinimum: 'REFUSE' } }),
    fields: { 'input.dealerId': 'id', 'input.minimumAmount': 'amount', 'input.belowMinimum': 'enum' },
    tables: ['orders.dealer_order_policy'],
  },
  setSpendingLimit: {
    as: 'platinum@demo.dealer',
    document: `mutation($input: SpendingLimitInput!) { setSpendingLimit(input: $input) ${UE} }`,
    variables: () => ({ input: { userId: NONE, perOrderLimit: '10.00', monthlyLimit: '100.00' } }),
    fields: { 'input.userId': 'id', 'input.perOrderLimit': 'amount', 'input.monthlyLimit': 'amount' },
    tables: ['orders.spending_limit'],
  },
  requestSpecialPrice: {
    as: 'platinum@demo.dealer',
    document: `mutation($input: RequestSpecialPriceInput!) { requestSpecialPrice(input: $input) ${UE} }`,
    variables: () => ({ input: { sku: 'NO-SUCH-SKU', quantity: 10, reason: 'table probe' } }),
    fields: {
      'input.sku': 'text',
      'input.quantity': 'int',
      'input.reason': 'text',
      'input.wantedUnitPrice': 'amount',
      'input.validTo': 'date',
    },
    tables: ['orders.special_price_request'],
  },
  approveSpecialPriceRequest: {
    as: 'gm@demo.staff',
    document: `mutation($input: ApproveSpecialPriceRequestInput!) { approveSpecialPriceRequest(input: $input) ${UE} }`,
    variables: () => ({ input: { requestId: NONE } }),
    fields: {
      'input.requestId': 'id',
      'input.unitPrice': 'amount',
      'input.quantity': 'int',
      'input.validTo': 'date',
      'input.comment': 'text',
    },
    tables: ['orders.special_price_request'],
  },
  rejectSpecialPriceRequest: {
    as: 'gm@demo.staff',
    document: `mutation($id: ID!, $r: String!) { rejectSpecialPriceRequest(requestId: $id, reason: $r) ${UE} }`,
    variables: () => ({ id: NONE, r: 'table probe' }),
    fields: { id: 'id', r: 'text' },
    tables: ['orders.special_price_request'],
  },
  setProductRestriction: {
    as: 'director@demo.staff',
    document: `mutation($s: String!, $r: ProductRestriction) { setProductRestriction(sku: $s, restriction: $r) ${UE} }`,
    variables: () => ({ s: 'NO-SUCH-SKU', r: 'QUOTA' }),
    fields: { s: 'text', r: 'enum' },
    tables: ['products.product'],
  },
  grantProductAccess: {
    as: 'director@demo.staff',
    document: `mutation($input: AssortmentGrantInput!) { grantProductAccess(input: $input) ${UE} }`,
    variables: (c) => ({ input: { skus: [c.sku], scope: 'DEALER', value: NONE } }),
    fields: { 'input.skus': 'textList', 'input.value': 'text', 'input.scope': 'enum' },
    tables: ['products.assortment_grant'],
  },
  revokeProductAccess: {
    as: 'director@demo.staff',
    document: `mutation($input: AssortmentGrantInput!) { revokeProductAccess(input: $input) ${UE} }`,
    variables: (c) => ({ input: { skus: [c.sku], scope: 'DEALER', value: NONE } }),
    fields: { 'input.skus': 'textList', 'input.value': 'text' },
    tables: ['products.assortment_grant'],
  },
  setDealerCategoryLimits: {
    as: 'director@demo.staff',
    document: `mutation($d: ID!, $c: [ID!]!) { setDealerCategoryLimits(dealerId: $d, categoryIds: $c) ${UE} }`,
    variables: () => ({ d: NONE, c: [] }),
    fields: { d: 'id', c: 'idList' },
    tables: ['products.dealer_category_limit'],
  },
  importStockLevels: {
    as: 'admin@demo.staff',
    document: `mutation($input: ImportStockLevelsInput!) { importStockLevels(input: $input) ${UE} }`,
    variables: () => ({ input: { levels: [{ sku: 'NO-SUCH-SKU', warehouseCode: 'NOWHERE', onHand: 1 }] } }),
    fields: {
      'input.levels.0.sku': 'text',
      'input.levels.0.warehouseCode': 'text',
      'input.levels.0.onHand': 'int',
      'input.levels.0.lowThreshold': 'int',
      'input.levels': 'objectList',
    },
    tables: ['products.stock_level'],
  },
  startImport: {
    as: 'admin@demo.staff',
    document: `mutation($input: StartImportInput!) { startImport(input: $input) ${UE} }`,
    // A dry run of one unknown SKU: an accepted case queues a job that writes no price. The file's bytes are not
    // spoiled as text (100 KB is a small file); bad files are the import's own tests (price-list-import.e2e).
    variables: () => ({
      input: {
        kind: 'PRICE_LIST',
        filename: 'probe.csv',
        contentBase64: Buffer.from('sku,list_price\nNO-SUCH-SKU,1.00\n').toString('base64'),
        dryRun: true,
      },
    }),
    fields: {
      'input.kind': 'enum',
      'input.filename': 'text',
      'input.dryRun': 'bool',
      'input.validRowsOnly': 'bool',
    },
    tables: ['prices.product_price'],
  },
  upsertDealer: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpsertDealerInput!) { upsertDealer(input: $input) ${UE} }`,
    // A new code each time: an accepted case creates a probe dealer no user belongs to.
    variables: (ctx) => ({
      input: {
        code: `PROBE-${ctx.unique()}`.slice(0, 40),
        name: 'Probe',
        tier: 'BRONZE',
        region: 'PROBE',
        city: 'Nowhere',
        email: 'probe@example.com',
      },
    }),
    fields: {
      'input.code': 'text',
      'input.name': 'text',
      'input.tier': 'enum',
      'input.dealerType': 'enum',
      'input.region': 'text',
      'input.city': 'text',
      'input.email': 'text',
      'input.phone': 'text',
      'input.contractType': 'text',
      'input.active': 'bool',
    },
    tables: ['dealers.dealer', 'dealers.master_data_change'],
  },
  upsertProduct: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpsertProductInput!) { upsertProduct(input: $input) ${UE} }`,
    // An unknown category: the accepted base is refused as UNKNOWN_CATEGORY, so no case creates a product.
    variables: (ctx) => ({
      input: {
        sku: `PROBE-${ctx.unique()}`.slice(0, 60),
        name: 'Probe',
        brand: 'Probe',
        category: 'no-such-category',
        specs: [{ name: 'Width', value: '1', unit: 'mm' }],
      },
    }),
    fields: {
      'input.sku': 'text',
      'input.name': 'text',
      'input.description': 'text',
      'input.brand': 'text',
      'input.category': 'text',
      'input.unit': 'text',
      'input.packSize': 'int',
      'input.handlingClass': 'enum',
      'input.hazardous': 'bool',
      'input.active': 'bool',
      'input.images': 'textList',
      'input.substitutes': 'textList',
      'input.specs': 'objectList',
    },
    tables: ['products.product', 'products.brand', 'products.master_data_change'],
  },
  deactivateProduct: {
    as: 'admin@demo.staff',
    document: `mutation($sku: String!) { deactivateProduct(sku: $sku) ${UE} }`,
    variables: () => ({ sku: 'NO-SUCH-SKU' }),
    fields: { sku: 'text' },
    tables: ['products.master_data_change'],
  },
  upsertInTransit: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpsertInTransitInput!) { upsertInTransit(input: $input) ${UE} }`,
    // An unknown SKU: the accepted base is refused as UNKNOWN_SKU, so no case creates a shipment.
    variables: (ctx) => ({ input: { reference: `PROBE-${ctx.unique()}`, sku: 'NO-SUCH-SKU', warehouseCode: 'WH-NORTH', quantity: 1 } }),
    fields: {
      'input.reference': 'text',
      'input.sku': 'text',
      'input.warehouseCode': 'text',
      'input.quantity': 'int',
      'input.eta': 'text',
    },
    tables: ['products.in_transit', 'products.master_data_change'],
  },
  upsertCategory: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpsertCategoryInput!) { upsertCategory(input: $input) ${UE} }`,
    // An unknown parent: the accepted base is refused as UNKNOWN_PARENT, so no case creates a category below it.
    variables: (ctx) => ({ input: { slug: `probe-${ctx.unique()}`.toLowerCase(), name: 'Probe', parentSlug: 'no-such-parent' } }),
    fields: { 'input.slug': 'text', 'input.name': 'text', 'input.parentSlug': 'text' },
    tables: ['products.category', 'products.master_data_change'],
  },
  upsertWarehouse: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpsertWarehouseInput!) { upsertWarehouse(input: $input) ${UE} }`,
    // A code with a space: the base is refused as INVALID_CODE, so no case creates a warehouse.
    variables: () => ({ input: { code: 'NO SUCH CODE', name: 'Probe', city: 'Nowhere' } }),
    fields: { 'input.code': 'text', 'input.name': 'text', 'input.city': 'text' },
    tables: ['products.warehouse', 'products.master_data_change'],
  },
  requestTierUpgrade: {
    as: 'rep@demo.staff',
    document: `mutation($input: RequestTierUpgradeInput!) { requestTierUpgrade(input: $input) ${UE} }`,
    // An unknown dealer: refused as NOT_FOUND, so no case creates a request.
    variables: () => ({ input: { dealerId: NONE, tier: 'PLATINUM', reason: 'Probe' } }),
    fields: { 'input.dealerId': 'id', 'input.tier': 'enum', 'input.reason': 'text' },
    tables: ['dealers.tier_upgrade_request'],
  },
  decideTierUpgrade: {
    as: 'manager@demo.staff',
    document: `mutation($input: DecideTierUpgradeInput!) { decideTierUpgrade(input: $input) ${UE} }`,
    variables: () => ({ input: { requestId: NONE, approve: true, note: 'Probe' } }),
    fields: { 'input.requestId': 'id', 'input.approve': 'bool', 'input.note': 'text' },
    tables: ['dealers.tier_upgrade_request', 'dealers.tier_change'],
  },
  runTierEvaluation: {
    as: 'admin@demo.staff',
    document: `mutation($review: Boolean!, $ids: [ID!]) { runTierEvaluation(review: $review, dealerIds: $ids) { evaluated } }`,
    // Only an unknown dealer: every case evaluates nobody.
    variables: () => ({ review: false, ids: [NONE] }),
    fields: { review: 'bool', ids: 'idList' },
    tables: ['dealers.tier_change', 'dealers.tier_review'],
  },
  createRolloutWave: {
    as: 'admin@demo.staff',
    document: `mutation($input: CreateRolloutWaveInput!) { createRolloutWave(input: $input) ${UE} }`,
    // A blank name: the base is refused as REQUIRED, so no case creates a wave.
    variables: () => ({ input: { name: ' ', opensAt: '2027-01-01T00:00:00Z' } }),
    fields: { 'input.name': 'text', 'input.opensAt': 'date' },
    tables: ['dealers.rollout_wave'],
  },
  updateRolloutWave: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpdateRolloutWaveInput!) { updateRolloutWave(input: $input) ${UE} }`,
    variables: () => ({ input: { id: NONE, name: 'Probe', opensAt: '2027-01-01T00:00:00Z' } }),
    fields: { 'input.id': 'id', 'input.name': 'text', 'input.opensAt': 'date' },
    tables: ['dealers.rollout_wave'],
  },
  assignDealersToWave: {
    as: 'admin@demo.staff',
    document: `mutation($input: AssignDealersToWaveInput!) { assignDealersToWave(input: $input) ${UE} }`,
    // An unknown wave: refused as NOT_FOUND, so no case moves a dealer.
    variables: () => ({ input: { waveId: NONE, dealerIds: [NONE] } }),
    fields: { 'input.waveId': 'id', 'input.dealerIds': 'idList' },
    tables: ['dealers.rollout_wave'],
  },
  upsertDealerAddress: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpsertDealerAddressInput!) { upsertDealerAddress(input: $input) ${UE} }`,
    // An unknown dealer: the base is refused as UNKNOWN_DEALER, so no case creates an address.
    variables: () => ({
      input: {
        dealerCode: 'NO-SUCH-DEALER',
        code: 'A1',
        kind: 'SHIP_TO',
        name: 'Probe',
        street: '1 Main St',
        postalCode: '1',
        city: 'X',
        country: 'US',
      },
    }),
    fields: {
      'input.dealerCode': 'text',
      'input.code': 'text',
      'input.kind': 'text',
      'input.name': 'text',
      'input.street': 'text',
      'input.postalCode': 'text',
      'input.city': 'text',
      'input.region': 'text',
      'input.country': 'text',
      'input.isDefault': 'bool',
      'input.active': 'bool',
    },
    tables: ['dealers.dealer_address', 'dealers.master_data_change'],
  },
  upsertDealerContact: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpsertDealerContactInput!) { upsertDealerContact(input: $input) ${UE} }`,
    // An unknown dealer: the base is refused as UNKNOWN_DEALER, so no case creates a contact.
    variables: () => ({ input: { dealerCode: 'NO-SUCH-DEALER', email: 'probe@example.com', name: 'Probe' } }),
    fields: {
      'input.dealerCode': 'text',
      'input.email': 'text',
      'input.name': 'text',
      'input.role': 'text',
      'input.phone': 'text',
      'input.active': 'bool',
    },
    tables: ['dealers.dealer_contact', 'dealers.master_data_change'],
  },
  upsertTierRule: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpsertTierRuleInput!) { upsertTierRule(input: $input) ${UE} }`,
    // An unknown tier: the base is refused as INVALID_TIER, so no case changes a discount.
    variables: () => ({ input: { tier: 'NOT_A_TIER', discountPercent: '5' } }),
    fields: { 'input.tier': 'text', 'input.discountPercent': 'text' },
    tables: ['prices.tier_rule', 'prices.master_data_change'],
  },
  replaceVolumeBreaks: {
    as: 'admin@demo.staff',
    document: `mutation($breaks: [VolumeBreakInput!]!) { replaceVolumeBreaks(breaks: $breaks) ${UE} }`,
    // A range that ends before it starts: the base is refused as INVALID_RANGE, so no case replaces the table.
    variables: () => ({ breaks: [{ minQuantity: 10, maxQuantity: 5, discountPercent: '1' }] }),
    fields: { 'breaks.0.minQuantity': 'int', 'breaks.0.maxQuantity': 'int', 'breaks.0.discountPercent': 'text' },
    tables: ['prices.volume_break', 'prices.master_data_change'],
  },
  upsertPromotion: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpsertPromotionInput!) { upsertPromotion(input: $input) ${UE} }`,
    // An unknown SKU: the base is refused as UNKNOWN_SKU, so no case creates a promotion.
    variables: () => ({
      input: { code: 'PROBE', name: 'Probe', sku: 'NO-SUCH-SKU', discountPercent: '5', validFrom: '2027-01-01', validTo: '2027-01-31' },
    }),
    fields: {
      'input.code': 'text',
      'input.name': 'text',
      'input.sku': 'text',
      'input.discountPercent': 'text',
      'input.validFrom': 'text',
      'input.validTo': 'text',
    },
    tables: ['prices.promotion', 'prices.master_data_change'],
  },
  upsertSpecialPriceAgreement: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpsertSpecialPriceAgreementInput!) { upsertSpecialPriceAgreement(input: $input) ${UE} }`,
    // An unknown dealer: the base is refused as UNKNOWN_DEALER, so no case creates an agreement.
    variables: (ctx) => ({
      input: {
        reference: 'PROBE',
        dealerCode: 'NO-SUCH-DEALER',
        sku: ctx.sku,
        unitPrice: '1.00',
        currency: 'USD',
        validFrom: '2027-01-01',
      },
    }),
    fields: {
      'input.reference': 'text',
      'input.dealerCode': 'text',
      'input.sku': 'text',
      'input.unitPrice': 'amount',
      'input.currency': 'text',
      'input.validFrom': 'date',
      'input.validTo': 'date',
    },
    tables: ['prices.special_price', 'prices.master_data_change'],
  },
  upsertCreditAccount: {
    as: 'admin@demo.staff',
    document: `mutation($input: UpsertCreditAccountInput!) { upsertCreditAccount(input: $input) ${UE} }`,
    // An unknown dealer code: the accepted base is refused as UNKNOWN_DEALER, so no case opens an account.
    variables: () => ({
      input: {
        dealerCode: 'NO-SUCH-DEALER',
        creditLimit: '1000.00',
        currency: 'USD',
        paymentTermsDays: 30,
        exceedancePolicy: 'HARD_BLOCK',
      },
    }),
    fields: {
      'input.dealerCode': 'text',
      'input.creditLimit': 'amount',
      'input.currency': 'text',
      'input.paymentTermsDays': 'int',
      'input.exceedancePolicy': 'enum',
      'input.reason': 'text',
    },
    tables: ['credit.credit_account', 'credit.master_data_change', 'credit.credit_limit_change'],
  },
  createWebhookEndpoint: {
    as: 'admin@demo.staff',
    document: `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) ${UE} }`,
    // An accepted case registers an endpoint on a reserved name (.invalid): its deliveries fail and nothing leaves.
    variables: () => ({ input: { url: 'https://erp.invalid/hooks', events: ['order.approved'], description: 'table probe' } }),
    fields: { 'input.url': 'text', 'input.events': 'textList', 'input.description': 'text' },
    tables: ['integration.webhook_endpoint'],
  },
  disableWebhookEndpoint: {
    as: 'admin@demo.staff',
    document: `mutation($id: ID!) { disableWebhookEndpoint(id: $id) ${UE} }`,
    variables: () => ({ id: NONE }),
    fields: { id: 'id' },
    tables: ['integration.webhook_endpoint'],
  },
  replayWebhookDelivery: {
    as: 'admin@demo.staff',
    document: `mutation($id: ID!) { replayWebhookDelivery(id: $id) ${UE} }`,
    variables: () => ({ id: NONE }),
    fields: { id: 'id' },
    tables: ['integration.webhook_delivery'],
  },
  replayWebhookDeliveries: {
    as: 'admin@demo.staff',
    document: `mutation($endpointId: ID) { replayWebhookDeliveries(endpointId: $endpointId) ${UE} }`,
    variables: () => ({ endpointId: NONE }),
    fields: { endpointId: 'id' },
    tables: ['integration.webhook_delivery'],
  },
  resolvePriceMismatch: {
    as: 'finance@demo.staff',
    document: `mutation($id: ID!, $note: String!) { resolvePriceMismatch(id: $id, note: $note) ${UE} }`,
    variables: () => ({ id: NONE, note: 'table probe' }),
    fields: { id: 'id', note: 'text' },
    tables: ['credit.price_mismatch'],
  },
  ignoreWebhookDelivery: {
    as: 'admin@demo.staff',
    document: `mutation($id: ID!, $reason: String!) { ignoreWebhookDelivery(id: $id, reason: $reason) ${UE} }`,
    variables: () => ({ id: NONE, reason: 'table probe' }),
    fields: { id: 'id', reason: 'text' },
    tables: ['integration.webhook_delivery'],
  },
  acknowledgeOrder: {
    as: 'admin@demo.staff',
    document: `mutation($input: AcknowledgeOrderInput!) { acknowledgeOrder(input: $input) ${UE} }`,
    variables: () => ({
      input: { orderId: NONE, erpOrderNumber: 'ERP-PROBE', confirmedShipDate: '2026-12-08', confirmedDeliveryDate: '2026-12-10' },
    }),
    fields: {
      'input.orderId': 'id',
      'input.orderNumber': 'text',
      'input.erpOrderNumber': 'text',
      'input.confirmedShipDate': 'text',
      'input.confirmedDeliveryDate': 'text',
    },
    tables: ['orders.order_status_change'],
  },
};
