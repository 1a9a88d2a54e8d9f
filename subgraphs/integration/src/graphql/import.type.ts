import { ConnectionType, UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { IMPORT_JOB_STATUSES, IMPORT_KINDS } from '../domain/import-kinds.js';

export const ImportKindEnum = Object.fromEntries(IMPORT_KINDS.map((k) => [k, k])) as { [K in (typeof IMPORT_KINDS)[number]]: K };
registerEnumType(ImportKindEnum, {
  name: 'ImportKind',
  description: 'What a file to import holds (formats: docs/IMPORTS.md).',
  valuesConfig: {
    DEALERS: { description: 'Dealers by code: name, tier, type, region, city, email, phone, contract type, active.' },
    PRODUCTS: {
      description: 'Products by SKU: name, brand, category, unit, pack size, handling class, flags, specs, images, substitutes.',
    },
    PRICE_LIST: { description: 'List prices by SKU: sku, list_price, currency (docs/IMPORTS.md).' },
    TIER_RULES: { description: "Each tier's discount off the list price: tier, discount_percent." },
    VOLUME_BREAKS: { description: 'The default volume breaks, the whole table: min_quantity, max_quantity, discount_percent.' },
    PROMOTIONS: { description: 'Promotions by campaign code and SKU: name, discount_percent, valid_from, valid_to.' },
    SPECIAL_PRICES: {
      description: "Special price agreements by the ERP's reference: dealer_code, sku, unit_price, currency, valid_from, valid_to.",
    },
    STOCK: { description: 'Units on hand (and low thresholds) per SKU and warehouse code.' },
    IN_TRANSIT: { description: "Inbound shipments by the ERP's reference: SKU, warehouse, quantity (0 removes), ETA." },
    CREDIT_ACCOUNTS: { description: 'Credit accounts by dealer code: limit, currency, payment terms, exceedance policy.' },
    INVOICES: {
      description:
        "The ERP's invoices by number: dealer_code, order_ref (SO- number, the ERP's order number or id; optional), amount, currency, issue_date, due_date. Recorded invoices do not change.",
    },
    PAYMENTS: {
      description: 'Payments to invoices: invoice_number, amount, date, reference (the key; else invoice, day and amount), currency.',
    },
    CATEGORIES: { description: 'The catalog tree by slug: slug, name, parent (a slug; empty: a root).' },
    WAREHOUSES: { description: 'Warehouses by code: code, name, city.' },
    DEALER_ADDRESSES: {
      description:
        "Dealers' billing and ship-to addresses by dealer_code and code: kind, name, street, postal_code, city, region, country, default, active.",
    },
    DEALER_CONTACTS: { description: "Dealers' contacts by dealer_code and email: name, role, phone, active." },
  },
});

export const ImportJobStatusEnum = Object.fromEntries(IMPORT_JOB_STATUSES.map((s) => [s, s])) as {
  [S in (typeof IMPORT_JOB_STATUSES)[number]]: S;
};
registerEnumType(ImportJobStatusEnum, {
  name: 'ImportJobStatus',
  description: 'Where an import job is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'A worker is checking or writing its rows; see progress.' },
    SUCCEEDED: { description: 'Done as asked (a dry run: checked); see counts and rows.' },
    FAILED: { description: 'Nothing was written: see message (its code first) and rows.' },
  },
});

@InputType({ description: 'A file to import: CSV, XLSX or XML, told apart by its name and checked against its content.' })
export class StartImportInput {
  @Field(() => ImportKindEnum, { description: 'What the file holds.' })
  kind!: keyof typeof ImportKindEnum;

  @Field({ description: 'The file name, ending .csv, .xlsx or .xml.' })
  filename!: string;

  @Field({ description: 'The file bytes, base64-encoded (at most 16 MB decoded).' })
  contentBase64!: string;

  @Field({ defaultValue: false, description: 'Check every row and say what would change; write nothing.' })
  dryRun!: boolean;

  @Field({
    defaultValue: false,
    description: 'Write the valid rows even when others have errors (default: nothing unless every row is valid).',
  })
  validRowsOnly!: boolean;
}

@ObjectType({ description: 'What an import changed (or, in a dry run, would change).' })
export class ImportCountsType {
  @Field(() => Int, { description: 'Rows that created a record.' })
  created!: number;

  @Field(() => Int, { description: 'Rows that changed a record.' })
  updated!: number;

  @Field(() => Int, { description: 'Rows equal to what was there: importing the same file again gives only these.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Rows with an error (see rows).' })
  failed!: number;
}

@ObjectType({ description: "The report on one row of an import's file." })
export class ImportRowType {
  @Field(() => Int, { description: 'The row number as a spreadsheet shows it (the header is row 1).' })
  row!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The key the row names (a SKU, a dealer code, "SKU@WAREHOUSE", a shipment reference); null when it has none.',
  })
  key!: string | null;

  @Field({
    description:
      'CREATED, UPDATED or UNCHANGED; OK for a valid row of a file that was not imported; otherwise the code of what is wrong, per kind in docs/IMPORTS.md (e.g. UNKNOWN_SKU, UNKNOWN_CATEGORY, DUPLICATE_KEY, INVALID_AMOUNT, REQUIRED).',
  })
  status!: string;

  @Field(() => String, { nullable: true, description: 'What is wrong and how to fix it; null for a row that went in.' })
  message!: string | null;
}

@ObjectType({ description: 'A page of row reports.' })
export class ImportRowConnection extends ConnectionType(ImportRowType, 'row reports') {}

@ObjectType('ImportJob', { description: 'A file being imported, or imported: its progress, counts and a report per row.' })
export class ImportJobType {
  @Field(() => ID, { description: 'The job id.' })
  id!: string;

  @Field(() => ImportKindEnum, { description: 'What the file holds.' })
  kind!: keyof typeof ImportKindEnum;

  @Field(() => ImportJobStatusEnum, { description: 'Where the job is.' })
  status!: keyof typeof ImportJobStatusEnum;

  @Field(() => Int, { description: 'Percent done, 0-100.' })
  progress!: number;

  @Field({ description: 'True for a dry run: nothing was written.' })
  dryRun!: boolean;

  @Field({ description: 'True when valid rows are written although others have errors.' })
  validRowsOnly!: boolean;

  @Field({ description: 'The file name.' })
  filename!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What was done, or why the whole file failed (with its code first); null while it runs.',
  })
  message!: string | null;

  @Field(() => ImportCountsType, { description: 'What it changed (or would change).' })
  counts!: ImportCountsType;

  @Field({ description: 'When it was started.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it ended; null until then.' })
  finishedAt!: Date | null;
}

@ObjectType({ description: 'The result of startImport.' })
export class StartImportPayload {
  @Field(() => ImportJobType, { nullable: true, description: 'The queued job; follow it with importJob(id). Null when refused.' })
  job!: ImportJobType | null;

  @Field(() => [UserError], {
    description: 'Why the file was refused before any row was read: FILE_TOO_LARGE, UNSUPPORTED_FILE, MALFORMED_FILE, EMPTY_FILE.',
  })
  userErrors!: UserError[];
}
