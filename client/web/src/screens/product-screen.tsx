import { AddToCartDocument, ProductDetailDocument, ProductPriceDocument } from '@generated/graphql';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';

import { execute } from '../api/graphql';
import { canOrder, useViewer } from '../api/hooks';
import { Badge, Button, Card, ErrorNotice, Loading, Notice, PageTitle } from '../components/ui';
import { breakRows, nextBreak, type VolumeBreak } from '../domain/volume-breaks';
import { formatDate, formatMoney, t } from '../lib/i18n';

const priceAt = (sku: string, quantity: number) => ({
  queryKey: ['price', sku, quantity],
  queryFn: () => execute(ProductPriceDocument, { sku, quantity }).then((d) => d.product?.price ?? null),
  staleTime: 60_000,
});

type Message = { tone: 'success' | 'danger'; text: string };

/** The dealer's price: by volume break (each priced by the API), for a chosen quantity, with Add to cart. */
function PriceCard({
  sku,
  priced,
  out,
  breaks,
  onMessage: setMessage,
}: {
  sku: string;
  priced: boolean;
  out: boolean;
  breaks: readonly VolumeBreak[];
  onMessage(message: Message): void;
}) {
  const viewer = useViewer();
  const queryClient = useQueryClient();
  const [quantity, setQuantity] = useState(1);
  const quantityId = useId();
  const rows = breakRows(breaks, quantity);
  const rowPrices = useQueries({ queries: priced ? rows.map((row) => priceAt(sku, row.minQuantity)) : [] });
  const chosen = useQuery({ ...priceAt(sku, quantity), enabled: priced, placeholderData: keepPreviousData });
  const add = useMutation({
    mutationFn: () => execute(AddToCartDocument, { lines: [{ sku, quantity }] }),
    onSuccess: ({ addToCart }) => {
      const error = addToCart.userErrors[0];
      setMessage(error ? { tone: 'danger', text: error.message } : { tone: 'success', text: t('catalog.added', { quantity, sku }) });
      if (!error) void queryClient.invalidateQueries({ queryKey: ['cart'] });
    },
    onError: (error) => setMessage({ tone: 'danger', text: error.message }),
  });
  const price = chosen.data ?? null;
  const next = nextBreak(breaks, quantity);
  return (
    <Card className="flex h-fit flex-col gap-3">
      <h2 className="font-semibold">{t('product.price')}</h2>
      {!priced ? (
        <p className="text-sm text-slate-600">{t('catalog.noPrice')}</p>
      ) : (
        <>
          <table className="w-full text-sm">
            <caption className="mb-1 text-left text-slate-600">{t('product.byQuantity')}</caption>
            <thead>
              <tr className="text-left">
                <th scope="col">{t('product.quantity')}</th>
                <th scope="col">{t('product.discount')}</th>
                <th scope="col" className="text-right">
                  {t('product.unitPrice')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const rowPrice = rowPrices[i]?.data;
                return (
                  <tr
                    key={row.minQuantity}
                    className={row.current ? 'bg-blue-50 font-semibold' : undefined}
                    aria-current={row.current || undefined}
                  >
                    <td>{row.range}</td>
                    <td>{t('catalog.discount', { percent: row.discountPercent })}</td>
                    <td className="text-right">{rowPrice ? formatMoney(rowPrice.unitPrice.amount, rowPrice.unitPrice.currency) : '…'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="flex flex-col gap-1">
            <label htmlFor={quantityId} className="text-sm font-medium">
              {t('product.quantity')}
            </label>
            <input
              id={quantityId}
              type="number"
              min={1}
              max={99999}
              value={quantity}
              onChange={(e) => setQuantity(Math.max(1, Math.min(99999, Math.floor(Number(e.target.value)) || 1)))}
              className="min-h-11 w-28 rounded-md border border-slate-400 px-2"
            />
          </div>
          {price && (
            <dl className="grid grid-cols-2 gap-1 text-sm" aria-live="polite" data-testid="price-for-quantity">
              <dt className="text-slate-600">{t('product.unitPrice')}</dt>
              <dd className="text-right font-bold">{formatMoney(price.unitPrice.amount, price.unitPrice.currency)}</dd>
              <dt className="text-slate-600">{t('product.listPrice')}</dt>
              <dd className="text-right">{formatMoney(price.listPrice.amount, price.listPrice.currency)}</dd>
              <dt className="text-slate-600">{t('product.lineTotal', { quantity: price.quantity })}</dt>
              <dd className="text-right font-semibold">{formatMoney(price.lineTotal.amount, price.lineTotal.currency)}</dd>
              <dt className="text-slate-600">{t('product.youSave')}</dt>
              <dd className="text-right">
                {formatMoney(price.youSave.amount, price.youSave.currency)} ({t('catalog.discount', { percent: price.discountPercent })})
              </dd>
              <dt className="text-slate-600">{t('product.rules')}</dt>
              <dd className="text-right">{price.breakdown.map((step) => step.label).join(', ') || price.appliedRules.join(', ')}</dd>
            </dl>
          )}
          {next && <Notice>{t('product.nextBreak', { missing: next.missing, percent: next.discountPercent })}</Notice>}
          {canOrder(viewer.data) && (
            <div className="flex flex-wrap gap-2">
              <Button type="button" disabled={add.isPending || out} onClick={() => add.mutate()}>
                {t('catalog.add')}
              </Button>
              <Link
                to={`/special-prices?sku=${encodeURIComponent(sku)}&quantity=${quantity}`}
                className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-4 text-sm font-semibold"
              >
                {t('product.requestSpecialPrice')}
              </Link>
            </div>
          )}
        </>
      )}
    </Card>
  );
}

/** A product picture; one that cannot be loaded (offline, a host that is down) becomes a link to it. */
function ProductImage({ url, title, main }: { url: string; title: string; main: boolean }) {
  const [failed, setFailed] = useState(false);
  if (failed)
    return (
      <a href={url} className="text-sm text-brand-700 underline" target="_blank" rel="noreferrer">
        {t('product.picture', { title })}
      </a>
    );
  return (
    <img
      src={url}
      alt={title}
      onError={() => setFailed(true)}
      className={main ? 'max-h-64 max-w-full object-contain' : 'max-h-24 max-w-[8rem] object-contain'}
      loading={main ? 'eager' : 'lazy'}
    />
  );
}

/** One product: specs, images and documents, stock per warehouse and in transit, the price by quantity, substitutes. */
export function ProductScreen() {
  const { sku = '' } = useParams();
  const [message, setMessage] = useState<Message | null>(null);
  const detail = useQuery({ queryKey: ['product', sku], queryFn: () => execute(ProductDetailDocument, { sku }) });
  const breaks = detail.data?.myPriceList?.volumeBreaks ?? [];

  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorNotice error={detail.error} retry={() => void detail.refetch()} />;
  const product = detail.data.product;
  if (!product)
    return (
      <>
        <PageTitle>{t('notFound.title')}</PageTitle>
        <Notice tone="warning">{t('product.notFound')}</Notice>
      </>
    );
  // The pictures show inline (the gateway's CSP allows the product data's image origins); documents are links.
  const links = product.documents;
  return (
    <>
      <PageTitle>{product.name}</PageTitle>
      <p className="-mt-3 mb-4 text-sm text-slate-600">
        {product.sku} · {product.brand} · {product.category.name}
      </p>
      <div aria-live="polite" className="mb-2">
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
      </div>
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-4">
          <Card>
            {product.images.length > 0 && (
              <div className="mb-3 flex flex-wrap gap-2">
                {product.images.map((image, index) => (
                  <ProductImage key={image.url} url={image.url} title={image.title} main={index === 0} />
                ))}
              </div>
            )}
            {product.description && <p className="mb-3 text-sm">{product.description}</p>}
            <h2 className="mb-2 font-semibold">{t('product.specs')}</h2>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">{t('product.unit')}</dt>
              <dd>
                {product.unit}
                {product.packSize > 1 ? ` (${t('product.packSize', { count: product.packSize })})` : ''}
              </dd>
              {product.specifications.map((spec) => (
                <div key={spec.name} className="contents">
                  <dt className="text-slate-600">{spec.name}</dt>
                  <dd>
                    {spec.value}
                    {spec.unit ? ` ${spec.unit}` : ''}
                  </dd>
                </div>
              ))}
            </dl>
            {links.length > 0 && (
              <>
                <h2 className="mt-3 mb-1 font-semibold">{t('product.documents')}</h2>
                <ul className="text-sm">
                  {links.map((doc) => (
                    <li key={doc.url}>
                      <a href={doc.url} className="text-brand-700 underline" target="_blank" rel="noreferrer">
                        {doc.title}
                      </a>{' '}
                      <span className="text-slate-600">({doc.kind})</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
          <Card>
            <h2 className="mb-2 font-semibold">{t('product.stock')}</h2>
            <p className="mb-2 flex items-center gap-2 text-sm">
              <Badge value={product.stock.status}>{t(`stock.${product.stock.status}`)}</Badge>
              {t('stock.available', { count: product.stock.available })}
            </p>
            <ul className="text-sm">
              {product.stock.warehouses.map((w) => (
                <li key={w.warehouse.id}>
                  {w.warehouse.name} ({w.warehouse.city}): {t('stock.available', { count: w.available })}
                  {w.preferred ? ` · ${t('product.preferred')}` : ''}
                </li>
              ))}
              {product.stock.inTransit.map((transit, i) => (
                <li key={i}>
                  {t('product.inTransit', {
                    count: transit.quantity,
                    warehouse: transit.warehouse.name,
                    eta: transit.eta ? formatDate(transit.eta) : '—',
                  })}
                </li>
              ))}
            </ul>
          </Card>
          <Card>
            <h2 className="mb-2 font-semibold">{t('product.substitutes')}</h2>
            {product.stock.status === 'OUT' && product.substitutes.length > 0 && (
              <Notice tone="warning">{t('product.outUseSubstitute')}</Notice>
            )}
            {product.substitutes.length === 0 ? (
              <p className="text-sm text-slate-600">{t('product.noSubstitutes')}</p>
            ) : (
              <ul className="divide-y divide-slate-200 text-sm">
                {product.substitutes.map((sub) => (
                  <li key={sub.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link to={`/products/${encodeURIComponent(sub.sku)}`} className="text-brand-700 underline">
                      {sub.name}
                    </Link>
                    <span className="flex items-center gap-2">
                      <Badge value={sub.stock.status}>{t(`stock.${sub.stock.status}`)}</Badge>
                      {sub.price && formatMoney(sub.price.unitPrice.amount, sub.price.unitPrice.currency)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <PriceCard sku={product.sku} priced={!!product.price} out={product.stock.status === 'OUT'} breaks={breaks} onMessage={setMessage} />
      </div>
    </>
  );
}
