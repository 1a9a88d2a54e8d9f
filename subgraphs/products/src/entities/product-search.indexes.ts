import { SCHEMA } from '../schema-name.js';

/**
 * The SQL expressions product search matches on, and the indexes that serve them. The search service
 * must use exactly these expressions, or PostgreSQL cannot use the indexes. pg_trgm is created in
 * `public` by the migration that adds these.
 */
/** A stored generated column: full-text matching and ranking never recompute it per row. */
export const SEARCH_DOCUMENT = 'p.search_document';
export const SEARCH_DOCUMENT_EXPRESSION = `(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(sku, '') || ' ' || coalesce(description, ''))) stored`;
export const NAME_KEY = 'lower(p.name)';
export const SKU_KEY = 'upper(p.sku)';

const table = `"${SCHEMA}"."product"`;

export const SEARCH_INDEXES = {
  fullText: {
    name: 'product_search_document_index',
    expression: `create index "product_search_document_index" on ${table} using gin (search_document) with (fastupdate = off)`,
  },
  skuTrigram: {
    name: 'product_sku_trigram_index',
    expression: `create index "product_sku_trigram_index" on ${table} using gin (upper(sku) public.gin_trgm_ops) with (fastupdate = off)`,
  },
  nameTrigram: {
    name: 'product_name_trigram_index',
    expression: `create index "product_name_trigram_index" on ${table} using gin (lower(name) public.gin_trgm_ops) with (fastupdate = off)`,
  },
  skuPrefix: {
    name: 'product_sku_prefix_index',
    expression: `create index "product_sku_prefix_index" on ${table} (upper(sku) text_pattern_ops)`,
  },
} as const;
