import {
  AddTemplateToCartDocument,
  DeleteOrderTemplateDocument,
  OrderTemplatesDocument,
  type OrderTemplatesQuery,
  SaveCartAsTemplateDocument,
} from '@generated/graphql';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';

import { execute } from '../api/graphql';
import { canOrder, useViewer } from '../api/hooks';
import { Button, Card, ErrorNotice, Loading, Notice, PageTitle, TextField } from '../components/ui';
import { formatDate, t } from '../lib/i18n';

type Template = OrderTemplatesQuery['orderTemplates']['nodes'][number];
type Message = { tone: 'success' | 'danger' | 'warning'; text: string; toCart?: boolean };

function TemplateItem({ template, orderable, onDone }: { template: Template; orderable: boolean; onDone(message: Message): void }) {
  const queryClient = useQueryClient();
  const toCart = useMutation({
    mutationFn: () => execute(AddTemplateToCartDocument, { templateId: template.id }),
    onSuccess: ({ addTemplateToCart }) => {
      const errors = addTemplateToCart.userErrors;
      void queryClient.invalidateQueries({ queryKey: ['cart'] });
      onDone(
        errors.length
          ? {
              tone: 'warning',
              text: t('templates.addedWithProblems', { name: template.name, problems: errors.map((e) => e.message).join('; ') }),
              toCart: true,
            }
          : { tone: 'success', text: t('templates.added', { name: template.name }), toCart: true },
      );
    },
    onError: (error) => onDone({ tone: 'danger', text: error.message }),
  });
  const remove = useMutation({
    mutationFn: () => execute(DeleteOrderTemplateDocument, { templateId: template.id }),
    onSuccess: ({ deleteOrderTemplate }) => {
      const error = deleteOrderTemplate.userErrors[0];
      onDone(error ? { tone: 'danger', text: error.message } : { tone: 'success', text: t('templates.deleted', { name: template.name }) });
      void queryClient.invalidateQueries({ queryKey: ['templates'] });
    },
    onError: (error) => onDone({ tone: 'danger', text: error.message }),
  });
  return (
    <Card as="li" className="flex flex-col gap-2">
      <h2 className="font-semibold">{template.name}</h2>
      <p className="text-sm text-slate-600">
        {t('templates.summary', { count: template.lineCount, date: formatDate(template.createdAt) })}
      </p>
      <ul className="text-sm">
        {template.lines.slice(0, 5).map((line) => (
          <li key={line.sku}>
            {line.quantity} × {line.product.name} <span className="text-slate-600">{line.sku}</span>
          </li>
        ))}
        {template.lines.length > 5 && <li className="text-slate-600">{t('templates.more', { count: template.lines.length - 5 })}</li>}
      </ul>
      {orderable && (
        <div className="mt-auto flex flex-wrap gap-2">
          <Button onClick={() => toCart.mutate()} disabled={toCart.isPending}>
            {t('templates.addToCart', { name: template.name })}
          </Button>
          <Button variant="secondary" onClick={() => remove.mutate()} disabled={remove.isPending}>
            {t('templates.delete', { name: template.name })}
          </Button>
        </div>
      )}
    </Card>
  );
}

/** The dealer's order templates: save the cart as one, put one back into the cart at today's prices, delete. */
export function TemplatesScreen() {
  const viewer = useViewer();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const templates = useQuery({
    queryKey: ['templates'],
    queryFn: () => execute(OrderTemplatesDocument, { first: 50 }).then((d) => d.orderTemplates),
  });
  const save = useMutation({
    mutationFn: () => execute(SaveCartAsTemplateDocument, { name: name.trim() }),
    onSuccess: ({ saveCartAsTemplate }) => {
      const error = saveCartAsTemplate.userErrors[0];
      if (error) return setMessage({ tone: 'danger', text: error.message });
      setMessage({ tone: 'success', text: t('templates.saved', { name: saveCartAsTemplate.template?.name ?? name }) });
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['templates'] });
    },
    onError: (error) => setMessage({ tone: 'danger', text: error.message }),
  });
  const orderable = canOrder(viewer.data);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setMissing(true);
    save.mutate();
  };
  return (
    <>
      <PageTitle>{t('templates.title')}</PageTitle>
      <div aria-live="polite" className="mb-2">
        {message && (
          <Notice tone={message.tone}>
            {message.text}{' '}
            {message.toCart && (
              <Link to="/cart" className="underline">
                {t('quick.openCart')}
              </Link>
            )}
          </Notice>
        )}
      </div>
      {orderable && (
        <Card className="mb-4">
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
            <TextField
              className="min-w-0 flex-1"
              label={t('templates.name')}
              help={t('templates.nameHelp')}
              value={name}
              maxLength={100}
              error={missing ? t('templates.nameMissing') : undefined}
              onChange={(e) => {
                setName(e.target.value);
                setMissing(false);
              }}
            />
            <Button type="submit" disabled={save.isPending}>
              {t('templates.saveCart')}
            </Button>
          </form>
        </Card>
      )}
      {templates.isPending && <Loading />}
      {templates.error && <ErrorNotice error={templates.error} retry={() => void templates.refetch()} />}
      {templates.data && (
        <>
          {templates.data.nodes.length === 0 && <Notice>{t('templates.none')}</Notice>}
          <ul className="grid gap-3 md:grid-cols-2">
            {templates.data.nodes.map((template) => (
              <TemplateItem key={template.id} template={template} orderable={orderable} onDone={setMessage} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
