import { keyedLoader, type EntityManager } from '@dealergraph/runtime';
import type DataLoader from 'dataloader';
import { Dealer } from '../entities/dealer.entity.js';

export interface DealerLoaders {
  dealerById: DataLoader<string, Dealer | null>;
}

export function createDealerLoaders(em: EntityManager): DealerLoaders {
  return {
    dealerById: keyedLoader((ids) => em.find(Dealer, { id: { $in: ids } }), (d) => d.id),
  };
}
