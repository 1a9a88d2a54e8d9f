/**
 * The demo data set, as plain rows. Every subgraph seeds only its own part; ids are
 * deterministic UUIDs so that the parts agree across subgraphs without reading each other's tables.
 * Money is integer minor units (cents); dates are JS Dates; percentages are basis points (1500 = 15 %).
 */
export type DealerTier = 'PLATINUM' | 'GOLD' | 'SILVER' | 'BRONZE';
export type ExceedancePolicy = 'HARD_BLOCK' | 'SOFT_WARNING' | 'ROUTE_TO_APPROVAL' | 'PARTIAL_ORDER' | 'PAYMENT_REQUIRED';
export type Role =
  | 'DEALER_ADMIN'
  | 'ORDER_ENTRY'
  | 'VIEW_ONLY'
  | 'SALES_REP'
  | 'REGIONAL_MANAGER'
  | 'SALES_DIRECTOR'
  | 'FINANCE'
  | 'GENERAL_MANAGER'
  | 'ADMIN';
export type OrderStatus = 'PENDING_APPROVAL' | 'APPROVED' | 'PROCESSING' | 'SHIPPED' | 'DELIVERED' | 'REJECTED' | 'CANCELLED';

export interface DemoDealer {
  id: string;
  code: string;
  name: string;
  tier: DealerTier;
  region: string;
  email: string;
  phone: string;
  city: string;
  createdAt: Date;
  /** The demo dealers' first orders are not treated as a new dealer's first orders. */
  firstOrdersReviewed: boolean;
  /** The SALES_REP who looks after the dealer (decides its level-1 approvals); null when none. */
  salesRepUserId: string | null;
}
export interface DemoUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  dealerId: string | null;
  /** For a SALES_REP or REGIONAL_MANAGER: the region they look after; null otherwise. */
  region: string | null;
  /** Every demo user's password is `demo-pass-2026`; the seeder hashes it with argon2. */
  password: string;
}
export interface DemoCategory {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
}
export interface DemoBrand {
  id: string;
  name: string;
}
export interface DemoProduct {
  id: string;
  sku: string;
  name: string;
  description: string;
  brandId: string;
  categoryId: string;
  unit: string;
  listPrice: number;
  currency: string;
  createdAt: Date;
  /** Hazardous goods (special handling; an approval rule may look at it). */
  hazardous?: boolean;
}
export type DemoSpecType = 'NUMBER' | 'TEXT' | 'BOOLEAN';
/** One technical specification: a NUMBER's value is a decimal string, a BOOLEAN's "true" or "false". */
export interface DemoSpec {
  name: string;
  type: DemoSpecType;
  value: string;
  unit: string | null;
}
export type DemoLinkKind = 'IMAGE' | 'DATASHEET' | 'MANUAL' | 'CERTIFICATE';
export interface DemoLink {
  kind: DemoLinkKind;
  url: string;
  title: string;
}
/** What the product page shows beyond the catalog row: specs, pictures and documents, pack size. */
export interface DemoProductDetails {
  productId: string;
  packSize: number;
  specs: DemoSpec[];
  links: DemoLink[];
}
export interface DemoWarehouse {
  id: string;
  code: string;
  name: string;
  city: string;
}
export interface DemoStockLevel {
  productId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  lowThreshold: number;
}
export interface DemoInTransit {
  id: string;
  productId: string;
  warehouseId: string;
  quantity: number;
  eta: Date;
}
export interface DemoTierRule {
  tier: DealerTier;
  discountBp: number;
}
export interface DemoVolumeBreak {
  minQuantity: number;
  maxQuantity: number | null;
  discountBp: number;
}
export interface DemoPromotion {
  id: string;
  name: string;
  productId: string;
  discountBp: number;
  validFrom: Date;
  validTo: Date;
}
export interface DemoSpecialPrice {
  id: string;
  dealerId: string;
  productId: string;
  unitPrice: number;
  validFrom: Date;
  validTo: Date | null;
}
export interface DemoDealerPricing {
  dealerId: string;
  tier: DealerTier;
}
export interface DemoCreditAccount {
  dealerId: string;
  limit: number;
  currency: string;
  exceedancePolicy: ExceedancePolicy;
  paymentTermsDays: number;
}
export interface DemoOrderLine {
  id: string;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}
export interface DemoStatusChange {
  status: OrderStatus;
  at: Date;
  byUserId: string | null;
  comment: string | null;
}
export interface DemoOrder {
  id: string;
  number: string;
  dealerId: string;
  placedByUserId: string | null;
  status: OrderStatus;
  currency: string;
  total: number;
  poNumber: string | null;
  placedAt: Date;
  updatedAt: Date;
  lines: DemoOrderLine[];
  history: DemoStatusChange[];
}
export interface DemoInvoice {
  id: string;
  number: string;
  dealerId: string;
  orderId: string | null;
  amount: number;
  paidAmount: number;
  currency: string;
  issuedAt: Date;
  dueAt: Date;
}
export interface DemoPayment {
  id: string;
  dealerId: string;
  invoiceId: string | null;
  amount: number;
  currency: string;
  receivedAt: Date;
  reference: string;
}
/** Approved, not yet invoiced orders: their value is held against the dealer's credit. */
export interface DemoCreditHold {
  id: string;
  dealerId: string;
  orderId: string;
  amount: number;
  createdAt: Date;
}

export interface DemoData {
  /** The day the history ends on (start of the seeding day, UTC). */
  anchor: Date;
  currency: string;
  dealers: DemoDealer[];
  users: DemoUser[];
  categories: DemoCategory[];
  brands: DemoBrand[];
  products: DemoProduct[];
  warehouses: DemoWarehouse[];
  /** One per product, in the products' order. */
  productDetails: DemoProductDetails[];
  /** Each dealer's preferred (closest) warehouse, by region. */
  preferredWarehouses: { dealerId: string; warehouseId: string }[];
  stock: DemoStockLevel[];
  inTransit: DemoInTransit[];
  tierRules: DemoTierRule[];
  volumeBreaks: DemoVolumeBreak[];
  promotions: DemoPromotion[];
  specialPrices: DemoSpecialPrice[];
  dealerPricing: DemoDealerPricing[];
  creditAccounts: DemoCreditAccount[];
  orders: DemoOrder[];
  invoices: DemoInvoice[];
  payments: DemoPayment[];
  creditHolds: DemoCreditHold[];
}
