import {
  defineInternalOperations,
  type InternalHandlers,
  InternalInputError,
  MAX_INTERNAL_LINES,
  requireAmount,
  requireMasterDataBatch,
  requireUuid,
} from '@dealergraph/runtime';

import type { CreditContext } from '../context.js';
import { upsertCreditAccounts } from '../services/credit-account-master.service.js';
import { assessOrder, HoldConflictError, placeHold, prepaymentsDue, releaseHold } from '../services/hold.service.js';
import { openPriceMismatchInvoices } from '../services/price-consistency.service.js';
import { tierFacts } from '../services/tier-facts.service.js';

/** The credit subgraph's internal operations (see contracts.ts), for the order workflow. */
export function creditInternalOperations(newContext: () => CreditContext): InternalHandlers<'credit'> {
  return defineInternalOperations('credit', {
    async upsertCreditAccounts(input) {
      const batch = requireMasterDataBatch(input);
      const rows = batch.rows.map((row, i) => ({
        dealerId: requireUuid(row.dealerId, `rows[${i}].dealerId`),
        dealerCode: typeof row.dealerCode === 'string' ? row.dealerCode : '',
        values: row,
      }));
      return upsertCreditAccounts(newContext(), rows, { ...batch, reason: batch.actor.name ?? 'import' });
    },
    async assessOrder(input) {
      const dealerId = requireUuid(input?.dealerId, 'dealerId');
      const amount = requireAmount(input?.amount, 'amount');
      const raw = input?.lines;
      if (raw !== undefined && raw !== null && (!Array.isArray(raw) || raw.length > MAX_INTERNAL_LINES)) {
        throw new InternalInputError(`lines must be a list of at most ${MAX_INTERNAL_LINES} line totals`);
      }
      const lines = raw ? raw.map((total, i) => requireAmount(total, `lines[${i}]`)) : null;
      return assessOrder(newContext(), { dealerId, amount, lines });
    },
    async prepaymentsDue(input) {
      const raw = input?.orderIds;
      if (!Array.isArray(raw) || raw.length > MAX_INTERNAL_LINES)
        throw new InternalInputError(`orderIds must be a list of at most ${MAX_INTERNAL_LINES}`);
      const ids = raw.map((id, i) => requireUuid(id, `orderIds[${i}]`));
      const due = await prepaymentsDue(newContext(), ids);
      return { orders: [...due].map(([orderId, amountToPay]) => ({ orderId, amountToPay })) };
    },
    async placeHold(input) {
      const dealerId = requireUuid(input?.dealerId, 'dealerId');
      const orderId = requireUuid(input?.orderId, 'orderId');
      const amount = requireAmount(input?.amount, 'amount');
      const approved = input?.overLimitApproved ?? false;
      if (typeof approved !== 'boolean') throw new InternalInputError('overLimitApproved must be a boolean');
      const prepay = input?.prepay ?? false;
      if (typeof prepay !== 'boolean') throw new InternalInputError('prepay must be a boolean');
      try {
        const result = await placeHold(newContext(), { dealerId, orderId, amount, overLimitApproved: approved, prepay });
        if (result.status === 'HELD') {
          return {
            status: 'HELD',
            holdId: result.hold.id,
            amount: result.hold.amount,
            available: result.available,
            overLimit: result.overLimit,
            amountToPay: result.amountToPay,
          };
        }
        return result.status === 'REFUSED' ? { status: 'REFUSED', decision: result.decision } : { status: 'RELEASED' };
      } catch (error) {
        if (error instanceof HoldConflictError) throw new InternalInputError(error.message);
        throw error;
      }
    },
    async openPriceMismatches() {
      return { invoices: await openPriceMismatchInvoices(newContext().em) };
    },
    async tierFacts(input) {
      const raw = input?.dealerIds ?? null;
      if (raw !== null && (!Array.isArray(raw) || raw.length > MAX_INTERNAL_LINES))
        throw new InternalInputError(`dealerIds must be null or a list of at most ${MAX_INTERNAL_LINES}`);
      const dealerIds = raw ? raw.map((id, i) => requireUuid(id, `dealerIds[${i}]`)) : null;
      const since = new Date(typeof input?.since === 'string' ? input.since : '');
      if (Number.isNaN(since.getTime())) throw new InternalInputError('since must be an ISO 8601 instant');
      return { dealers: await tierFacts(newContext(), { dealerIds, since }) };
    },
    async releaseHold(input) {
      const hold = await releaseHold(newContext(), { orderId: requireUuid(input?.orderId, 'orderId') });
      return { status: hold ? (hold.status === 'INVOICED' ? 'INVOICED' : 'RELEASED') : 'NONE' };
    },
  });
}
