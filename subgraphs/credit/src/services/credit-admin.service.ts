import { randomUUID } from 'node:crypto';

import {
  catchRefusal,
  type Claims,
  normalizeId,
  readAmount,
  Refusal,
  refused,
  type Result,
  type UserError,
  userError,
} from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { CreditContext } from '../context.js';
import { blockThresholdProblem, type ExceedancePolicy } from '../domain/credit.js';
import { limitChangeProblems } from '../domain/ledger-input.js';
import { CreditAccount } from '../entities/credit-account.entity.js';
import { CreditLimitChange } from '../entities/credit-limit-change.entity.js';
import { type CreditPosition, positionOf } from './credit.service.js';

/** Credit control for staff: limits with an audit trail, and the risk view. Callers check the role. */

export interface SetLimitInput {
  dealerId: string;
  /** A decimal string, e.g. "50000.00". */
  limit: string;
  /** Unchanged when null. */
  exceedancePolicy?: ExceedancePolicy | null;
  /** A decimal string at or above the limit; "" removes it; unchanged when null. */
  hardLimit?: string | null;
  /** 0-365 days; -1 removes it; unchanged when null. */
  overdueBlockAfterDays?: number | null;
  reason: string;
}

/** Sets a dealer's limit and policy and writes who, when, old, new and why, in one transaction under the account lock. */
export async function setCreditLimit(ctx: CreditContext, claims: Claims, given: SetLimitInput): Promise<Result<CreditLimitChange>> {
  const read = readAmount(given.limit, { field: ['input', 'limit'], example: '50000.00' });
  if (!read.ok) return read;
  const input = { ...given, limit: read.value };
  const problems: UserError[] = [...limitChangeProblems(input)];
  let hardLimit: number | null | undefined;
  if (given.hardLimit === '') hardLimit = null;
  else if (given.hardLimit !== null && given.hardLimit !== undefined) {
    const hard = readAmount(given.hardLimit, { field: ['input', 'hardLimit'], example: '60000.00' });
    if (!hard.ok) return hard;
    if (hard.value < input.limit) {
      problems.push(userError('INVALID_AMOUNT', 'The hard limit cannot be below the credit limit.', ['input', 'hardLimit']));
    }
    hardLimit = hard.value;
  }
  const blockDays = given.overdueBlockAfterDays;
  if (blockDays !== null && blockDays !== undefined && blockDays !== -1) {
    const problem = blockThresholdProblem(blockDays);
    if (problem) problems.push(userError('INVALID_INPUT', problem, ['input', 'overdueBlockAfterDays']));
  }
  if (problems.length) return refused(...problems);
  const dealerId = normalizeId(input.dealerId);
  const noAccount = refused(userError('UNKNOWN_DEALER', 'No credit account for this dealer id.', ['input', 'dealerId']));
  if (!dealerId) return noAccount;
  return catchRefusal(() =>
    ctx.em.transactional(async (tx) => {
      const account = await tx.findOne(CreditAccount, { dealerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!account) throw new Refusal(noAccount.errors);
      const change = tx.create(CreditLimitChange, {
        id: randomUUID(),
        dealerId,
        changedBy: claims.sub,
        changedByEmail: claims.email,
        changedAt: ctx.now(),
        oldLimit: account.limit,
        newLimit: input.limit,
        oldPolicy: account.exceedancePolicy,
        newPolicy: input.exceedancePolicy ?? account.exceedancePolicy,
        reason: input.reason.trim(),
      });
      account.limit = input.limit;
      account.exceedancePolicy = change.newPolicy;
      if (hardLimit !== undefined) account.hardLimit = hardLimit;
      if (blockDays !== null && blockDays !== undefined) account.overdueBlockAfterDays = blockDays === -1 ? null : blockDays;
      if (account.hardLimit !== null && account.hardLimit < account.limit) {
        throw Refusal.of('INVALID_AMOUNT', 'The hard limit cannot be below the credit limit: raise or remove it too.', [
          'input',
          'hardLimit',
        ]);
      }
      account.updatedAt = ctx.now();
      return change;
    }),
  );
}

/** The audit trail of a dealer's limit, newest first. */
export function limitChangesOf(ctx: CreditContext, dealerId: string): Promise<CreditLimitChange[]> {
  return ctx.em.find(CreditLimitChange, { dealerId }, { orderBy: { changedAt: 'desc', id: 'desc' }, limit: 100 });
}

export type RiskSort = 'UTILISATION' | 'OVERDUE' | 'OLDEST_OVERDUE' | 'AVAILABLE';

/** Utilisation in basis points; accounts without a limit but with exposure sort as the most used. */
function utilisation(p: CreditPosition): number {
  const exposure = p.openBalance + p.pendingOrders;
  if (p.account.limit <= 0) return exposure > 0 ? Number.MAX_SAFE_INTEGER : 0;
  return (exposure * 10_000) / p.account.limit;
}

const RISK_KEYS: Record<RiskSort, (p: CreditPosition) => number> = {
  UTILISATION: utilisation,
  OVERDUE: (p) => p.overdue,
  OLDEST_OVERDUE: (p) => p.oldestOverdueDays,
  AVAILABLE: (p) => -p.available,
};

/**
 * Every dealer's position, riskiest first by the chosen measure (ties by dealer id, so pages are
 * stable). Three statements for all dealers; sorted in memory, which is fine for thousands of accounts.
 */
export async function riskView(
  ctx: CreditContext,
  sortBy: RiskSort,
  window: { offset: number; limit: number },
): Promise<[CreditPosition[], number]> {
  const accounts = await ctx.em.find(CreditAccount, {});
  for (const a of accounts) ctx.loaders.accountByDealer.prime(a.dealerId, a);
  const positions = (await Promise.all(accounts.map((a) => positionOf(ctx, a.dealerId)))).filter((p): p is CreditPosition => p !== null);
  const key = RISK_KEYS[sortBy];
  positions.sort((a, b) => key(b) - key(a) || (a.account.dealerId < b.account.dealerId ? -1 : 1));
  return [positions.slice(window.offset, window.offset + window.limit), positions.length];
}
