import { Money, UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { CreditLimitChangeType } from './account.type.js';
import { CreditAccountType, InvoiceType, PaymentType } from './credit.type.js';
import { ExceedancePolicyEnum } from './enums.js';

@ObjectType('InvoiceLine', { description: "One line of an invoice, at the order's snapshot prices." })
export class InvoiceLineType {
  @Field(() => Int, { description: 'Line number, from 1.' })
  lineNo!: number;

  @Field({ description: 'The product SKU as invoiced.' })
  sku!: string;

  @Field({ description: 'The product name as invoiced.' })
  name!: string;

  @Field(() => Int, { description: 'Quantity invoiced.' })
  quantity!: number;

  @Field(() => Money, { description: 'Unit price as invoiced.' })
  unitPrice!: Money;

  @Field(() => Money, { description: 'Line total as invoiced.' })
  lineTotal!: Money;
}

@InputType('InvoiceLineInput', { description: 'One line of an invoice recorded from the ERP.' })
export class InvoiceLineInput {
  @Field({ description: 'Product SKU.' })
  sku!: string;

  @Field({ description: 'Product name.' })
  name!: string;

  @Field(() => Int, { description: 'Quantity, above zero.' })
  quantity!: number;

  @Field({ description: 'Unit price, decimal string.' })
  unitPrice!: string;

  @Field({ description: 'Line total, decimal string.' })
  lineTotal!: string;
}

@InputType('RecordInvoiceInput', { description: 'An invoice from the ERP.' })
export class RecordInvoiceInput {
  @Field({ description: "The ERP's unique reference of this row; a retry with the same one changes nothing." })
  externalReference!: string;

  @Field(() => ID, { description: 'The dealer invoiced.' })
  dealerId!: string;

  @Field({ description: 'Invoice number, unique.' })
  number!: string;

  @Field(() => ID, { nullable: true, description: "The order it bills; that order's credit hold turns into open balance." })
  orderId?: string | null;

  @Field({ description: 'Invoiced amount, decimal string above zero.' })
  amount!: string;

  @Field(() => String, { nullable: true, description: "ISO 4217 currency; must be the account's. Defaults to it." })
  currency?: string | null;

  @Field(() => Date, { description: 'When it was issued.' })
  issuedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When payment is due; defaults to issuedAt plus the dealer's payment terms." })
  dueAt?: Date | null;

  @Field(() => [InvoiceLineInput], { nullable: true, description: 'The lines; when given, their totals must add up to the amount.' })
  lines?: InvoiceLineInput[] | null;
}

@InputType('RecordPaymentInput', { description: 'A payment from the ERP.' })
export class RecordPaymentInput {
  @Field({ description: "The ERP's unique reference of this row; a retry with the same one changes nothing." })
  externalReference!: string;

  @Field(() => ID, { description: 'The dealer who paid.' })
  dealerId!: string;

  @Field({ description: 'Amount received, decimal string above zero.' })
  amount!: string;

  @Field(() => Date, { description: 'When it was received.' })
  receivedAt!: Date;

  @Field(() => String, { nullable: true, description: "The bank's reference; the external reference when omitted." })
  reference?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Apply to this invoice only (the amount must not exceed what is left on it); otherwise oldest due first, the rest on account.',
  })
  invoiceNumber?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The order this payment pays up front: a PAYMENT_REQUIRED order in AWAITING_PAYMENT (its id). The payment stays on account (no invoice takes it) and the order proceeds once what it waits for is paid; UNKNOWN_ORDER when the dealer has no such order waiting. Not with invoiceNumber.',
  })
  orderId?: string | null;
}

@InputType('RecordBalanceAdjustmentInput', { description: 'A balance adjustment from the ERP: a credit note or a debit.' })
export class RecordBalanceAdjustmentInput {
  @Field({ description: "The ERP's unique reference of this row; a retry with the same one changes nothing." })
  externalReference!: string;

  @Field(() => ID, { description: 'The dealer whose balance changes.' })
  dealerId!: string;

