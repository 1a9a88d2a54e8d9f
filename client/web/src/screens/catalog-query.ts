import { CatalogPageDocument } from '@generated/graphql';

import { execute } from '../api/graphql';

/** Products per catalog page. */
export const CATALOG_PAGE = 24;

/** What a catalog page shows: the search term, the in-stock filter and the page's cursor. */
export interface CatalogPageArgs {
  term: string;
  inStockOnly: boolean;
  after: string | null;
}

/** The catalog page's query key and fetch, shared by the screen and the landing preload (one cache entry). */
export function catalogPageQuery({ term, inStockOnly, after }: CatalogPageArgs) {
  return {
    queryKey: ['catalog', term, inStockOnly, after],
    queryFn: () =>
      execute(CatalogPageDocument, {
        first: CATALOG_PAGE,
        after,
        filter: { search: term || null, inStockOnly: inStockOnly || null },
        quantity: 1,
      }),
  };
}

/** The page a catalog URL opens on (`?q=` and `?stock=1`), as the screen reads it. */
export function catalogArgsOf(params: URLSearchParams): CatalogPageArgs {
  return { term: (params.get('q') ?? '').trim(), inStockOnly: params.get('stock') === '1', after: null };
}
