import { SCHEMA } from '../schema-name.js';

// Raw SQL fragments of the filter; table names carry the subgraph's schema.
export const CATEGORY_SUBTREE = `p.category_id in (
  with recursive subtree(id) as (
    select c.id from "${SCHEMA}"."category" c where c.id = ?
    union all
    select c.id from "${SCHEMA}"."category" c join subtree s on c.parent_id = s.id
  ) select id from subtree)`;
export const BRAND_NAMED = `p.brand_id in (select b.id from "${SCHEMA}"."brand" b where lower(b.name) = lower(?))`;
// Same rule as domain/stock.ts: in stock = the sum of (on hand - reserved) over warehouses is above 0.
export const IN_STOCK = `(select coalesce(sum(s.on_hand - s.reserved), 0) from "${SCHEMA}"."stock_level" s where s.product_id = p.id) > 0`;
