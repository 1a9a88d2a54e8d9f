import type { ImportKind } from './import-kinds.js';

/** The data the ERP keeps in step with the portal, each with the seed's synchronization schedule. */
export const SYNC_KINDS = ['PRICES', 'INVENTORY', 'CREDIT', 'ORDERS', 'CUSTOMERS', 'PRODUCTS', 'INVOICES'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

export interface SyncSchedule {
  /** How the guide says it should flow, for people. */
  schedule: string;
  /** The most time that may pass without a successful sync before it counts as overdue. */
  expectedWithinSeconds: number;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * The schedule per kind (seed "Synchronization Strategies"), with a grace on top of each period so a
 * daily job that runs a few minutes late is not an alert. Credit is "real time": the ledger is kept
 * by the portal, and the ERP's invoices and payments should arrive within the hour. Orders are
 * "instant": their lag is the age of the oldest order event the ERP has not taken yet.
 */
export const SYNC_SCHEDULES: Readonly<Record<SyncKind, SyncSchedule>> = {
  PRICES: { schedule: 'daily or on change', expectedWithinSeconds: DAY + 2 * HOUR },
  INVENTORY: { schedule: 'hourly or real time', expectedWithinSeconds: HOUR + 15 * 60 },
  CREDIT: { schedule: 'real time', expectedWithinSeconds: HOUR },
  ORDERS: { schedule: 'instant', expectedWithinSeconds: 5 * 60 },
  CUSTOMERS: { schedule: 'daily', expectedWithinSeconds: DAY + 2 * HOUR },
  PRODUCTS: { schedule: 'daily or on change', expectedWithinSeconds: DAY + 2 * HOUR },
  INVOICES: { schedule: 'daily', expectedWithinSeconds: DAY + 2 * HOUR },
};

/** Which sync a successful import of a kind counts as. */
export const IMPORT_SYNC: Readonly<Record<ImportKind, SyncKind>> = {
  DEALERS: 'CUSTOMERS',
  PRODUCTS: 'PRODUCTS',
  PRICE_LIST: 'PRICES',
  TIER_RULES: 'PRICES',
  VOLUME_BREAKS: 'PRICES',
  PROMOTIONS: 'PRICES',
  SPECIAL_PRICES: 'PRICES',
  STOCK: 'INVENTORY',
  IN_TRANSIT: 'INVENTORY',
  CREDIT_ACCOUNTS: 'CREDIT',
  INVOICES: 'INVOICES',
  PAYMENTS: 'INVOICES',
  CATEGORIES: 'PRODUCTS',
  WAREHOUSES: 'INVENTORY',
  DEALER_ADDRESSES: 'CUSTOMERS',
  DEALER_CONTACTS: 'CUSTOMERS',
};

export type SyncState = 'OK' | 'OVERDUE' | 'NEVER';

/**
 * How far a kind lags and whether it is overdue. Inbound kinds lag from their last success (NEVER
 * before the first one: the seed or a manual setup may be all there is, and that is not an alert).
 * Orders flow out, so their lag is the age of the oldest event still waiting for the ERP, and
 * nothing waiting is OK whatever happened last.
 */
export function syncState({
  kind,
  lastSuccessAt,
  oldestWaitingAt,
  now,
}: {
  kind: SyncKind;
  lastSuccessAt: Date | null;
  oldestWaitingAt?: Date | null;
  now: Date;
}): { state: SyncState; lagSeconds: number | null } {
  const limit = SYNC_SCHEDULES[kind].expectedWithinSeconds;
  if (kind === 'ORDERS') {
    if (!oldestWaitingAt) return { state: 'OK', lagSeconds: 0 };
    const lagSeconds = Math.max(0, Math.floor((now.getTime() - oldestWaitingAt.getTime()) / 1000));
    return { state: lagSeconds > limit ? 'OVERDUE' : 'OK', lagSeconds };
  }
  if (!lastSuccessAt) return { state: 'NEVER', lagSeconds: null };
  const lagSeconds = Math.max(0, Math.floor((now.getTime() - lastSuccessAt.getTime()) / 1000));
  return { state: lagSeconds > limit ? 'OVERDUE' : 'OK', lagSeconds };
}
