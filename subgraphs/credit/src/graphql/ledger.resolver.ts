import { requireClaims, type Result, type UserError } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import type { CreditContext } from '../context.js';
import * as credit from '../services/credit.service.js';
import * as ledger from '../services/ledger.service.js';
import { toAdjustmentType } from './account-mappers.js';
import type { CreditAccountType } from './credit.type.js';
import {
  RecordBalanceAdjustmentInput,
  RecordBalanceAdjustmentPayload,
  RecordInvoiceInput,
  RecordInvoicePayload,
  RecordPaymentInput,
  RecordPaymentPayload,
} from './ledger.type.js';
import { toCreditAccountType, toInvoiceType, toPaymentType } from './mappers.js';

// Who records ledger rows (FINANCE, GENERAL_MANAGER, API clients with ERP_IMPORT): the authorization matrix in @dealergraph/runtime.

/** A ledger mutation's payload: the row as `shape` maps it, the account after the write, or the userErrors. */
async function payload<T extends { dealerId: string }, P>(
  ctx: CreditContext,
  result: Result<ledger.Recorded<T>>,
  shape: (row: T | null) => P,
): Promise<P & { duplicate: boolean; account: CreditAccountType | null; userErrors: UserError[] }> {
  if (!result.ok) return { ...shape(null), duplicate: false, account: null, userErrors: result.errors };
  const { row, duplicate } = result.value;
  return { ...shape(row), duplicate, account: await accountAfter(ctx, row.dealerId), userErrors: [] };
}

async function accountAfter(ctx: CreditContext, dealerId: string): Promise<CreditAccountType | null> {
  // A fresh request view: the write committed in its own transaction.
  ctx.loaders.accountByDealer.clear(dealerId);
  ctx.loaders.invoiceTotalsByDealer.clear(dealerId);
  ctx.loaders.pendingOrdersByDealer.clear(dealerId);
  const position = await credit.positionOf(ctx, dealerId);
  return position ? toCreditAccountType(position) : null;
}

@Resolver()
export class LedgerResolver {
  @Authorized()
  @Mutation(() => RecordInvoicePayload, { description: 'ERP input: records an invoice; idempotent by externalReference.' })
  async recordInvoice(
    @Arg('input', () => RecordInvoiceInput, { description: 'The invoice row.' }) input: RecordInvoiceInput,
    @Ctx() ctx: CreditContext,
  ): Promise<RecordInvoicePayload> {
    return payload(ctx, await ledger.recordInvoice(ctx, ctx.claims, input), (invoice) => ({
      invoice: invoice && toInvoiceType(invoice, ctx.now()),
    }));
  }

  @Authorized()
  @Mutation(() => RecordPaymentPayload, { description: 'ERP input: records a payment and applies it; idempotent by externalReference.' })
  async recordPayment(
    @Arg('input', () => RecordPaymentInput, { description: 'The payment row.' }) input: RecordPaymentInput,
    @Ctx() ctx: CreditContext,
  ): Promise<RecordPaymentPayload> {
    return payload(ctx, await ledger.recordPayment(ctx, ctx.claims, input), (payment) => ({ payment: payment && toPaymentType(payment) }));
  }

  @Authorized()
  @Mutation(() => RecordBalanceAdjustmentPayload, {
    description: 'ERP input: records a credit note or debit on the balance; idempotent by externalReference.',
  })
  async recordBalanceAdjustment(
    @Arg('input', () => RecordBalanceAdjustmentInput, { description: 'The adjustment row.' }) input: RecordBalanceAdjustmentInput,
    @Ctx() ctx: CreditContext,
  ): Promise<RecordBalanceAdjustmentPayload> {
    const result = await ledger.recordAdjustment(ctx, requireClaims(ctx.claims), input);
    return payload(ctx, result, (adjustment) => ({ adjustment: adjustment && toAdjustmentType(adjustment) }));
  }
}