  @Field({ description: 'Signed decimal string: positive debits the dealer, negative credits it; not zero.' })
  amount!: string;

  @Field({ description: 'Why, for the statement.' })
  reason!: string;

  @Field(() => Date, { nullable: true, description: 'When it takes effect; now when omitted.' })
  recordedAt?: Date | null;
}

@ObjectType('BalanceAdjustment', { description: "A correction of a dealer's balance." })
export class BalanceAdjustmentType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => Money, { description: 'Signed: positive raised the balance, negative lowered it.' })
  amount!: Money;

  @Field({ description: 'Why.' })
  reason!: string;

  @Field(() => Date, { description: 'When it took effect.' })
  recordedAt!: Date;

  @Field({ description: "The ERP's reference." })
  externalReference!: string;
}

/** What every ERP ledger input answers besides the row it recorded; unnamed, so it is no type of its own. */
@ObjectType()
abstract class LedgerInputPayload {
  @Field({ description: 'True when the reference was recorded before and nothing changed.' })
  duplicate!: boolean;

  @Field(() => CreditAccountType, { nullable: true, description: 'The account after the call.' })
  account!: CreditAccountType | null;

  @Field(() => [UserError], { description: 'Why the row was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('RecordInvoicePayload', { description: 'The result of recordInvoice.' })
export class RecordInvoicePayload extends LedgerInputPayload {
  @Field(() => InvoiceType, { nullable: true, description: 'The invoice recorded (now or by an earlier call with the same reference).' })
  invoice!: InvoiceType | null;
}

@ObjectType('RecordPaymentPayload', { description: 'The result of recordPayment.' })
export class RecordPaymentPayload extends LedgerInputPayload {
  @Field(() => PaymentType, { nullable: true, description: 'The payment recorded (now or by an earlier call with the same reference).' })
  payment!: PaymentType | null;
}

@ObjectType('RecordBalanceAdjustmentPayload', { description: 'The result of recordBalanceAdjustment.' })
export class RecordBalanceAdjustmentPayload extends LedgerInputPayload {
  @Field(() => BalanceAdjustmentType, {
    nullable: true,
    description: 'The adjustment recorded (now or by an earlier call with the same reference).',
  })
  adjustment!: BalanceAdjustmentType | null;
}

@InputType('SetCreditLimitInput', {
  description: 'A new credit limit (and optionally policy) for a dealer, with the reason for the audit trail.',
})
export class SetCreditLimitInput {
  @Field(() => ID, { description: 'The dealer.' })
  dealerId!: string;

  @Field({ description: 'The new limit, decimal string, zero or more.' })
  limit!: string;

  @Field(() => ExceedancePolicyEnum, { nullable: true, description: 'The new exceedance policy; unchanged when omitted.' })
  exceedancePolicy?: ExceedancePolicyEnum | null;

  @Field(() => String, {
    nullable: true,
    description: 'The new hard limit, a decimal string at or above the limit; "" removes it; unchanged when omitted.',
  })
  hardLimit?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Block ordering on account when the oldest overdue invoice is more than this many days past due (0-365); -1 removes it (the default thresholds apply); unchanged when omitted.',
  })
  overdueBlockAfterDays?: number | null;

  @Field({ description: 'Why; kept in the audit trail.' })
  reason!: string;
}

@ObjectType('SetCreditLimitPayload', { description: 'The result of setCreditLimit.' })
export class SetCreditLimitPayload {
  @Field(() => CreditAccountType, { nullable: true, description: 'The account after the change.' })
  account!: CreditAccountType | null;

  @Field(() => CreditLimitChangeType, { nullable: true, description: 'The audit entry written.' })
  change!: CreditLimitChangeType | null;

  @Field(() => [UserError], { description: 'Why the change was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('DocumentFile', { description: 'Internal: a rendered document for the gateway download route.' })
export class DocumentFileType {
  @Field({ description: 'Suggested file name.' })
  filename!: string;

  @Field({ description: 'MIME type.' })
  contentType!: string;

  @Field({ description: 'The file, base64.' })
  contentBase64!: string;
}
