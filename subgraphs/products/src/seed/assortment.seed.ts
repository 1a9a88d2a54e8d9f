import { randomUUID } from 'node:crypto';

import { demoAssortment, type DemoData } from '@dealergraph/demo-data';
import { type EntityManager, insertInChunks } from '@dealergraph/runtime';

import { AssortmentGrant } from '../entities/assortment-grant.entity.js';
import { DealerCategoryLimit } from '../entities/dealer-category-limit.entity.js';
import { DealerSegment } from '../entities/dealer-segment.entity.js';
import { SCHEMA } from '../schema-name.js';

/** Writes the demo assortment (see `demoAssortment`) inside the products seed's transaction; returns a summary line. */
export async function seedAssortment(tx: EntityManager, data: DemoData): Promise<string> {
  const a = demoAssortment(data);
  const preferred = new Map(data.preferredWarehouses.map((p) => [p.dealerId, p.warehouseId]));
  await insertInChunks(
    tx,
    DealerSegment,
    a.segments.map((s) => ({ ...s, dealerType: null, preferredWarehouseId: preferred.get(s.dealerId) ?? null })),
  );
  await insertInChunks(tx, DealerCategoryLimit, a.categoryLimits);
  await insertInChunks(
    tx,
    AssortmentGrant,
    a.grants.map((g) => ({ id: randomUUID(), ...g })),
  );
  for (const kind of ['CONTRACT_ONLY', 'IMPORTED', 'QUOTA'] as const) {
    const ids = a.restrictions.filter((r) => r.restriction === kind).map((r) => r.productId);
    if (ids.length) await tx.execute(`update "${SCHEMA}"."product" set restriction = ? where id in (?)`, [kind, ids]);
  }
  // The search dictionary is built from product names: the products were just written.
  await tx.execute(`refresh materialized view "${SCHEMA}"."search_word"`);
  const limited = new Set(a.categoryLimits.map((l) => l.dealerId)).size;
  return `${a.restrictions.length} restricted products, ${a.grants.length} grants, ${limited} dealers limited to some categories`;
}
