import { Money, UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { ProductRef } from '../stubs.type.js';

/** How a requested line was taken (same names as domain/cart-lines.ts LineStatus). */
export enum LineStatusEnum {
  OK = 'OK',
  UNKNOWN_SKU = 'UNKNOWN_SKU',
  NOT_AUTHORIZED = 'NOT_AUTHORIZED',
  INVALID_QUANTITY = 'INVALID_QUANTITY',
  OUT_OF_STOCK = 'OUT_OF_STOCK',
  DUPLICATE = 'DUPLICATE',
}
registerEnumType(LineStatusEnum, {
  name: 'OrderLineStatus',
  description: 'What became of one uploaded or typed line.',
  valuesConfig: {
    OK: { description: 'Added to the cart.' },
    UNKNOWN_SKU: { description: 'No product with this SKU is sold (or the SKU is blank). Not added.' },
    NOT_AUTHORIZED: { description: "The product is outside the dealer's assortment or has no price for it. Not added." },
    INVALID_QUANTITY: {
      description: 'The quantity is not a whole number from 1 to 100,000 (also counting what the cart holds). Not added.',
    },
    OUT_OF_STOCK: { description: 'No stock in any warehouse; see substitutes. Not added.' },
    DUPLICATE: { description: 'The SKU appeared on an earlier line: the quantity was added to that line.' },
  },
});

/** What credit would decide for an order of the cart total now. */
export enum CreditPreviewOutcomeEnum {
  ACCEPT = 'ACCEPT',
  APPROVAL = 'APPROVAL',
  REFUSE = 'REFUSE',
  PARTIAL = 'PARTIAL',
  PAYMENT_REQUIRED = 'PAYMENT_REQUIRED',
}
registerEnumType(CreditPreviewOutcomeEnum, {
  name: 'CreditPreviewOutcome',
  description: 'What credit would say about ordering the cart now.',
  valuesConfig: {
    ACCEPT: { description: 'Within available credit (see warning for an accepted exceedance).' },
    APPROVAL: {
      description:
        'The order would wait for an approver of approvalLevel (ROUTE_TO_APPROVAL, or SOFT_WARNING with its warning, beyond the limit; a RESTRICTED account).',
    },
    REFUSE: { description: 'The order would be refused (code says why).' },
    PARTIAL: {
      description:
        'PARTIAL_ORDER: only the whole lines in partialSkus (taken in cart order) fit the available credit: placing the cart places them and leaves the others in the cart.',
    },
    PAYMENT_REQUIRED: {
      description: 'PAYMENT_REQUIRED: the order would be placed AWAITING_PAYMENT, with stock reserved, and go on once amountToPay is paid.',
    },
  },
});

@ObjectType('CartVolumeBreak', { description: "A volume break on the dealer's price: from this line quantity on, this percentage off." })
export class CartVolumeBreakType {
  @Field(() => Int, { description: 'The line quantity the break starts at.' })
  minQuantity!: number;

  @Field({ description: 'Percent off, a decimal string such as "5.00".' })
  percent!: string;

  @Field(() => Int, { nullable: true, description: 'For the next break: how many more units reach it; null for the break reached.' })
  quantityMore!: number | null;
}

@ObjectType('CartLine', { description: "One product in a dealer user's cart, priced now for the cart's quantity." })
export class CartLineType {
  @Field(() => ID, { description: 'Id of the cart line.' })
  id!: string;

  @Field({ description: 'The SKU as the catalog spells it.' })
  sku!: string;

  @Field(() => String, { nullable: true, description: 'Product name; null when the product is no longer sold.' })
  name!: string | null;

  @Field(() => Int, { description: 'Units of the product in the cart.' })
  quantity!: number;

  @Field(() => ProductRef, { description: 'The product, for anything else about it (stock per warehouse, price at other quantities).' })
  product!: ProductRef;

  @Field({ description: 'False when the line cannot be ordered (no longer sold, outside the assortment, no price): see problem.' })
  orderable!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the line cannot be ordered; null when it can.' })
  problem!: string | null;

  @Field(() => Money, {
    nullable: true,
    description: 'Price of one unit now at this quantity: exactly Product.price(quantity).unitPrice. Null when not orderable.',
  })
  unitPrice!: Money | null;

  @Field(() => Money, { nullable: true, description: 'unitPrice x quantity. Null when not orderable.' })
  lineTotal!: Money | null;

  @Field(() => Money, { nullable: true, description: 'List price of one unit. Null when not orderable.' })
  listPrice!: Money | null;

  @Field(() => String, {
    nullable: true,
    description: 'Discount off the list price, percent with two fraction digits. Null when not orderable.',
  })
  discountPercent!: string | null;

  @Field(() => [String], { description: 'Pricing rules applied, in order (TIER, SPECIAL_PRICE, VOLUME_BREAK, PROMOTION).' })
  appliedRules!: string[];

  @Field(() => CartVolumeBreakType, { nullable: true, description: 'The volume break this quantity reached; null when none.' })
  volumeBreak!: CartVolumeBreakType | null;

  @Field(() => CartVolumeBreakType, {
    nullable: true,
    description: 'The next volume break and how many more units reach it; null when there is none.',
  })
  nextVolumeBreak!: CartVolumeBreakType | null;

  @Field(() => String, {
    nullable: true,
    description: 'For people: e.g. "3 more for 5 % off"; null when the product has no volume breaks.',
  })
  volumeBreakHint!: string | null;

  @Field(() => String, { nullable: true, description: 'Stock status now: IN_STOCK, LOW or OUT; null when the product is no longer sold.' })
  stockStatus!: string | null;

  @Field(() => Int, { nullable: true, description: 'Units available now over all warehouses; null when the product is no longer sold.' })
  available!: number | null;

  @Field({ description: 'True when the unit price now differs from the price when the line was added or its quantity last set.' })
  priceChanged!: boolean;

  @Field(() => Money, { description: 'Unit price when the line was added or its quantity last set.' })
  priceWhenAdded!: Money;

  @Field({ description: 'When the product was first put in the cart.' })
  addedAt!: Date;
}

@ObjectType('CartCreditPreview', {
  description: 'What credit would decide for an order of the cart total right now. A preview: nothing is held.',
})
export class CartCreditPreviewType {
  @Field(() => CreditPreviewOutcomeEnum, { description: 'The outcome.' })
  outcome!: CreditPreviewOutcomeEnum;

  @Field(() => String, { nullable: true, description: 'For REFUSE: CREDIT_LIMIT_EXCEEDED or CREDIT_BLOCKED_OVERDUE.' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Why, and what the dealer can do.' })
  reason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A warning the order would carry (SOFT_WARNING beyond the limit: it waits for approval).',
  })
  warning!: string | null;

  @Field(() => Money, { description: 'Credit available now.' })
  available!: Money;

  @Field(() => Money, { description: 'How much of the cart total is over the available credit.' })
  shortfall!: Money;

  @Field(() => Money, { description: 'What the dealer would pay to make the order fit; 0.00 when nothing.' })
  amountToPay!: Money;

  @Field(() => Int, { nullable: true, description: 'For APPROVAL: the approval level that would decide (4 = FINANCE).' })
  approvalLevel!: number | null;

  @Field(() => [String], {
    description:
      'For PARTIAL: the SKUs of the whole lines that fit and would be placed, in cart order; the others would stay in the cart. Empty otherwise.',
  })
  partialSkus!: string[];

  @Field(() => Money, { description: 'For PARTIAL: what the lines in partialSkus total; 0.00 otherwise.' })
  partialAmount!: Money;
}

@ObjectType('Cart', { description: "A dealer user's cart, priced now. Staff have no cart." })
export class CartType {
  @Field(() => [CartLineType], { description: 'The lines, oldest first.' })
  lines!: CartLineType[];

  @Field(() => Int, { description: 'How many lines (products).' })
  lineCount!: number;

  @Field(() => Int, { description: 'Units over the orderable lines.' })
  totalQuantity!: number;

  @Field(() => Money, { description: 'Sum of the orderable lines: what an order of the cart would total now.' })
  total!: Money;

  /** Cents and dealer, for the credit preview. */
  totalMinor!: number;
  dealerId!: string;
  /** The orderable lines' SKUs and totals (cents) in cart order, for the credit preview's PARTIAL_ORDER split. */
  orderableTotals!: { sku: string; lineTotal: number }[];
}

@InputType('CartLineInput', { description: 'A product by SKU and a quantity.' })
export class CartLineInput {
  @Field({ description: 'The SKU (any case).' })
  sku!: string;

  @Field(() => Int, { description: 'Units to add: a whole number from 1 to 100,000.' })
  quantity!: number;
}

@ObjectType('CartPayload', { description: 'The cart after a change.' })
export class CartPayload {
  @Field(() => CartType, { nullable: true, description: 'The cart after the change; null when the caller has no cart (staff).' })
  cart!: CartType | null;

  @Field(() => [UserError], { description: 'Lines or requests that were refused; the rest was done.' })
  userErrors!: UserError[];
}

@InputType('UploadOrderLinesInput', { description: 'A CSV or XLSX file of order lines.' })
export class UploadOrderLinesInput {
  @Field({ description: 'The file name; it must end in .csv or .xlsx, and the content must match.' })
  filename!: string;

  @Field({ description: 'The file bytes, base64-encoded; at most 1 MB decoded.' })
  contentBase64!: string;

  @Field({ defaultValue: false, description: 'True: add nothing unless every row can be ordered.' })
  allOrNothing!: boolean;
}

@ObjectType('UploadSubstitute', { description: 'A product that can stand in for one that is out of stock.' })
export class UploadSubstituteType {
  @Field(() => ID, { description: 'The product id.' })
  id!: string;

  @Field({ description: 'Its SKU.' })
  sku!: string;

  @Field({ description: 'Its name.' })
  name!: string;

  @Field({ description: 'Stock status now: IN_STOCK, LOW or OUT.' })
  stockStatus!: string;

  @Field(() => Int, { description: 'Units available now.' })
  available!: number;
}

@ObjectType('UploadedOrderLine', { description: 'What became of one row of an uploaded file.' })
export class UploadedOrderLineType {
  @Field(() => Int, { description: 'Row number as the spreadsheet shows it: the header is row 1.' })
  row!: number;

  @Field({ description: 'The SKU as written in the row.' })
  sku!: string;

  @Field(() => Int, { nullable: true, description: 'The quantity; null when the cell held no whole number that fits an Int.' })
  quantity!: number | null;

  @Field(() => LineStatusEnum, { description: 'What became of the row.' })
  status!: LineStatusEnum;

  @Field({ description: 'For people: what happened and what to do.' })
  message!: string;

  @Field(() => Int, { nullable: true, description: 'For DUPLICATE: the row its quantity was added to.' })
  mergedIntoRow!: number | null;

  @Field(() => [UploadSubstituteType], { description: 'For OUT_OF_STOCK: products in stock that can stand in; empty otherwise.' })
  substitutes!: UploadSubstituteType[];
}

@ObjectType('UploadOrderLinesPayload', { description: 'The report of an upload and the cart after it.' })
export class UploadOrderLinesPayload {
  @Field(() => [UploadedOrderLineType], {
    description: 'One entry per non-blank data row, in file order; empty when the file could not be read.',
  })
  rows!: UploadedOrderLineType[];

  @Field(() => CartType, { nullable: true, description: 'The cart after the upload; null when the caller has no cart (staff).' })
  cart!: CartType | null;

  @Field(() => [UserError], {
    description:
      'Why the file was refused (FILE_TOO_LARGE, UNSUPPORTED_FILE, MALFORMED_FILE, EMPTY_FILE, MISSING_COLUMNS, NOT_ALL_VALID, FORBIDDEN); nothing changed then.',
  })
  userErrors!: UserError[];
}
