import { type EntityManager, keyedLoader } from '@dealergraph/runtime';
import type DataLoader from 'dataloader';

import { type DealerRow, dealersByIds } from './dealer.queries.js';

export interface DealerLoaders {
  /** Dealers by id as plain rows: one statement per batch. */
  dealerById: DataLoader<string, DealerRow | null>;
}

export function createDealerLoaders(em: EntityManager): DealerLoaders {
  return {
    dealerById: keyedLoader(
      (ids) => dealersByIds(em, ids),
      (d) => d.id,
    ),
  };
}
