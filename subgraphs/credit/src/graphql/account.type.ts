import { ConnectionType, Money } from '@dealergraph/runtime';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

import { AccountActionEnum, StatementEntryKindEnum } from './account-enums.js';
import { CreditAccountType } from './credit.type.js';
import { ExceedancePolicyEnum } from './enums.js';

@ObjectType('AccountSummary', { description: "The account page's figures beyond the balance, and what to do about the account." })
export class AccountSummaryType {
  @Field(() => Float, {
    nullable: true,
    description: 'Exposure (open balance + pending orders) as a percentage of the limit, two decimals; null when the limit is 0.',
  })
  utilisationPercent!: number | null;

  @Field(() => Money, { description: 'Least payment that takes a BLOCKED account out of BLOCKED; 0 otherwise.' })
  amountToUnblock!: Money;

  @Field(() => Money, { description: 'Least payment that takes the status back to OK.' })
  amountToClearStatus!: Money;

  @Field(() => Money, { description: 'Least payment that brings exposure back within the limit.' })
  amountToGetUnderLimit!: Money;

  @Field(() => AccountActionEnum, { description: 'The most pressing thing to do.' })
  action!: AccountActionEnum;

  @Field(() => Money, { description: 'What the action asks to pay; 0 when nothing is needed.' })
  actionAmount!: Money;

  @Field({ description: 'The action in words, for people.' })
  advice!: string;
}

@ObjectType('DueBucket', { description: 'What falls due in one day or week.' })
export class DueBucketType {
  @Field(() => Date, { description: 'First day of the bucket, midnight UTC (a Monday for weeks).' })
  start!: Date;

  @Field(() => Money, { description: 'Left to pay on the invoices due in the bucket.' })
  amount!: Money;

  @Field(() => Int, { description: 'How many invoices fall due in the bucket.' })
  invoiceCount!: number;
}

@ObjectType('DueCalendar', { description: 'Upcoming amounts by due date; what is already past due is summed apart.' })
export class DueCalendarType {
  @Field(() => Money, { description: 'Left to pay on invoices already past due.' })
  overdue!: Money;

  @Field(() => Int, { description: 'How many invoices are past due.' })
  overdueInvoiceCount!: number;

  @Field(() => [DueBucketType], { description: 'Days or weeks from today on that have something due, in order.' })
  upcoming!: DueBucketType[];
}

@ObjectType('StatementLine', { description: 'One movement of the balance, with the balance after it.' })
export class StatementLineType {
  @Field(() => StatementEntryKindEnum, { description: 'Invoice, payment or adjustment.' })
  kind!: StatementEntryKindEnum;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field({ description: 'Invoice number, payment reference or adjustment reference.' })
  reference!: string;

  @Field({ description: 'What it is, for people.' })
  description!: string;

  @Field(() => Money, { description: 'Signed: positive raises the balance, negative lowers it.' })
  amount!: Money;

  @Field(() => Money, { description: 'The balance after this line.' })
  balance!: Money;
}

@ObjectType('Statement', { description: 'An account statement for a period [from, to).' })
export class StatementType {
  /** Not a field: the owner, for the download links. */
  dealerId!: string;

  @Field(() => Date, { description: 'Start of the period, included.' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period, excluded.' })
  to!: Date;

  @Field(() => Money, { description: 'Balance at the start of the period.' })
  openingBalance!: Money;

  @Field(() => [StatementLineType], { description: 'Every invoice, payment and adjustment of the period, in time order.' })
  lines!: StatementLineType[];

  @Field(() => Money, { description: 'Sum of the invoices of the period.' })
  totalInvoiced!: Money;

  @Field(() => Money, { description: 'Sum of the payments of the period.' })
  totalPaid!: Money;

  @Field(() => Money, { description: 'Sum of the adjustments of the period (signed).' })
  totalAdjusted!: Money;

  @Field(() => Money, { description: 'Balance at the end: opening + invoiced - paid + adjusted.' })
  closingBalance!: Money;
}

@ObjectType('CreditLimitChange', { description: "One change of a dealer's limit or exceedance policy: who, when, old, new and why." })
export class CreditLimitChangeType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => ID, { description: 'The user who made the change.' })
  changedBy!: string;

  @Field({ description: "That user's email at the time." })
  changedByEmail!: string;

  @Field(() => Date, { description: 'When.' })
  changedAt!: Date;

  @Field(() => Money, { description: 'The limit before.' })
  oldLimit!: Money;

  @Field(() => Money, { description: 'The limit after.' })
  newLimit!: Money;

  @Field(() => ExceedancePolicyEnum, { description: 'The policy before.' })
  oldPolicy!: ExceedancePolicyEnum;

  @Field(() => ExceedancePolicyEnum, { description: 'The policy after.' })
  newPolicy!: ExceedancePolicyEnum;

  @Field({ description: 'Why, as given by the person who changed it.' })
  reason!: string;
}

@ObjectType({ description: 'A page of credit accounts, riskiest first.' })
export class CreditAccountConnection extends ConnectionType(CreditAccountType, 'credit accounts') {}
