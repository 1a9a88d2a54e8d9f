import { UserError } from '@dealergraph/runtime';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { CreditAccountType } from './credit.type.js';
import { ExceedancePolicyEnum } from './enums.js';

export enum CreditUpsertStatusEnum {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(CreditUpsertStatusEnum, {
  name: 'UpsertStatus',
  description: 'What an idempotent upsert did.',
  valuesConfig: {
    CREATED: { description: 'No record had this key: it was created.' },
    UPDATED: { description: 'The record existed and at least one field changed.' },
    UNCHANGED: { description: 'The record already had these values: nothing was written.' },
  },
});

@InputType({
  description: "A dealer's credit account from the distributor's ERP; the dealer code is the key. Every field is set as given.",
})
export class UpsertCreditAccountInput {
  @Field({ description: 'The dealer, by its code (any case), e.g. "D0001".' })
  dealerCode!: string;

  @Field({ description: 'The credit limit, a decimal amount, zero or more, e.g. "50000.00".' })
  creditLimit!: string;

  @Field({ description: 'ISO 4217 currency; an existing account keeps the currency it was opened in.' })
  currency!: string;

  @Field(() => Int, { description: 'Payment terms in days, 0 to 365.' })
  paymentTermsDays!: number;

  @Field(() => ExceedancePolicyEnum, { description: 'What happens to an order beyond the available credit.' })
  exceedancePolicy!: ExceedancePolicyEnum;

  @Field(() => String, { nullable: true, description: "Why, for the limit's audit trail; default: the ERP's master data." })
  reason?: string | null;
}

@ObjectType({ description: 'The result of upsertCreditAccount.' })
export class UpsertCreditAccountPayload {
  @Field(() => CreditAccountType, { nullable: true, description: 'The account as stored; null when refused.' })
  account!: CreditAccountType | null;

  @Field(() => CreditUpsertStatusEnum, { nullable: true, description: 'What the upsert did; null when refused.' })
  status!: CreditUpsertStatusEnum | null;

  @Field(() => [UserError], {
    description:
      'Why it was refused: UNKNOWN_DEALER, INVALID_AMOUNT, ABSURD_LIMIT, INVALID_CURRENCY, CURRENCY_MISMATCH, INVALID_TERMS, INVALID_POLICY.',
  })
  userErrors!: UserError[];
}
