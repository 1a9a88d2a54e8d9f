/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AddToCart($lines: [CartLineInput!]!) {\n  addToCart(lines: $lines) {\n    cart {\n      lineCount\n      totalQuantity\n      total {\n        amount\n      }\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.AddToCartDocument,
    "subscription ApprovalQueueChanged {\n  approvalQueueChanged {\n    id\n    orderId\n    type\n  }\n}": typeof types.ApprovalQueueChangedDocument,
    "query ApprovalQueue($first: Int, $after: String) {\n  approvalQueue(first: $first, after: $after) {\n    totalCount\n    nodes {\n      id\n      number\n      status\n      placedAt\n      total {\n        amount\n        currency\n      }\n      dealer {\n        id\n        name\n        credit {\n          available {\n            amount\n          }\n          status\n        }\n      }\n      currentApprovalStep {\n        level\n        rule\n        reason\n        dueAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ApprovalQueueDocument,
    "mutation ApproveOrder($orderId: ID!, $comment: String) {\n  approveOrder(orderId: $orderId, comment: $comment) {\n    order {\n      id\n      status\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.ApproveOrderDocument,
    "mutation BeginMfaEnrolment {\n  beginMfaEnrolment {\n    otpauthUri\n    qrCodeSvg\n    secret\n    userErrors {\n      code\n      message\n    }\n  }\n}": typeof types.BeginMfaEnrolmentDocument,
    "query Cart {\n  cart {\n    lineCount\n    totalQuantity\n    total {\n      amount\n      currency\n    }\n    lines {\n      id\n      sku\n      name\n      quantity\n      orderable\n      problem\n      unitPrice {\n        amount\n        currency\n      }\n      lineTotal {\n        amount\n        currency\n      }\n      priceChanged\n      priceWhenAdded {\n        amount\n      }\n      volumeBreakHint\n      stockStatus\n      available\n    }\n    creditPreview {\n      outcome\n      code\n      reason\n      warning\n      available {\n        amount\n      }\n      shortfall {\n        amount\n      }\n      approvalLevel\n    }\n  }\n}": typeof types.CartDocument,
    "query CatalogPage($first: Int, $after: String, $filter: ProductFilter, $quantity: Int) {\n  products(first: $first, after: $after, filter: $filter) {\n    totalCount\n    nodes {\n      ...ProductCard\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nfragment ProductCard on Product {\n  id\n  sku\n  name\n  brand\n  unit\n  stock {\n    status\n    available\n  }\n  price(quantity: $quantity) {\n    listPrice {\n      amount\n      currency\n    }\n    unitPrice {\n      amount\n      currency\n    }\n    discountPercent\n    appliedRules\n  }\n}": typeof types.CatalogPageDocument,
    "mutation ConfirmMfaEnrolment($code: String!) {\n  confirmMfaEnrolment(code: $code) {\n    refreshToken\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.ConfirmMfaEnrolmentDocument,
    "query MyDealer {\n  me {\n    id\n    email\n    fullName\n    role\n    approvalLevel\n    dealer {\n      id\n      name\n      tier\n      credit {\n        ...CreditFields\n      }\n    }\n  }\n}\n\nfragment CreditFields on CreditAccount {\n  limit {\n    amount\n    currency\n  }\n  openBalance {\n    amount\n  }\n  pendingOrders {\n    amount\n  }\n  available {\n    amount\n  }\n  overdue {\n    amount\n  }\n  oldestOverdueDays\n  status\n  exceedancePolicy\n}": typeof types.MyDealerDocument,
    "query MyOrders($first: Int, $after: String, $filter: OrderFilter) {\n  orders(first: $first, after: $after, filter: $filter) {\n    totalCount\n    nodes {\n      id\n      number\n      status\n      placedAt\n      poNumber\n      total {\n        amount\n        currency\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.MyOrdersDocument,
    "query OrderPage($id: ID!) {\n  order(id: $id) {\n    id\n    number\n    status\n    placedAt\n    updatedAt\n    poNumber\n    warning\n    estimatedDecisionAt\n    total {\n      amount\n      currency\n    }\n    dealer {\n      id\n      name\n    }\n    lines {\n      id\n      sku\n      name\n      quantity\n      unitPrice {\n        amount\n        currency\n      }\n      lineTotal {\n        amount\n        currency\n      }\n    }\n    statusHistory {\n      status\n      at\n      comment\n    }\n    approvalState\n    approvalSteps {\n      position\n      level\n      role\n      rule\n      reason\n      status\n      decidedAt\n      comment\n      dueAt\n    }\n    rejection {\n      code\n      reason\n    }\n  }\n}": typeof types.OrderPageDocument,
    "subscription OrderUpdated($orderId: ID) {\n  orderUpdated(orderId: $orderId) {\n    id\n    number\n    status\n    updatedAt\n    approvalState\n  }\n}": typeof types.OrderUpdatedDocument,
    "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    order {\n      id\n      number\n      status\n      total {\n        amount\n      }\n    }\n    warning\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.PlaceOrderDocument,
    "query ProductDetail($sku: String!) {\n  product(sku: $sku) {\n    sku\n    name\n    brand\n    stock {\n      status\n      available\n    }\n    price {\n      listPrice {\n        amount\n      }\n      unitPrice {\n        amount\n      }\n      appliedRules\n    }\n  }\n}": typeof types.ProductDetailDocument,
    "mutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n    expiresIn\n    userErrors {\n      code\n      message\n    }\n  }\n}": typeof types.RefreshSessionDocument,
    "mutation RejectOrder($orderId: ID!, $reason: String!) {\n  rejectOrder(orderId: $orderId, reason: $reason) {\n    order {\n      id\n      status\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.RejectOrderDocument,
    "mutation SignIn($email: String!, $password: String!, $otp: String) {\n  login(email: $email, password: $password, otp: $otp) {\n    accessToken\n    refreshToken\n    expiresIn\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.SignInDocument,
    "mutation SignOut($refreshToken: String!) {\n  logout(refreshToken: $refreshToken) {\n    loggedOut\n    userErrors {\n      code\n      message\n    }\n  }\n}": typeof types.SignOutDocument,
    "mutation UploadOrderLines($input: UploadOrderLinesInput!) {\n  uploadOrderLines(input: $input) {\n    rows {\n      row\n      sku\n      quantity\n      status\n      message\n      mergedIntoRow\n    }\n    cart {\n      lineCount\n      totalQuantity\n      total {\n        amount\n        currency\n      }\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.UploadOrderLinesDocument,
};
const documents: Documents = {
    "mutation AddToCart($lines: [CartLineInput!]!) {\n  addToCart(lines: $lines) {\n    cart {\n      lineCount\n      totalQuantity\n      total {\n        amount\n      }\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": types.AddToCartDocument,
    "subscription ApprovalQueueChanged {\n  approvalQueueChanged {\n    id\n    orderId\n    type\n  }\n}": types.ApprovalQueueChangedDocument,
    "query ApprovalQueue($first: Int, $after: String) {\n  approvalQueue(first: $first, after: $after) {\n    totalCount\n    nodes {\n      id\n      number\n      status\n      placedAt\n      total {\n        amount\n        currency\n      }\n      dealer {\n        id\n        name\n        credit {\n          available {\n            amount\n          }\n          status\n        }\n      }\n      currentApprovalStep {\n        level\n        rule\n        reason\n        dueAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ApprovalQueueDocument,
    "mutation ApproveOrder($orderId: ID!, $comment: String) {\n  approveOrder(orderId: $orderId, comment: $comment) {\n    order {\n      id\n      status\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": types.ApproveOrderDocument,
    "mutation BeginMfaEnrolment {\n  beginMfaEnrolment {\n    otpauthUri\n    qrCodeSvg\n    secret\n    userErrors {\n      code\n      message\n    }\n  }\n}": types.BeginMfaEnrolmentDocument,
    "query Cart {\n  cart {\n    lineCount\n    totalQuantity\n    total {\n      amount\n      currency\n    }\n    lines {\n      id\n      sku\n      name\n      quantity\n      orderable\n      problem\n      unitPrice {\n        amount\n        currency\n      }\n      lineTotal {\n        amount\n        currency\n      }\n      priceChanged\n      priceWhenAdded {\n        amount\n      }\n      volumeBreakHint\n      stockStatus\n      available\n    }\n    creditPreview {\n      outcome\n      code\n      reason\n      warning\n      available {\n        amount\n      }\n      shortfall {\n        amount\n      }\n      approvalLevel\n    }\n  }\n}": types.CartDocument,
    "query CatalogPage($first: Int, $after: String, $filter: ProductFilter, $quantity: Int) {\n  products(first: $first, after: $after, filter: $filter) {\n    totalCount\n    nodes {\n      ...ProductCard\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nfragment ProductCard on Product {\n  id\n  sku\n  name\n  brand\n  unit\n  stock {\n    status\n    available\n  }\n  price(quantity: $quantity) {\n    listPrice {\n      amount\n      currency\n    }\n    unitPrice {\n      amount\n      currency\n    }\n    discountPercent\n    appliedRules\n  }\n}": types.CatalogPageDocument,
    "mutation ConfirmMfaEnrolment($code: String!) {\n  confirmMfaEnrolment(code: $code) {\n    refreshToken\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": types.ConfirmMfaEnrolmentDocument,
    "query MyDealer {\n  me {\n    id\n    email\n    fullName\n    role\n    approvalLevel\n    dealer {\n      id\n      name\n      tier\n      credit {\n        ...CreditFields\n      }\n    }\n  }\n}\n\nfragment CreditFields on CreditAccount {\n  limit {\n    amount\n    currency\n  }\n  openBalance {\n    amount\n  }\n  pendingOrders {\n    amount\n  }\n  available {\n    amount\n  }\n  overdue {\n    amount\n  }\n  oldestOverdueDays\n  status\n  exceedancePolicy\n}": types.MyDealerDocument,
    "query MyOrders($first: Int, $after: String, $filter: OrderFilter) {\n  orders(first: $first, after: $after, filter: $filter) {\n    totalCount\n    nodes {\n      id\n      number\n      status\n      placedAt\n      poNumber\n      total {\n        amount\n        currency\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.MyOrdersDocument,
    "query OrderPage($id: ID!) {\n  order(id: $id) {\n    id\n    number\n    status\n    placedAt\n    updatedAt\n    poNumber\n    warning\n    estimatedDecisionAt\n    total {\n      amount\n      currency\n    }\n    dealer {\n      id\n      name\n    }\n    lines {\n      id\n      sku\n      name\n      quantity\n      unitPrice {\n        amount\n        currency\n      }\n      lineTotal {\n        amount\n        currency\n      }\n    }\n    statusHistory {\n      status\n      at\n      comment\n    }\n    approvalState\n    approvalSteps {\n      position\n      level\n      role\n      rule\n      reason\n      status\n      decidedAt\n      comment\n      dueAt\n    }\n    rejection {\n      code\n      reason\n    }\n  }\n}": types.OrderPageDocument,
    "subscription OrderUpdated($orderId: ID) {\n  orderUpdated(orderId: $orderId) {\n    id\n    number\n    status\n    updatedAt\n    approvalState\n  }\n}": types.OrderUpdatedDocument,
    "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    order {\n      id\n      number\n      status\n      total {\n        amount\n      }\n    }\n    warning\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": types.PlaceOrderDocument,
    "query ProductDetail($sku: String!) {\n  product(sku: $sku) {\n    sku\n    name\n    brand\n    stock {\n      status\n      available\n    }\n    price {\n      listPrice {\n        amount\n      }\n      unitPrice {\n        amount\n      }\n      appliedRules\n    }\n  }\n}": types.ProductDetailDocument,
    "mutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n    expiresIn\n    userErrors {\n      code\n      message\n    }\n  }\n}": types.RefreshSessionDocument,
    "mutation RejectOrder($orderId: ID!, $reason: String!) {\n  rejectOrder(orderId: $orderId, reason: $reason) {\n    order {\n      id\n      status\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": types.RejectOrderDocument,
    "mutation SignIn($email: String!, $password: String!, $otp: String) {\n  login(email: $email, password: $password, otp: $otp) {\n    accessToken\n    refreshToken\n    expiresIn\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": types.SignInDocument,
    "mutation SignOut($refreshToken: String!) {\n  logout(refreshToken: $refreshToken) {\n    loggedOut\n    userErrors {\n      code\n      message\n    }\n  }\n}": types.SignOutDocument,
    "mutation UploadOrderLines($input: UploadOrderLinesInput!) {\n  uploadOrderLines(input: $input) {\n    rows {\n      row\n      sku\n      quantity\n      status\n      message\n      mergedIntoRow\n    }\n    cart {\n      lineCount\n      totalQuantity\n      total {\n        amount\n        currency\n      }\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": types.UploadOrderLinesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddToCart($lines: [CartLineInput!]!) {\n  addToCart(lines: $lines) {\n    cart {\n      lineCount\n      totalQuantity\n      total {\n        amount\n      }\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}"): typeof import('./graphql').AddToCartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ApprovalQueueChanged {\n  approvalQueueChanged {\n    id\n    orderId\n    type\n  }\n}"): typeof import('./graphql').ApprovalQueueChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApprovalQueue($first: Int, $after: String) {\n  approvalQueue(first: $first, after: $after) {\n    totalCount\n    nodes {\n      id\n      number\n      status\n      placedAt\n      total {\n        amount\n        currency\n      }\n      dealer {\n        id\n        name\n        credit {\n          available {\n            amount\n          }\n          status\n        }\n      }\n      currentApprovalStep {\n        level\n        rule\n        reason\n        dueAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').ApprovalQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApproveOrder($orderId: ID!, $comment: String) {\n  approveOrder(orderId: $orderId, comment: $comment) {\n    order {\n      id\n      status\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}"): typeof import('./graphql').ApproveOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BeginMfaEnrolment {\n  beginMfaEnrolment {\n    otpauthUri\n    qrCodeSvg\n    secret\n    userErrors {\n      code\n      message\n    }\n  }\n}"): typeof import('./graphql').BeginMfaEnrolmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Cart {\n  cart {\n    lineCount\n    totalQuantity\n    total {\n      amount\n      currency\n    }\n    lines {\n      id\n      sku\n      name\n      quantity\n      orderable\n      problem\n      unitPrice {\n        amount\n        currency\n      }\n      lineTotal {\n        amount\n        currency\n      }\n      priceChanged\n      priceWhenAdded {\n        amount\n      }\n      volumeBreakHint\n      stockStatus\n      available\n    }\n    creditPreview {\n      outcome\n      code\n      reason\n      warning\n      available {\n        amount\n      }\n      shortfall {\n        amount\n      }\n      approvalLevel\n    }\n  }\n}"): typeof import('./graphql').CartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogPage($first: Int, $after: String, $filter: ProductFilter, $quantity: Int) {\n  products(first: $first, after: $after, filter: $filter) {\n    totalCount\n    nodes {\n      ...ProductCard\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nfragment ProductCard on Product {\n  id\n  sku\n  name\n  brand\n  unit\n  stock {\n    status\n    available\n  }\n  price(quantity: $quantity) {\n    listPrice {\n      amount\n      currency\n    }\n    unitPrice {\n      amount\n      currency\n    }\n    discountPercent\n    appliedRules\n  }\n}"): typeof import('./graphql').CatalogPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmMfaEnrolment($code: String!) {\n  confirmMfaEnrolment(code: $code) {\n    refreshToken\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}"): typeof import('./graphql').ConfirmMfaEnrolmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyDealer {\n  me {\n    id\n    email\n    fullName\n    role\n    approvalLevel\n    dealer {\n      id\n      name\n      tier\n      credit {\n        ...CreditFields\n      }\n    }\n  }\n}\n\nfragment CreditFields on CreditAccount {\n  limit {\n    amount\n    currency\n  }\n  openBalance {\n    amount\n  }\n  pendingOrders {\n    amount\n  }\n  available {\n    amount\n  }\n  overdue {\n    amount\n  }\n  oldestOverdueDays\n  status\n  exceedancePolicy\n}"): typeof import('./graphql').MyDealerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyOrders($first: Int, $after: String, $filter: OrderFilter) {\n  orders(first: $first, after: $after, filter: $filter) {\n    totalCount\n    nodes {\n      id\n      number\n      status\n      placedAt\n      poNumber\n      total {\n        amount\n        currency\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').MyOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderPage($id: ID!) {\n  order(id: $id) {\n    id\n    number\n    status\n    placedAt\n    updatedAt\n    poNumber\n    warning\n    estimatedDecisionAt\n    total {\n      amount\n      currency\n    }\n    dealer {\n      id\n      name\n    }\n    lines {\n      id\n      sku\n      name\n      quantity\n      unitPrice {\n        amount\n        currency\n      }\n      lineTotal {\n        amount\n        currency\n      }\n    }\n    statusHistory {\n      status\n      at\n      comment\n    }\n    approvalState\n    approvalSteps {\n      position\n      level\n      role\n      rule\n      reason\n      status\n      decidedAt\n      comment\n      dueAt\n    }\n    rejection {\n      code\n      reason\n    }\n  }\n}"): typeof import('./graphql').OrderPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription OrderUpdated($orderId: ID) {\n  orderUpdated(orderId: $orderId) {\n    id\n    number\n    status\n    updatedAt\n    approvalState\n  }\n}"): typeof import('./graphql').OrderUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    order {\n      id\n      number\n      status\n      total {\n        amount\n      }\n    }\n    warning\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}"): typeof import('./graphql').PlaceOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductDetail($sku: String!) {\n  product(sku: $sku) {\n    sku\n    name\n    brand\n    stock {\n      status\n      available\n    }\n    price {\n      listPrice {\n        amount\n      }\n      unitPrice {\n        amount\n      }\n      appliedRules\n    }\n  }\n}"): typeof import('./graphql').ProductDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    accessToken\n    refreshToken\n    expiresIn\n    userErrors {\n      code\n      message\n    }\n  }\n}"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RejectOrder($orderId: ID!, $reason: String!) {\n  rejectOrder(orderId: $orderId, reason: $reason) {\n    order {\n      id\n      status\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}"): typeof import('./graphql').RejectOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($email: String!, $password: String!, $otp: String) {\n  login(email: $email, password: $password, otp: $otp) {\n    accessToken\n    refreshToken\n    expiresIn\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOut($refreshToken: String!) {\n  logout(refreshToken: $refreshToken) {\n    loggedOut\n    userErrors {\n      code\n      message\n    }\n  }\n}"): typeof import('./graphql').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UploadOrderLines($input: UploadOrderLinesInput!) {\n  uploadOrderLines(input: $input) {\n    rows {\n      row\n      sku\n      quantity\n      status\n      message\n      mergedIntoRow\n    }\n    cart {\n      lineCount\n      totalQuantity\n      total {\n        amount\n        currency\n      }\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}"): typeof import('./graphql').UploadOrderLinesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
