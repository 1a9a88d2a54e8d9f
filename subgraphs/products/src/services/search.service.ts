import { badInput, containsPattern, normalizeId, type PageWindow } from '@dealergraph/runtime';

import type { ProductsContext } from '../context.js';
import { doubleTranspositions, ONE_TYPO_FROM, transpositions, TWO_TYPOS_FROM, typoBudget } from '../domain/typo-budget.js';
import { NAME_KEY, SEARCH_DOCUMENT, SKU_KEY } from '../entities/product-search.indexes.js';
import { type ProductRow, productRowFrom, specConditions } from '../loaders/product.queries.js';
import { SCHEMA } from '../schema-name.js';
import { assortmentCondition, assortmentDealer } from './assortment.service.js';
import type { ProductFilter } from './product.service.js';
import { BRAND_NAMED, CATEGORY_SUBTREE, IN_STOCK } from './product-filter.sql.js';

/**
 * Catalog search that finds parts from half-remembered names: one SQL statement per page.
 *
 * - A term that starts a SKU matches by prefix (index on upper(sku)); the exact SKU ranks first.
 * - Each word of the term is corrected to the catalog's own words that are similar to it (pg_trgm on
 *   the `search_word` dictionary), start with it, or are within its typo budget (domain/typo-budget.ts:
 *   one typo from 5 letters, two from 9, a swap of neighbours counting as one), and the corrected words are matched with
 *   full-text search over name, SKU and description (GIN index), every word required.
 * - A brand name in the term matches that brand's products; a plain substring of SKU or name matches too.
 * Ranking: exact SKU, SKU prefix, then full-text rank, then name similarity; ties by SKU, so pages
 * are stable.
 */

export type ProductSort = 'RELEVANCE' | 'SKU' | 'NAME';

const S = `"${SCHEMA}"`;
const MAX_WORDS = 8;

