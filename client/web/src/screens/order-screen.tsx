import { OrderPageDocument, OrderUpdatedDocument } from '@generated/graphql';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';

import { execute } from '../api/graphql';
import { canOrder, useViewer } from '../api/hooks';
import { useLive } from '../api/use-live';
import { Badge, Card, ErrorNotice, Loading, Notice, PageTitle } from '../components/ui';
import { formatDate, formatMoney, t } from '../lib/i18n';
import { OrderActions } from './order-actions';

/** One order: status (live), lines, approval progress, history. Another dealer's order is "not found". */
export function OrderScreen() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const order = useQuery({ queryKey: ['order', id], queryFn: () => execute(OrderPageDocument, { id }).then((d) => d.order) });
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['order', id] });
  const live = useLive(OrderUpdatedDocument, order.data ? { orderId: id } : null, reload, reload);
  if (order.isPending) return <Loading />;
  if (order.error) return <ErrorNotice error={order.error} retry={() => void order.refetch()} />;
  const o = order.data;
  if (!o)
    return (
      <>
        <PageTitle>{t('notFound.title')}</PageTitle>
        <Notice tone="warning">{t('order.notFound')}</Notice>
      </>
    );
  return (
    <>
      <PageTitle
        aside={
          <span className="flex items-center gap-2 text-sm">
            <span aria-hidden className={live ? 'size-2 rounded-full bg-green-600' : 'size-2 rounded-full bg-slate-400'} />
            {live ? t('common.live') : t('common.notLive')}
          </span>
        }
      >
        {t('order.title', { number: o.number })}
      </PageTitle>
      <div className="mb-4 flex flex-wrap items-center gap-3" aria-live="polite">
        <Badge value={o.status}>
          <span data-testid="order-status">{t(`status.${o.status}`)}</span>
        </Badge>
        <span className="text-sm text-slate-600">{t('order.placedAt', { date: formatDate(o.placedAt) })}</span>
        {o.poNumber && <span className="text-sm text-slate-600">{t('order.po', { po: o.poNumber })}</span>}
        <span className="ml-auto text-lg font-bold">{formatMoney(o.total.amount, o.total.currency)}</span>
      </div>
      {o.rejection && <Notice tone="danger">{t('order.rejected', { reason: o.rejection.reason })}</Notice>}
      {o.warning && <Notice tone="warning">{o.warning}</Notice>}
      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <Card>
          <h2 className="mb-2 font-semibold">{t('order.lines')}</h2>
          <ul className="divide-y divide-slate-200">
            {o.lines.map((line) => (
              <li key={line.id} className="flex justify-between gap-2 py-2 text-sm">
                <span>
                  <span className="font-medium">{line.name}</span> <span className="text-slate-600">{line.sku}</span>
                  <br />
                  {line.quantity} × {formatMoney(line.unitPrice.amount, line.unitPrice.currency)}
                </span>
                <span className="font-semibold">{formatMoney(line.lineTotal.amount, line.lineTotal.currency)}</span>
              </li>
            ))}
          </ul>
        </Card>
        <div className="flex flex-col gap-4">
          {canOrder(viewer.data) && <OrderActions orderId={o.id} number={o.number} />}
          {o.approvalSteps.length > 0 && (
            <Card>
              <h2 className="mb-2 font-semibold">{t('order.approval')}</h2>
              {o.status === 'PENDING_APPROVAL' && o.estimatedDecisionAt && (
                <p className="mb-2 text-sm">{t('order.estimatedDecision', { date: formatDate(o.estimatedDecisionAt) })}</p>
              )}
              <ol className="flex flex-col gap-1 text-sm">
                {o.approvalSteps.map((step) => (
                  <li key={step.position}>
                    <Badge value={step.status === 'APPROVED' ? 'APPROVED' : step.status === 'REJECTED' ? 'REJECTED' : 'PENDING_APPROVAL'}>
                      {step.status}
                    </Badge>{' '}
                    {t('order.step', { level: step.level, role: step.role, reason: step.reason })}
                  </li>
                ))}
              </ol>
            </Card>
          )}
          <Card>
            <h2 className="mb-2 font-semibold">{t('order.history')}</h2>
            <ol className="flex flex-col gap-1 text-sm">
              {o.statusHistory.map((change, i) => (
                <li key={i}>
                  {formatDate(change.at)}: {t(`status.${change.status}`)}
                  {change.comment ? ` (${change.comment})` : ''}
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
