import { MyOrdersDocument, OrderUpdatedDocument } from '@generated/graphql';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';

import { execute } from '../api/graphql';
import { useLive } from '../api/use-live';
import { Badge, Button, ErrorNotice, Loading, Notice, PageTitle } from '../components/ui';
import { formatDate, formatMoney, t } from '../lib/i18n';

const STATUSES = ['PENDING_APPROVAL', 'APPROVED', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED'] as const;

/** The dealer's orders (staff: the orders they may see), newest first, with live status. */
export function OrdersScreen() {
  const [status, setStatus] = useState<string>('');
  const [after, setAfter] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const orders = useQuery({
    queryKey: ['orders', status, after],
    queryFn: () =>
      execute(MyOrdersDocument, { first: 25, after, filter: status ? { status: [status as (typeof STATUSES)[number]] } : null }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['orders'] });
  useLive(OrderUpdatedDocument, {}, refresh, refresh);
  const data = orders.data?.orders;
  return (
    <>
      <PageTitle
        aside={
          <label className="flex items-center gap-2 text-sm">
            {t('orders.filter')}
            <select
              value={status}
              onChange={(e) => {
                setStatus(e.target.value);
                setAfter(null);
              }}
              className="min-h-11 rounded-md border border-slate-400 bg-white px-2"
            >
              <option value="">{t('orders.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
        }
      >
        {t('orders.title')}
      </PageTitle>
      {orders.isPending && <Loading />}
      {orders.error && <ErrorNotice error={orders.error} retry={() => void orders.refetch()} />}
      {data && data.nodes.length === 0 && <Notice>{t('orders.none')}</Notice>}
      {data && data.nodes.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th className="p-2">{t('orders.number')}</th>
                <th className="p-2">{t('orders.placed')}</th>
                <th className="p-2">{t('orders.status')}</th>
                <th className="p-2 text-right">{t('orders.total')}</th>
              </tr>
            </thead>
            <tbody>
              {data.nodes.map((order) => (
                <tr key={order.id} className="border-t border-slate-200">
                  <td className="p-2">
                    <Link className="font-semibold text-brand-700 underline" to={`/orders/${order.id}`}>
                      {order.number}
                    </Link>
                  </td>
                  <td className="p-2">{formatDate(order.placedAt)}</td>
                  <td className="p-2">
                    <Badge value={order.status}>{t(`status.${order.status}`)}</Badge>
                  </td>
                  <td className="p-2 text-right">{formatMoney(order.total.amount, order.total.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data?.pageInfo.hasNextPage && (
        <div className="mt-3">
          <Button variant="secondary" onClick={() => setAfter(data.pageInfo.endCursor ?? null)}>
            {t('common.next')}
          </Button>
        </div>
      )}
    </>
  );
}
