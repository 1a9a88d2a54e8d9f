import { requireClaims, type UserError } from '@dealergraph/runtime';
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
import { parseMoneyInput } from './money-input.js';

// Who records ledger rows (FINANCE, GENERAL_MANAGER, API clients with ERP_IMPORT): the authorization matrix in @dealergraph/runtime.

async function accountAfter(ctx: CreditContext, dealerId: string): Promise<CreditAccountType | null> {
  // A fresh request view: the write committed in its own transaction.
  ctx.loaders.accountByDealer.clear(dealerId);
  ctx.loaders.invoiceTotalsByDealer.clear(dealerId);
  ctx.loaders.pendingOrdersByDealer.clear(dealerId);
  const position = await credit.positionOf(ctx, dealerId);
  return position ? toCreditAccountType(position) : null;
}

function amounts(values: [string, string[]][]): { ok: true; minor: number[] } | { ok: false; errors: UserError[] } {
  const minor: number[] = [];
  const errors: UserError[] = [];
  for (const [value, field] of values) {
    const parsed = parseMoneyInput(value, field);
    if (parsed.ok) minor.push(parsed.minor);
    else errors.push(parsed.error);
  }
  return errors.length ? { ok: false, errors } : { ok: true, minor };
}

@Resolver()
export class LedgerResolver {
  @Authorized()
  @Mutation(() => RecordInvoicePayload, { description: 'ERP input: records an invoice; idempotent by externalReference.' })
  async recordInvoice(
    @Arg('input', () => RecordInvoiceInput, { description: 'The invoice row.' }) input: RecordInvoiceInput,
    @Ctx() ctx: CreditContext,
  ): Promise<RecordInvoicePayload> {
    const lines = input.lines ?? [];
    const parsed = amounts([
      [input.amount, ['input', 'amount']],
      ...lines.flatMap((l, i): [string, string[]][] => [
        [l.unitPrice, ['input', 'lines', String(i), 'unitPrice']],
        [l.lineTotal, ['input', 'lines', String(i), 'lineTotal']],
      ]),
    ]);
    if (!parsed.ok) return { invoice: null, duplicate: false, account: null, userErrors: parsed.errors };
    const [amount, ...prices] = parsed.minor;
    const outcome = await ledger.recordInvoice(ctx, ctx.claims, {
      externalReference: input.externalReference,
      dealerId: input.dealerId,
      number: input.number,
      orderId: input.orderId ?? null,
      currency: input.currency ?? null,
      amount,
      issuedAt: input.issuedAt,
      dueAt: input.dueAt ?? null,
      lines: lines.map((l, i) => ({
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        unitPrice: prices[2 * i],
        lineTotal: prices[2 * i + 1],
      })),
    });
    if (!outcome.ok) return { invoice: null, duplicate: false, account: null, userErrors: outcome.errors };
    return {
      invoice: toInvoiceType(outcome.row, ctx.now()),
      duplicate: outcome.duplicate,
      account: await accountAfter(ctx, outcome.row.dealerId),
      userErrors: [],
    };
  }

  @Authorized()
  @Mutation(() => RecordPaymentPayload, { description: 'ERP input: records a payment and applies it; idempotent by externalReference.' })
  async recordPayment(
    @Arg('input', () => RecordPaymentInput, { description: 'The payment row.' }) input: RecordPaymentInput,
    @Ctx() ctx: CreditContext,
  ): Promise<RecordPaymentPayload> {
    const parsed = amounts([[input.amount, ['input', 'amount']]]);
    if (!parsed.ok) return { payment: null, duplicate: false, account: null, userErrors: parsed.errors };
    const outcome = await ledger.recordPayment(ctx, ctx.claims, {
      externalReference: input.externalReference,
      dealerId: input.dealerId,
      amount: parsed.minor[0],
      receivedAt: input.receivedAt,
      reference: input.reference ?? null,
      invoiceNumber: input.invoiceNumber ?? null,
    });
    if (!outcome.ok) return { payment: null, duplicate: false, account: null, userErrors: outcome.errors };
    return {
      payment: toPaymentType(outcome.row),
      duplicate: outcome.duplicate,
      account: await accountAfter(ctx, outcome.row.dealerId),
      userErrors: [],
    };
  }

  @Authorized()
  @Mutation(() => RecordBalanceAdjustmentPayload, {
    description: 'ERP input: records a credit note or debit on the balance; idempotent by externalReference.',
  })
  async recordBalanceAdjustment(
    @Arg('input', () => RecordBalanceAdjustmentInput, { description: 'The adjustment row.' }) input: RecordBalanceAdjustmentInput,
    @Ctx() ctx: CreditContext,
  ): Promise<RecordBalanceAdjustmentPayload> {
    const claims = requireClaims(ctx.claims);
    const parsed = amounts([[input.amount, ['input', 'amount']]]);
    if (!parsed.ok) return { adjustment: null, duplicate: false, account: null, userErrors: parsed.errors };
    const outcome = await ledger.recordAdjustment(ctx, claims, {
      externalReference: input.externalReference,
      dealerId: input.dealerId,
      amount: parsed.minor[0],
      reason: input.reason,
      recordedAt: input.recordedAt ?? null,
    });
    if (!outcome.ok) return { adjustment: null, duplicate: false, account: null, userErrors: outcome.errors };
    return {
      adjustment: toAdjustmentType(outcome.row),
      duplicate: outcome.duplicate,
      account: await accountAfter(ctx, outcome.row.dealerId),
      userErrors: [],
    };
  }
}
