import {
  defineInternalOperations,
  type InternalHandlers,
  InternalInputError,
  requireAmount,
  requireMasterDataBatch,
  requireUuid,
} from '@dealergraph/runtime';

import type { CreditContext } from '../context.js';
import { upsertCreditAccounts } from '../services/credit-account-master.service.js';
import { assessOrder, HoldConflictError, placeHold, releaseHold } from '../services/hold.service.js';
import { openPriceMismatchInvoices } from '../services/price-consistency.service.js';

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
      return assessOrder(newContext(), { dealerId, amount });
    },
    async placeHold(input) {
      const dealerId = requireUuid(input?.dealerId, 'dealerId');
      const orderId = requireUuid(input?.orderId, 'orderId');
      const amount = requireAmount(input?.amount, 'amount');
      const approved = input?.overLimitApproved ?? false;
      if (typeof approved !== 'boolean') throw new InternalInputError('overLimitApproved must be a boolean');
      try {
        const result = await placeHold(newContext(), { dealerId, orderId, amount, overLimitApproved: approved });
        if (result.status === 'HELD') {
          return {
            status: 'HELD',
            holdId: result.hold.id,
            amount: result.hold.amount,
            available: result.available,
            overLimit: result.overLimit,
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
    async releaseHold(input) {
      const hold = await releaseHold(newContext(), { orderId: requireUuid(input?.orderId, 'orderId') });
      return { status: hold ? (hold.status === 'INVOICED' ? 'INVOICED' : 'RELEASED') : 'NONE' };
    },
  });
}
