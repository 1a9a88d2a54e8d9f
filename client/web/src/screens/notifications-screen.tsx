import {
  MarkNotificationsReadDocument,
  NotificationAddedDocument,
  NotificationsDocument,
  type NotificationsQuery,
} from '@generated/graphql';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';

import { execute } from '../api/graphql';
import { useLive } from '../api/use-live';
import { PushToggle } from '../components/push-toggle';
import { Button, Card, ErrorNotice, Loading, Notice, PageTitle } from '../components/ui';
import { formatDate, t, tKnown } from '../lib/i18n';

type Entry = NotificationsQuery['notifications']['nodes'][number];

/** One line about an event: what happened to which order (or special price request). */
function describe(entry: Entry): string {
  const subject = entry.order?.number ?? entry.specialPriceRequest?.sku ?? entry.orderId;
  const status = entry.status ? tKnown(`status.${entry.status}`, entry.status) : '';
  const text = tKnown(`notification.${entry.type}`, t('notification.other', { type: entry.type.toLowerCase().replace(/_/g, ' ') }), {
    subject,
    status,
    level: entry.level ?? '',
  });
  return entry.reason ? `${text} ${t('notification.reason', { reason: entry.reason })}` : text;
}

/** The caller's notification centre, newest first and live: unread marked, read one or all. */
export function NotificationsScreen() {
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const feed = useQuery({
    queryKey: ['notifications', unreadOnly],
    queryFn: () => execute(NotificationsDocument, { first: 50, unreadOnly: unreadOnly || null }).then((d) => d.notifications),
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const live = useLive(NotificationAddedDocument, {}, reload, reload);
  const mark = useMutation({
    mutationFn: (ids: string[] | null) => execute(MarkNotificationsReadDocument, { eventIds: ids, all: ids ? null : true }),
    onSuccess: reload,
  });
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
        {t('notifications.title')}
      </PageTitle>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" className="size-5" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
          {t('notifications.unreadOnly')}
        </label>
        <Button variant="secondary" disabled={!feed.data?.unreadCount || mark.isPending} onClick={() => mark.mutate(null)}>
          {t('notifications.markAll')}
        </Button>
        <PushToggle />
      </div>
      {feed.isPending && <Loading />}
      {feed.error && <ErrorNotice error={feed.error} retry={() => void feed.refetch()} />}
      {feed.data && (
        <>
          <p className="mb-2 text-sm text-slate-600" role="status">
            {t('notifications.unread', { count: feed.data.unreadCount })}
          </p>
          {feed.data.nodes.length === 0 && <Notice>{t('notifications.none')}</Notice>}
          <ul className="flex flex-col gap-2">
            {feed.data.nodes.map((entry) => (
              <Card
                as="li"
                key={entry.id}
                className={
                  entry.read ? 'flex flex-wrap items-center gap-2' : 'flex flex-wrap items-center gap-2 border-l-4 border-l-brand-600'
                }
              >
                <div className="min-w-0 flex-1 text-sm">
                  <p className={entry.read ? undefined : 'font-semibold'}>
                    {!entry.read && <span className="sr-only">{t('notifications.new')} </span>}
                    {describe(entry)}
                  </p>
                  <p className="text-slate-600">{formatDate(entry.at)}</p>
                </div>
                {entry.order && (
                  <Link to={`/orders/${entry.order.id}`} className="text-sm text-brand-700 underline">
                    {t('cart.openOrder', { number: entry.order.number })}
                  </Link>
                )}
                {!entry.read && (
                  <Button variant="secondary" onClick={() => mark.mutate([entry.id])} disabled={mark.isPending}>
                    {t('notifications.markRead')}
                  </Button>
                )}
              </Card>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
