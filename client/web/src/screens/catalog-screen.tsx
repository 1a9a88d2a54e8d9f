import { AddToCartDocument, type ProductCardFragment } from '@generated/graphql';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import { execute } from '../api/graphql';
import { canOrder, useViewer } from '../api/hooks';
import { Badge, Button, Card, ErrorNotice, Loading, Notice, PageTitle, TextField } from '../components/ui';
import { formatMoney, t } from '../lib/i18n';
import { catalogPageQuery } from './catalog-query';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function ProductItem({ product, orderable, onAdded }: { product: ProductCardFragment; orderable: boolean; onAdded(text: string): void }) {
  const [quantity, setQuantity] = useState(1);
  const nameId = useId();
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: () => execute(AddToCartDocument, { lines: [{ sku: product.sku, quantity }] }),
    onSuccess: ({ addToCart }) => {
      if (addToCart.userErrors.length) return onAdded(addToCart.userErrors[0].message);
      onAdded(t('catalog.added', { quantity, sku: product.sku }));
      void queryClient.invalidateQueries({ queryKey: ['cart'] });
    },
    onError: (error) => onAdded(error.message),
  });
  const price = product.price;
  return (
    <Card as="li" className="flex flex-col gap-2">
      <div>
        <h2 id={nameId} className="font-semibold">
          <Link to={`/products/${encodeURIComponent(product.sku)}`} className="text-brand-700 underline">
            {product.name}
          </Link>
        </h2>
        <p className="text-sm text-slate-600">
          {product.sku} · {product.brand}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge value={product.stock.status}>{t(`stock.${product.stock.status}`)}</Badge>
        <span className="text-slate-600">{t('stock.available', { count: product.stock.available })}</span>
      </div>
      {price ? (
        <div className="text-sm">
          <span className="text-lg font-bold">{formatMoney(price.unitPrice.amount, price.unitPrice.currency)}</span>{' '}
          {price.discountPercent > 0 && (
            <span className="text-slate-600">
              <s>{t('catalog.list', { price: formatMoney(price.listPrice.amount, price.listPrice.currency) })}</s> ·{' '}
              {t('catalog.discount', { percent: price.discountPercent })}
            </span>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t('catalog.noPrice')}</p>
      )}
      {orderable && (
        <div className="mt-auto flex items-end gap-2">
          <label className="sr-only" htmlFor={`${nameId}-qty`}>
            {t('catalog.quantity', { sku: product.sku })}
          </label>
          <input
            id={`${nameId}-qty`}
            type="number"
            min={1}
            max={99999}
            value={quantity}
            onChange={(e) => setQuantity(Math.max(1, Number(e.target.value) || 1))}
            className="min-h-11 w-20 rounded-md border border-slate-400 px-2"
          />
          <Button
            type="button"
            aria-describedby={nameId}
            disabled={add.isPending || product.stock.status === 'OUT'}
            onClick={() => add.mutate()}
          >
            {t('catalog.add')}
          </Button>
        </div>
      )}
    </Card>
  );
}

/** Search the catalog (typo-tolerant on the server), see stock and your price, add to the cart. */
export function CatalogScreen() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [inStockOnly, setInStockOnly] = useState(params.get('stock') === '1');
  const [after, setAfter] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const term = useDebounced(search.trim(), 250);
  const viewer = useViewer();
  useEffect(() => {
    setAfter(null);
    setParams(
      (p) => {
        if (term) p.set('q', term);
        else p.delete('q');
        if (inStockOnly) p.set('stock', '1');
        else p.delete('stock');
        return p;
      },
      { replace: true },
    );
  }, [term, inStockOnly, setParams]);
  const page = useQuery({ ...catalogPageQuery({ term, inStockOnly, after }), placeholderData: keepPreviousData });
  const products = page.data?.products;
  return (
    <>
      <PageTitle>{t('catalog.title')}</PageTitle>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="mb-4 flex flex-wrap items-end gap-3">
        <TextField
          className="min-w-0 flex-1"
          label={t('catalog.search')}
          help={t('catalog.searchHelp')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" checked={inStockOnly} onChange={(e) => setInStockOnly(e.target.checked)} className="size-5" />
          {t('catalog.inStockOnly')}
        </label>
      </form>
      <div aria-live="polite" className="mb-2">
        {message && <Notice tone="success">{message}</Notice>}
      </div>
      {page.isPending && <Loading />}
      {page.error && <ErrorNotice error={page.error} retry={() => void page.refetch()} />}
      {products && (
        <>
          <p className="mb-2 text-sm text-slate-600" role="status">
            {t('catalog.results', { count: products.totalCount })}
          </p>
          {products.nodes.length === 0 && <Notice>{t('catalog.none')}</Notice>}
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-busy={page.isFetching}>
            {products.nodes.map((product) => (
              <ProductItem key={product.id} product={product} orderable={canOrder(viewer.data)} onAdded={setMessage} />
            ))}
          </ul>
          <div className="mt-4 flex gap-2">
            {after && (
              <Button variant="secondary" onClick={() => setAfter(null)}>
                {t('common.previous')}
              </Button>
            )}
            {products.pageInfo.hasNextPage && (
              <Button variant="secondary" onClick={() => setAfter(products.pageInfo.endCursor ?? null)}>
                {t('common.next')}
              </Button>
            )}
          </div>
        </>
      )}
    </>
  );
}