/** `like` pattern for a prefix, with the wildcard characters of the input escaped. */
function prefixPattern(value: string): string {
  return `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The term's words come from PostgreSQL's own parser, the one that built the stored document and the
 * dictionary: split in JavaScript, "4.8" became "4" and "8", which no product has, so a misspelled
 * "Threaded Rod M10 x 1 m 4.8 Zinc" found nothing. At most MAX_WORDS words (the first alphabetically).
 *
 * Each word OR its corrections, all words ANDed; null when no word has a match in the dictionary.
 * A word shorter than MIN_FUZZY letters ("m", "x", "10" of "M10 x 1 m") matches itself only, without a
 * prefix: expanded, "m" became every word starting with m and the GIN scan of the resulting query
 * took most of a second (docs/BENCHMARKS.md, catalog search).
 */
const MIN_FUZZY = 3;
/** Levenshtein distance (fuzzystrmatch) within the word's typo budget; a swap is two edits there, hence the swaps below. */
const TYPO_BUDGET = `(case when length(t.term) >= ${TWO_TYPOS_FROM} then 2 else 1 end)`;
const WITHIN_TYPO_BUDGET = `(length(t.term) >= ${ONE_TYPO_FROM} and abs(length(w.word) - length(t.term)) <= ${TYPO_BUDGET}
   and public.levenshtein_less_equal(w.word, t.term, ${TYPO_BUDGET}) <= ${TYPO_BUDGET})`;
/**
 * A swap is one typo: a word within its budget of the term's swaps ({ word: { one, two } } as JSON:
 * `one` the single swaps, `two` the double swaps of a word with a budget of two). With a budget of two, a
 * swap and one more edit match too.
 */
const WITHIN_SWAPS = `(w.word = any(array(select jsonb_array_elements_text(?::jsonb -> t.term -> 'one') union all
                                     select jsonb_array_elements_text(?::jsonb -> t.term -> 'two')))
   or (length(t.term) >= ${TWO_TYPOS_FROM} and exists (select 1 from jsonb_array_elements_text(?::jsonb -> t.term -> 'one') s(swap)
                                                 where public.levenshtein_less_equal(w.word, s.swap, 1) <= 1)))`;
/** Parameters: the term, then its words' swaps (three times, see WITHIN_SWAPS). */
const TSQUERY = `(select to_tsquery('simple', string_agg('(' || alts || ')', ' & '))
   from (select t.term, string_agg(quote_literal(w.word) || case when length(t.term) >= ${MIN_FUZZY} then ':*' else '' end, ' | ') as alts
           from unnest((tsvector_to_array(to_tsvector('simple', ?)))[1:${MAX_WORDS}]) as t(term)
           join ${S}."search_word" w on (w.word = t.term
             or (length(t.term) >= ${MIN_FUZZY} and (w.word operator(public.%) t.term or w.word like t.term || '%'))
             or ${WITHIN_TYPO_BUDGET}
             or ${WITHIN_SWAPS})
          group by t.term) corrected)`;

/** Each word of the term that has a typo budget, with its swaps (lower case, as the dictionary). */
function swapsOf(term: string): string {
  const words = term
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= ONE_TYPO_FROM);
  const swaps = words.map((word) => [
    word,
    { one: transpositions({ word }), two: typoBudget({ length: word.length }) === 2 ? doubleTranspositions({ word }) : [] },
  ]);
  return JSON.stringify(Object.fromEntries(swaps));
}

/**
 * A page of active products matching the search and the other filters, in the asked order, with the
 * number of matches (window count over the same statement).
 */
export async function searchProducts(
  ctx: ProductsContext,
  search: string,
  filter: ProductFilter,
  sort: ProductSort,
  window: PageWindow,
): Promise<[ProductRow[], number]> {
  const term = search.trim();
  const skuPrefix = prefixPattern(term.toUpperCase());
  const where: string[] = ['p.active'];
  const swaps = swapsOf(term);
  const params: unknown[] = [term, swaps, swaps, swaps];
  where.push(
    `(${SKU_KEY} like ? or ${SEARCH_DOCUMENT} @@ q.tq or ${SKU_KEY} like ? or ${NAME_KEY} like ?
      or p.brand_id = any(array(select b.id from ${S}."brand" b where lower(b.name) = lower(?))))`,
  );
  // Plain substrings of the SKU or name still match, so search finds at least what it found before ranking.
  params.push(skuPrefix, containsPattern(term.toUpperCase()), containsPattern(term.toLowerCase()), term);
  if (filter.categoryId != null) {
    const categoryId = normalizeId(filter.categoryId);
    if (!categoryId) throw badInput('categoryId is not the id of a category; take one from the categories query.', 'categoryId');
    where.push(CATEGORY_SUBTREE);
    params.push(categoryId);
  }
  const brand = filter.brand?.trim();
  if (brand) {
    where.push(BRAND_NAMED);
    params.push(brand);
  }
  if (filter.inStockOnly) where.push(IN_STOCK);
  const specs = specConditions(filter.specifications ?? []);
  where.push(...specs.sql);
  params.push(...specs.params);
  const dealerId = assortmentDealer(ctx.claims);
  if (dealerId) {
    const condition = assortmentCondition(dealerId);
    where.push(condition.sql);
    params.push(...condition.params);
  }
  const order =
    sort === 'SKU'
      ? 'p.sku asc'
      : sort === 'NAME'
        ? 'p.name asc, p.sku asc'
        : `(case when ${SKU_KEY} = ? then 2 when ${SKU_KEY} like ? then 1 else 0 end) desc,
           coalesce(ts_rank(${SEARCH_DOCUMENT}, q.tq), 0) desc,
           public.similarity(${NAME_KEY}, lower(?)) desc, p.sku asc`;
  const orderParams = sort === 'RELEVANCE' ? [term.toUpperCase(), skuPrefix, term] : [];
  const rows = await ctx.em.execute<Record<string, unknown>[]>(
    `select p.*, count(*) over () as match_count
       from ${S}."product" p, (select ${TSQUERY} as tq) q
      where ${where.join(' and ')}
      order by ${order}
      limit ? offset ?`,
    [...params, ...orderParams, window.limit, window.offset],
  );
  if (rows.length === 0 && (window.offset > 0 || window.limit === 0)) {
    // Past the end, or no rows asked for: the count needs its own statement.
    const [{ n }] = await ctx.em.execute<{ n: string }[]>(
      `select count(*) as n from ${S}."product" p, (select ${TSQUERY} as tq) q where ${where.join(' and ')}`,
      params,
    );
    return [[], Number(n)];
  }
  const total = rows.length ? Number(rows[0].match_count) : 0;
  return [rows.map(productRowFrom), total];
}
