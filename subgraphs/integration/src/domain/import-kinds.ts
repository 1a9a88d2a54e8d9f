/** The kinds of file the contract names; every one imports (docs/IMPORTS.md). */
export const IMPORT_KINDS = [
  'DEALERS',
  'PRODUCTS',
  'PRICE_LIST',
  'TIER_RULES',
  'VOLUME_BREAKS',
  'PROMOTIONS',
  'SPECIAL_PRICES',
  'STOCK',
  'IN_TRANSIT',
  'CREDIT_ACCOUNTS',
  'INVOICES',
  'PAYMENTS',
  'CATEGORIES',
  'WAREHOUSES',
  'DEALER_ADDRESSES',
  'DEALER_CONTACTS',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_JOB_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** Largest file accepted, decoded (a 100,000-row price list is about 4 MB as CSV). */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
/** Most data rows in one file. */
export const MAX_IMPORT_ROWS = 200_000;
