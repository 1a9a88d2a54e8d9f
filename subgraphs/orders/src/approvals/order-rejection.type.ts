import { Money, toMoney } from '@dealergraph/runtime';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';

import type { Rejection } from './domain/order-rejection.js';

/** The GraphQL face of REJECTION_CODES in domain/order-rejection.ts (same names). */
export enum RejectionCodeEnum {
  CREDIT_RISK = 'CREDIT_RISK',
  PRICE_NOT_APPROVED = 'PRICE_NOT_APPROVED',
  BELOW_MINIMUM = 'BELOW_MINIMUM',
  STOCK = 'STOCK',
  OTHER = 'OTHER',
}
registerEnumType(RejectionCodeEnum, {
  name: 'RejectionCode',
  description: 'Why an approver rejected an order.',
  valuesConfig: {
    CREDIT_RISK: { description: "The dealer's credit situation does not carry the order." },
    PRICE_NOT_APPROVED: { description: 'A price or discount of the order is not approved.' },
    BELOW_MINIMUM: { description: "The order is below the dealer's minimum order amount." },
    STOCK: { description: 'The stock cannot serve the order as placed.' },
    OTHER: { description: 'Another reason, told in the text (the default of rejectOrder).' },
  },
});

/** The GraphQL face of ALTERNATIVE_KINDS in domain/order-rejection.ts (same names). */
export enum RejectionAlternativeKindEnum {
  SPLIT_ORDER = 'SPLIT_ORDER',
  PAY_DOWN = 'PAY_DOWN',
  CHOOSE_SUBSTITUTE = 'CHOOSE_SUBSTITUTE',
}
registerEnumType(RejectionAlternativeKindEnum, {
  name: 'RejectionAlternativeKind',
  description: 'What the dealer could do instead of the rejected order.',
  valuesConfig: {
    SPLIT_ORDER: { description: 'Place the order as several smaller ones.' },
    PAY_DOWN: { description: 'Pay the given amount of the open balance first, then order again.' },
    CHOOSE_SUBSTITUTE: { description: 'Order a substitute product instead.' },
  },
});

@InputType('RejectionAlternativeInput', { description: 'An alternative suggested with a rejection.' })
export class RejectionAlternativeInput {
  @Field(() => RejectionAlternativeKindEnum, { description: 'What to do instead.' })
  kind!: RejectionAlternativeKindEnum;

  @Field(() => String, {
    nullable: true,
    description: 'PAY_DOWN only (and required there): the amount to pay, a decimal string in the order currency, e.g. "1500.00".',
  })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'A note for the dealer, e.g. which substitute.' })
  note?: string | null;
}

@ObjectType('RejectionAlternative', { description: 'An alternative the approver suggested with a rejection.' })
export class RejectionAlternativeType {
  @Field(() => RejectionAlternativeKindEnum, { description: 'What to do instead.' })
  kind!: RejectionAlternativeKindEnum;

  @Field(() => Money, { nullable: true, description: 'For PAY_DOWN: the amount to pay first; null otherwise.' })
  amount!: Money | null;

  @Field(() => String, { nullable: true, description: 'The note for the dealer, if any.' })
  note!: string | null;
}

@ObjectType('OrderRejection', { description: 'Why an order was rejected, and what the dealer could do instead.' })
export class OrderRejectionType {
  @Field(() => RejectionCodeEnum, { description: 'The reason code.' })
  code!: RejectionCodeEnum;

  @Field({ description: "The approver's text for the dealer." })
  reason!: string;

  @Field(() => [RejectionAlternativeType], { description: 'Suggested alternatives, possibly none.' })
  alternatives!: RejectionAlternativeType[];
}

/** A stored rejection as the API shows it; amounts in the order's currency. */
export function toRejectionType(rejection: Rejection | null | undefined, currency: string): OrderRejectionType | null {
  if (!rejection) return null;
  return {
    code: rejection.code as RejectionCodeEnum,
    reason: rejection.reason,
    alternatives: rejection.alternatives.map((a) => ({
      kind: a.kind as RejectionAlternativeKindEnum,
      amount: a.amount === null ? null : toMoney(a.amount, currency),
      note: a.note,
    })),
  };
}
