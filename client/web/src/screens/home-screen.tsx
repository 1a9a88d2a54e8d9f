import { MyOrdersDocument } from '@generated/graphql';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';

import { execute } from '../api/graphql';
import { isStaff, useViewer, type Viewer } from '../api/hooks';
import { Badge, Card, Notice, PageTitle } from '../components/ui';
import { creditGauge } from '../domain/credit-gauge';
import { formatDate, formatMoney, t, tKnown } from '../lib/i18n';

type Credit = NonNullable<NonNullable<Viewer['dealer']>['credit']>;

function CreditGauge({ credit }: { credit: Credit }) {
  const gauge = creditGauge({
    limit: credit.limit.amount,
    openBalance: credit.openBalance.amount,
    pendingOrders: credit.pendingOrders.amount,
    available: credit.available.amount,
  });
  const currency = credit.limit.currency;
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{t('home.credit')}</h2>
      <div
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={gauge.usedPercent}
        aria-label={t('home.used', { percent: gauge.usedPercent })}
        className="flex h-4 overflow-hidden rounded-full bg-green-100"
      >
        <div className="bg-brand-700" style={{ width: `${gauge.balancePercent}%` }} />
        <div className="bg-amber-500" style={{ width: `${gauge.pendingPercent}%` }} />
      </div>
      <p className="mt-1 text-sm text-slate-600">{t('home.used', { percent: gauge.usedPercent })}</p>
      <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t('home.limit')}</dt>
          <dd className="font-semibold">{formatMoney(credit.limit.amount, currency)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t('home.openBalance')}</dt>
          <dd className="font-semibold">{formatMoney(credit.openBalance.amount, currency)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t('home.pendingOrders')}</dt>
          <dd className="font-semibold">{formatMoney(credit.pendingOrders.amount, currency)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t('home.available')}</dt>
          <dd className="text-lg font-bold">{formatMoney(credit.available.amount, currency)}</dd>
        </div>
      </dl>
      {Number(credit.overdue.amount) > 0 && (
        <div className="mt-3">
          <Notice tone="warning">
            {t('home.overdue', { amount: formatMoney(credit.overdue.amount, currency), days: credit.oldestOverdueDays })}
          </Notice>
        </div>
      )}
      {credit.status !== 'OK' && (
        <div className="mt-2">
          <Notice tone={credit.status === 'WARNING' ? 'warning' : 'danger'}>{tKnown(`home.status.${credit.status}`, credit.status)}</Notice>
        </div>
      )}
    </Card>
  );
}

/** The start page: credit at a glance and recent orders for dealers; the way to approvals for staff. */
export function HomeScreen() {
  const { data: viewer } = useViewer();
  const recent = useQuery({
    queryKey: ['orders', 'recent'],
    queryFn: () => execute(MyOrdersDocument, { first: 5 }),
    enabled: !!viewer?.dealer,
  });
  if (!viewer) return null;
  return (
    <>
      <PageTitle>{t('home.title', { name: viewer.dealer?.name ?? viewer.fullName })}</PageTitle>
      {isStaff(viewer) && (
        <Notice>
          {t('home.staff', { role: viewer.role })} <Link to="/approvals">{t('home.openInbox')}</Link>
        </Notice>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {viewer.dealer?.credit && <CreditGauge credit={viewer.dealer.credit} />}
        {viewer.dealer && (
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t('home.recentOrders')}</h2>
            <ul className="divide-y divide-slate-200">
              {recent.data?.orders.nodes.map((order) => (
                <li key={order.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <Link to={`/orders/${order.id}`} className="font-semibold text-brand-700 underline">
                    {order.number}
                  </Link>
                  <span className="text-slate-600">{formatDate(order.placedAt)}</span>
                  <Badge value={order.status}>{t(`status.${order.status}`)}</Badge>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
