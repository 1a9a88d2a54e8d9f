import { ConnectionType, Money, PageArgs, UserError } from '@dealergraph/runtime';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { DealerRef, ProductRef } from '../stubs.type.js';

/** The GraphQL face of SpecialPriceRequestStatus (same names). */
export enum SpecialPriceRequestStatusEnum {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(SpecialPriceRequestStatusEnum, {
  name: 'SpecialPriceRequestStatus',
  description: 'Where a special price request stands: PENDING -> APPROVED | REJECTED (both final).',
  valuesConfig: {
    PENDING: { description: 'Waits for an approver of its level or above.' },
    APPROVED: { description: "Granted: the special price applies to the dealer's next orders within its validity and granted quantity." },
    REJECTED: { description: 'An approver said no; the reason is in decisionComment.' },
  },
});

@ObjectType('SpecialPriceRequest', {
  description:
    "A dealer's request for a special price for a product and quantity, routed to an approval level like an order, and its decision.",
})
export class SpecialPriceRequestType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => DealerRef, { description: 'The dealer who asks.' })
  dealer!: DealerRef;

  @Field(() => ProductRef, { description: 'The product.' })
  product!: ProductRef;

  @Field({ description: 'The product number, as it was when asked.' })
  sku!: string;

  @Field({ description: 'The product name, as it was when asked.' })
  productName!: string;

  @Field(() => Int, { description: 'Units the dealer wants at the special price.' })
  quantity!: number;

  @Field({ description: 'Why the dealer asks.' })
  reason!: string;

  @Field(() => Money, { nullable: true, description: 'The unit price the dealer wants; null when it asked for an offer.' })
  wantedUnitPrice!: Money | null;

  @Field(() => Date, { nullable: true, description: 'The end of validity the dealer wants; null: the default (90 days from approval).' })
  wantedValidTo!: Date | null;

  @Field(() => Money, { description: "The product's list price when asked." })
  listPrice!: Money;

  @Field(() => Money, {
    description:
      "The dealer's price of one unit when asked: what the discount is measured against (a special price replaces the dealer's base price; volume breaks and promotions still apply on top of it).",
  })
  currentUnitPrice!: Money;

  @Field(() => Int, {
    description: 'The approval level that decides it (1 SALES_REP ... 5 GENERAL_MANAGER); approvers at this level or above may.',
  })
  requiredLevel!: number;

  @Field({ description: 'The role of that level, e.g. REGIONAL_MANAGER.' })
  requiredRole!: string;

  @Field({ description: 'Why that level (the discount against the current price, the money given away over the quantity).' })
  routingReason!: string;

  @Field(() => SpecialPriceRequestStatusEnum, { description: 'Where the request stands.' })
  status!: SpecialPriceRequestStatusEnum;

  @Field(() => Money, { nullable: true, description: "APPROVED: the unit price granted (the dealer's, or the approver's counter offer)." })
  grantedUnitPrice!: Money | null;

  @Field(() => Int, { nullable: true, description: "APPROVED: units granted at that price, over all the dealer's orders." })
  grantedQuantity!: number | null;

  @Field(() => Date, { nullable: true, description: 'APPROVED: the special price applies from this instant ...' })
  validFrom!: Date | null;

  @Field(() => Date, { nullable: true, description: '... until this one (excluded).' })
  validTo!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an approver decided it.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The approver's comment (APPROVED) or the reason of the rejection (REJECTED)." })
  decisionComment!: string | null;

  @Field(() => Date, { description: 'When the dealer asked.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'The last change.' })
  updatedAt!: Date;
}

@ObjectType('SpecialPriceRequestConnection', { description: 'A page of special price requests, newest first.' })
export class SpecialPriceRequestConnection extends ConnectionType(SpecialPriceRequestType, 'special price requests') {}

@ArgsType()
export class SpecialPriceRequestsArgs extends PageArgs {
  @Field(() => SpecialPriceRequestStatusEnum, { nullable: true, description: 'Only requests in this status.' })
  status?: SpecialPriceRequestStatusEnum | null;
}

@InputType('RequestSpecialPriceInput', { description: 'A special price to ask for.' })
export class RequestSpecialPriceInput {
  @Field({ description: "The product number (any case); the product must be in the dealer's assortment." })
  sku!: string;

  @Field(() => Int, { description: 'Units wanted at the special price: a whole number from 1 to 100,000.' })
  quantity!: number;

  @Field({ description: 'Why: a competing offer, a project, a tender ... (1-2,000 characters).' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The unit price wanted, e.g. "12.50", below the current price; omitted: ask for an offer.',
  })
  wantedUnitPrice?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when the price should hold (at most 366 days ahead); omitted: 90 days from approval.',
  })
  validTo?: Date | null;
}

@InputType('ApproveSpecialPriceRequestInput', { description: "An approval, with the dealer's terms or counter terms." })
export class ApproveSpecialPriceRequestInput {
  @Field(() => ID, { description: 'The request.' })
  requestId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A counter unit price, e.g. "13.00"; omitted: the price the dealer wanted (required when it asked for an offer).',
  })
  unitPrice?: string | null;

  @Field(() => Int, { nullable: true, description: 'The units granted; omitted: the quantity asked for.' })
  quantity?: number | null;

  @Field(() => Date, { nullable: true, description: "The end of validity; omitted: the dealer's, else 90 days." })
  validTo?: Date | null;

  @Field(() => String, { nullable: true, description: 'A note for the dealer.' })
  comment?: string | null;
}

@ObjectType('SpecialPriceRequestPayload', { description: 'A special price request after a change, or why nothing changed.' })
export class SpecialPriceRequestPayload {
  @Field(() => SpecialPriceRequestType, {
    nullable: true,
    description: 'The request as it is now; null when userErrors say why nothing changed.',
  })
  specialPriceRequest!: SpecialPriceRequestType | null;

  @Field(() => [UserError], {
    description:
      'Why nothing changed: FORBIDDEN, UNKNOWN_SKU, NOT_AUTHORIZED, INVALID_QUANTITY, INVALID_AMOUNT, INVALID_PRICE, INVALID_VALIDITY, INVALID_INPUT, DUPLICATE_REQUEST, NOT_FOUND, INVALID_TRANSITION.',
  })
  userErrors!: UserError[];
}
