import { DealerLookupDocument } from '@generated/graphql';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { execute } from '../api/graphql';
import { Badge, Card, ErrorNotice, Loading, Notice, PageTitle, TextField } from '../components/ui';
import { formatMoney, t } from '../lib/i18n';

const CREDIT_BADGE: Record<string, string> = { OK: 'APPROVED', WARNING: 'PENDING_APPROVAL', RESTRICTED: 'REJECTED', BLOCKED: 'REJECTED' };

/** Staff: find a dealer by name or code and see its credit risk (utilisation, overdue, status, policy). */
export function DealersScreen() {
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const dealers = useQuery({
    queryKey: ['dealers', term],
    queryFn: () => execute(DealerLookupDocument, { first: 25, filter: { search: term || null } }).then((d) => d.dealers),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageTitle>{t('dealers.title')}</PageTitle>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="mb-4">
        <TextField
          label={t('dealers.search')}
          help={t('dealers.searchHelp')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </form>
      {dealers.isPending && <Loading />}
      {dealers.error && <ErrorNotice error={dealers.error} retry={() => void dealers.refetch()} />}
      {dealers.data && (
        <>
          <p className="mb-2 text-sm text-slate-600" role="status">
            {t('dealers.results', { count: dealers.data.totalCount })}
          </p>
          {dealers.data.nodes.length === 0 && <Notice>{t('dealers.none')}</Notice>}
          <ul className="grid gap-3 md:grid-cols-2" aria-busy={dealers.isFetching}>
            {dealers.data.nodes.map((dealer) => {
              const credit = dealer.credit;
              return (
                <Card as="li" key={dealer.id} className="flex flex-col gap-1 text-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 className="text-base font-semibold">{dealer.name}</h2>
                    {credit && <Badge value={CREDIT_BADGE[credit.status] ?? credit.status}>{t(`creditStatus.${credit.status}`)}</Badge>}
                  </div>
                  <p className="text-slate-600">
                    {t('dealers.line', { code: dealer.code, tier: dealer.tier, region: dealer.region, city: dealer.city })}
                  </p>
                  {credit ? (
                    <>
                      <p>
                        {t('dealers.credit', {
                          available: formatMoney(credit.available.amount, credit.available.currency),
                          limit: formatMoney(credit.limit.amount, credit.limit.currency),
                          percent: credit.summary.utilisationPercent === null ? '—' : Math.round(credit.summary.utilisationPercent),
                        })}
                      </p>
                      {credit.overdue.amount !== '0.00' && (
                        <p className="text-red-800">
                          {t('dealers.overdue', {
                            amount: formatMoney(credit.overdue.amount, credit.overdue.currency),
                            days: credit.oldestOverdueDays,
                          })}
                        </p>
                      )}
                      <p className="text-slate-600">{t('dealers.policy', { policy: credit.exceedancePolicy })}</p>
                    </>
                  ) : (
                    <p className="text-slate-600">{t('dealers.noCredit')}</p>
                  )}
                </Card>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
