import {
  defineInternalOperations,
  type InternalHandlers,
  InternalInputError,
  optionalStrings,
  requireMasterDataBatch,
  requireUuid,
} from '@dealergraph/runtime';

import type { DealersContext } from '../context.js';
import { upsertDealerAddresses, upsertDealerContacts } from '../services/dealer-address.service.js';
import { resolveDealerCodes, upsertDealers } from '../services/dealer-master.service.js';
import { activeDealers, dealerProfiles, notificationContacts, staffProfile } from '../services/dealer-scope.service.js';

/** The dealers subgraph's internal operations (see contracts.ts): who looks after a dealer, for approvals. */
export function dealersInternalOperations(newContext: () => DealersContext): InternalHandlers<'dealers'> {
  return defineInternalOperations('dealers', {
    async dealerProfiles(input) {
      const dealerIds = optionalStrings(input?.dealerIds, 'dealerIds').map((id, i) => requireUuid(id, `dealerIds[${i}]`));
      if (dealerIds.length === 0) throw new InternalInputError('name at least one dealer id');
      return { dealers: await dealerProfiles(newContext(), dealerIds) };
    },
    async activeDealers() {
      return { dealers: await activeDealers(newContext()) };
    },
    async staffProfile(input) {
      return staffProfile(newContext(), requireUuid(input?.userId, 'userId'));
    },
    async notificationContacts(input) {
      const dealerIds = optionalStrings(input?.dealerIds, 'dealerIds').map((id, i) => requireUuid(id, `dealerIds[${i}]`));
      const userIds = optionalStrings(input?.userIds, 'userIds').map((id, i) => requireUuid(id, `userIds[${i}]`));
      const staff = input?.staff === true;
      return { users: await notificationContacts(newContext(), { dealerIds, userIds, staff }) };
    },
    async resolveDealerCodes(input) {
      return { dealers: await resolveDealerCodes(newContext(), optionalStrings(input?.codes, 'codes')) };
    },
    async upsertDealers(input) {
      const batch = requireMasterDataBatch(input);
      return upsertDealers(newContext(), batch.rows, batch);
    },
    async upsertDealerAddresses(input) {
      const batch = requireMasterDataBatch(input);
      const { applied, rows } = await upsertDealerAddresses(newContext(), batch.rows, batch);
      return { applied, rows };
    },
    async upsertDealerContacts(input) {
      const batch = requireMasterDataBatch(input);
      const { applied, rows } = await upsertDealerContacts(newContext(), batch.rows, batch);
      return { applied, rows };
    },
  });
}
