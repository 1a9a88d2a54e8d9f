import { CartDocument, PlaceOrderDocument, type PlaceOrderMutation } from '@generated/graphql';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';

import { execute, RequestError } from '../api/graphql';
import { useViewer } from '../api/hooks';
import { Button, Card, ErrorNotice, Loading, Notice, PageTitle, TextField } from '../components/ui';
import { canPlaceOrder, creditNotice, lineHints } from '../domain/cart-hints';
import { formatMoney, t, tKnown } from '../lib/i18n';

type Placed = NonNullable<PlaceOrderMutation['placeOrder']['order']>;

/** The cart: lines with their hints, the credit preview, the PO number, and Place order. */
export function CartScreen() {
  const viewer = useViewer();
  const queryClient = useQueryClient();
  const cart = useQuery({ queryKey: ['cart'], queryFn: () => execute(CartDocument).then((d) => d.cart) });
  const [poNumber, setPoNumber] = useState('');
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // One key per attempt: a retry after a network failure sends the same key (the API returns the
  // first result, never a second order); an answer, placed or refused, ends the attempt.
  const attemptKey = useRef<string | null>(null);
  const place = useMutation({
    mutationFn: () => {
      attemptKey.current ??= crypto.randomUUID();
      return execute(PlaceOrderDocument, { input: { idempotencyKey: attemptKey.current, poNumber: poNumber.trim() || null } });
    },
    onSuccess: ({ placeOrder }) => {
      attemptKey.current = null;
      const error = placeOrder.userErrors[0];
      if (error) return setRefusal(tKnown(`refusal.${error.code}`, error.message));
      setRefusal(null);
      setPlaced(placeOrder.order ?? null);
      setPoNumber('');
      void queryClient.invalidateQueries({ queryKey: ['cart'] });
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void queryClient.invalidateQueries({ queryKey: ['viewer'] });
    },
    onError: (error) => {
      if (!(error instanceof RequestError && error.code === 'NETWORK')) attemptKey.current = null;
      setRefusal(t('cart.refused', { message: error.message }));
    },
  });

  const data = cart.data;
  const notice = creditNotice(data?.creditPreview ?? null);
  const role = viewer.data?.role;
  return (
    <>
      <PageTitle>{t('cart.title')}</PageTitle>
      <div aria-live="polite">
        {placed && (
          <Notice tone="success">
            <p className="font-semibold">{t('cart.placed', { number: placed.number })}</p>
            <p>{tKnown(`cart.placedStatus.${placed.status}`, '')}</p>
            <Link className="underline" to={`/orders/${placed.id}`}>
              {t('cart.openOrder', { number: placed.number })}
            </Link>
          </Notice>
        )}
      </div>
      {cart.isPending && <Loading />}
      {cart.error && <ErrorNotice error={cart.error} retry={() => void cart.refetch()} />}
      {data && data.lines.length === 0 && !placed && <Notice>{t('cart.empty')}</Notice>}
      {data && data.lines.length > 0 && (
        <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
          <ul className="flex flex-col gap-2">
            {data.lines.map((line) => (
              <Card as="li" key={line.id} className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-semibold">{line.name ?? line.sku}</p>
                  <p className="text-sm text-slate-600">
                    {line.sku} · {line.quantity} × {formatMoney(line.unitPrice?.amount, line.unitPrice?.currency)}
                  </p>
                  <div className="mt-1 flex flex-col gap-1">
                    {lineHints(line).map((hint) => (
                      <Notice key={hint.kind} tone={hint.tone}>
                        {hint.kind === 'NOT_ORDERABLE' && t('cart.notOrderable', { problem: line.problem ?? '' })}
                        {hint.kind === 'PRICE_CHANGED' && t('cart.priceChanged', { price: formatMoney(line.priceWhenAdded.amount) })}
                        {hint.kind === 'LOW_STOCK' && t('stock.LOW')}
                        {hint.kind === 'OUT_OF_STOCK' && t('stock.OUT')}
                        {hint.kind === 'VOLUME_BREAK' && line.volumeBreakHint}
                      </Notice>
                    ))}
                  </div>
                </div>
                <p className="font-semibold">{formatMoney(line.lineTotal?.amount, line.lineTotal?.currency)}</p>
              </Card>
            ))}
          </ul>
          <Card className="flex h-fit flex-col gap-3">
            <p className="text-sm text-slate-600">{t('cart.lines', { count: data.lineCount, quantity: data.totalQuantity })}</p>
            <p className="flex justify-between text-lg font-bold">
              <span>{t('cart.total')}</span>
              <span>{formatMoney(data.total.amount, data.total.currency)}</span>
            </p>
            {notice && data.creditPreview && (
              <Notice tone={notice.tone}>
                {t(`cart.credit.${notice.kind}`, {
                  available: formatMoney(data.creditPreview.available.amount),
                  reason: data.creditPreview.reason ?? '',
                  warning: data.creditPreview.warning ?? data.creditPreview.reason ?? '',
                })}
              </Notice>
            )}
            {!role ? null : role === 'VIEW_ONLY' ? (
              <Notice>{t('cart.viewOnly')}</Notice>
            ) : (
              <form
                className="flex flex-col gap-3"
                onSubmit={(e) => {
                  e.preventDefault();
                  place.mutate();
                }}
              >
                <TextField label={t('cart.poNumber')} value={poNumber} maxLength={50} onChange={(e) => setPoNumber(e.target.value)} />
                {refusal && <Notice tone="danger">{refusal}</Notice>}
                <Button type="submit" disabled={place.isPending || !canPlaceOrder(data.lines, role)}>
                  {place.isPending ? t('cart.placing') : t('cart.place')}
                </Button>
              </form>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
