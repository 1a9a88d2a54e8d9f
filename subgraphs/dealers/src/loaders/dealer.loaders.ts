import { type EntityManager, groupedLoader, keyedLoader } from '@dealergraph/runtime';
import type DataLoader from 'dataloader';

import {
  dealerAddresses,
  type DealerAddressRow,
  type DealerContactRow,
  dealerContacts,
  type DealerRow,
  dealersByIds,
} from './dealer.queries.js';

export interface DealerLoaders {
  /** Dealers by id as plain rows: one statement per batch. */
  dealerById: DataLoader<string, DealerRow | null>;
  /** A dealer's active addresses, defaults first: one statement per batch. */
  addressesByDealer: DataLoader<string, DealerAddressRow[]>;
  /** A dealer's active contacts, by name: one statement per batch. */
  contactsByDealer: DataLoader<string, DealerContactRow[]>;
  /** Addresses by id, active or not. */
  addressById: DataLoader<string, DealerAddressRow | null>;
  /** Contacts by id, active or not. */
  contactById: DataLoader<string, DealerContactRow | null>;
}

export function createDealerLoaders(em: EntityManager): DealerLoaders {
  return {
    dealerById: keyedLoader(
      (ids) => dealersByIds(em, ids),
      (d) => d.id,
    ),
    addressesByDealer: groupedLoader(
      (dealerIds) => dealerAddresses(em, { dealerIds }),
      (a) => a.dealerId,
    ),
    contactsByDealer: groupedLoader(
      (dealerIds) => dealerContacts(em, { dealerIds }),
      (c) => c.dealerId,
    ),
    addressById: keyedLoader(
      (ids) => dealerAddresses(em, { ids }),
      (a) => a.id,
    ),
    contactById: keyedLoader(
      (ids) => dealerContacts(em, { ids }),
      (c) => c.id,
    ),
  };
}
