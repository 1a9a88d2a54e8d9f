import { ReorderDocument, type ReorderMutation, SaveOrderAsTemplateDocument } from '@generated/graphql';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';

import { execute } from '../api/graphql';
import { Button, Card, Notice, TextField } from '../components/ui';
import { formatMoney, t } from '../lib/i18n';

type ReorderLine = ReorderMutation['reorder']['lines'][number];

/** On a dealer's order page: put its lines into the cart again at today's prices, or keep them as a template. */
export function OrderActions({ orderId, number }: { orderId: string; number: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(t('order.templateName', { number }));
  const [lines, setLines] = useState<ReorderLine[] | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const reorder = useMutation({
    mutationFn: () => execute(ReorderDocument, { orderId }),
    onSuccess: ({ reorder: result }) => {
      void queryClient.invalidateQueries({ queryKey: ['cart'] });
      setLines(result.lines);
      const error = result.userErrors[0];
      setMessage(error ? { tone: 'danger', text: error.message } : { tone: 'success', text: t('order.reordered', { number }) });
    },
    onError: (error) => setMessage({ tone: 'danger', text: error.message }),
  });
  const save = useMutation({
    mutationFn: () => execute(SaveOrderAsTemplateDocument, { orderId, name: name.trim() }),
    onSuccess: ({ saveOrderAsTemplate }) => {
      const error = saveOrderAsTemplate.userErrors[0];
      setMessage(error ? { tone: 'danger', text: error.message } : { tone: 'success', text: t('templates.saved', { name: name.trim() }) });
      void queryClient.invalidateQueries({ queryKey: ['templates'] });
    },
    onError: (error) => setMessage({ tone: 'danger', text: error.message }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) save.mutate();
  };
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="font-semibold">{t('order.again')}</h2>
      <div aria-live="polite">
        {message && (
          <Notice tone={message.tone}>
            {message.text}{' '}
            {lines && (
              <Link to="/cart" className="underline">
                {t('quick.openCart')}
              </Link>
            )}
          </Notice>
        )}
      </div>
      <Button onClick={() => reorder.mutate()} disabled={reorder.isPending}>
        {t('order.reorder')}
      </Button>
      {lines && (
        <ul className="text-sm" aria-label={t('order.reorderReport')}>
          {lines.map((line) => (
            <li key={line.sku}>
              {line.quantity} × {line.sku}:{' '}
              {line.status === 'OK'
                ? line.priceChanged && line.currentUnitPrice
                  ? t('order.priceNow', {
                      then: formatMoney(line.previousUnitPrice.amount, line.previousUnitPrice.currency),
                      now: formatMoney(line.currentUnitPrice.amount, line.currentUnitPrice.currency),
                    })
                  : t('order.samePrice')
                : line.message}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="flex flex-col gap-2">
        <TextField label={t('templates.name')} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        <Button type="submit" variant="secondary" disabled={save.isPending || !name.trim()}>
          {t('order.saveTemplate')}
        </Button>
      </form>
    </Card>
  );
}
