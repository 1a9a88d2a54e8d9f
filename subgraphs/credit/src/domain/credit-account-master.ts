import { type Checked, type FieldProblem, readAmount } from '@dealergraph/runtime';

import type { ExceedancePolicy } from './credit.js';
import { limitChangeProblems } from './ledger-input.js';

/**
 * A dealer's credit account as the distributor's ERP sends it (upsertCreditAccount, CREDIT_ACCOUNTS
 * imports): pure checks and the comparison that makes an upsert idempotent. The key is the dealer.
 *
 * Decides, in order: the limit (a decimal amount, zero or more, by setCreditLimit's rule, and not
 * absurd), the currency (ISO 4217; an account keeps the currency it was opened in), the payment
 * terms (0 to 365 days) and the exceedance policy.
 */

const EXCEEDANCE_POLICIES: readonly ExceedancePolicy[] = [
  'HARD_BLOCK',
  'SOFT_WARNING',
  'ROUTE_TO_APPROVAL',
  'PARTIAL_ORDER',
  'PAYMENT_REQUIRED',
];

/** A credit limit above this (in cents) is taken for a typing error: 1,000,000,000.00. */
export const MAX_CREDIT_LIMIT_CENTS = 100_000_000_000;
export const MAX_PAYMENT_TERMS_DAYS = 365;

export interface CreditAccountData {
  limit: number;
  currency: string;
  paymentTermsDays: number;
  exceedancePolicy: ExceedancePolicy;
}

export type CreditAccountProblem = FieldProblem<
  'INVALID_AMOUNT' | 'ABSURD_LIMIT' | 'INVALID_CURRENCY' | 'INVALID_TERMS' | 'INVALID_POLICY' | 'REQUIRED'
>;

const textOf = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw).trim());

/** Checks one account's values: every problem with its field, or the data to store. */
export function checkCreditAccount(input: Record<string, unknown>): Checked<CreditAccountData, CreditAccountProblem> {
  const problems: CreditAccountProblem[] = [];
  const rawLimit = textOf(input.creditLimit);
  let limit = 0;
  if (!rawLimit) problems.push({ code: 'REQUIRED', message: 'creditLimit is required.', field: 'creditLimit' });
  else {
    const read = readAmount(rawLimit, { field: ['creditLimit'], example: '50000.00' });
    if (!read.ok) problems.push({ code: 'INVALID_AMOUNT', message: read.errors[0]!.message, field: 'creditLimit' });
    else {
      limit = read.value;
      // setCreditLimit's rule: zero or more (the reason is the caller's, always given here).
      for (const p of limitChangeProblems({ limit, reason: 'master data' }))
        problems.push({ code: 'INVALID_AMOUNT', message: p.message, field: 'creditLimit' });
      if (limit > MAX_CREDIT_LIMIT_CENTS)
        problems.push({
          code: 'ABSURD_LIMIT',
          message: `creditLimit ${rawLimit} is above 1,000,000,000.00: check the decimal separator.`,
          field: 'creditLimit',
        });
    }
  }
  const currency = textOf(input.currency).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    problems.push({
      code: 'INVALID_CURRENCY',
      message: `currency "${currency.slice(0, 10)}" is not an ISO 4217 code such as USD.`,
      field: 'currency',
    });
  const rawTerms = textOf(input.paymentTermsDays);
  const terms = Number(rawTerms);
  if (!/^\d+$/.test(rawTerms) || terms > MAX_PAYMENT_TERMS_DAYS)
    problems.push({
      code: 'INVALID_TERMS',
      message: `paymentTermsDays "${rawTerms.slice(0, 10)}" must be a whole number of days from 0 to ${MAX_PAYMENT_TERMS_DAYS}.`,
      field: 'paymentTermsDays',
    });
  const policy = textOf(input.exceedancePolicy).toUpperCase();
  if (!(EXCEEDANCE_POLICIES as readonly string[]).includes(policy))
    problems.push({
      code: 'INVALID_POLICY',
      message: `"${policy.slice(0, 30)}": the exceedance policy is one of ${EXCEEDANCE_POLICIES.join(', ')}.`,
      field: 'exceedancePolicy',
    });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { limit, currency, paymentTermsDays: terms, exceedancePolicy: policy as ExceedancePolicy } };
}

/** The fields whose value differs; empty when an upsert would change nothing. */
export function changedCreditFields(before: CreditAccountData, after: CreditAccountData): (keyof CreditAccountData)[] {
  return (Object.keys(after) as (keyof CreditAccountData)[]).filter((key) => before[key] !== after[key]);
}
