import { NotificationsDocument } from '@generated/graphql';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { type ReactNode, useEffect, useState } from 'react';
import { NavLink, Outlet } from 'react-router';

import { execute } from '../api/graphql';
import { canOrder, isStaff, useViewer } from '../api/hooks';
import { resetLive } from '../api/live';
import { signOut } from '../api/session';
import { t } from '../lib/i18n';
import { ErrorNotice, Notice } from './ui';

function Item({ to, children }: { to: string; children: ReactNode }) {
  return (
    <li>
      <NavLink
        to={to}
        end={to === '/'}
        className={({ isActive }: { isActive: boolean }) =>
          clsx(
            'flex min-h-9 items-center rounded px-2.5 py-1.5 text-sm font-medium whitespace-nowrap',
            isActive ? 'bg-white/20 text-white' : 'text-blue-50 hover:bg-white/10',
          )
        }
      >
        {children}
      </NavLink>
    </li>
  );
}

function useOnline() {
  const [online, setOnline] = useState(typeof navigator === 'undefined' || navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** The frame of every signed-in page: navigation by role, the page, the offline notice. */
export function Layout() {
  const viewer = useViewer();
  const online = useOnline();
  const me = viewer.data;
  const badge = useQuery({
    queryKey: ['notifications', 'badge'],
    queryFn: () => execute(NotificationsDocument, { first: 1 }).then((d) => d.notifications.unreadCount),
    enabled: !!me,
    staleTime: 30_000,
  });
  const unread = badge.data ?? 0;
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2">
        {t('app.skip')}
      </a>
      <header className="bg-brand-700 text-white">
        {/* Two rows at every width: who is signed in, then the menu, which wraps instead of overflowing (360 px to wide). */}
        <div className="mx-auto flex max-w-6xl flex-col gap-1 px-3 py-2">
          <div className="flex min-w-0 items-center gap-2">
            <span className="mr-auto text-lg font-bold">{t('app.name')}</span>
            <span className="hidden max-w-xs truncate text-sm text-blue-100 md:inline">{me?.email}</span>
            <NavLink
              to="/security"
              className={({ isActive }: { isActive: boolean }) =>
                clsx('rounded px-3 py-2 text-sm font-medium', isActive ? 'bg-white/20' : 'text-blue-50 hover:bg-white/10')
              }
            >
              {t('nav.security')}
            </NavLink>
            <button
              type="button"
              className="rounded px-3 py-2 text-sm font-medium whitespace-nowrap text-white hover:bg-white/10"
              onClick={() => {
                resetLive();
                void signOut();
              }}
            >
              {t('nav.signOut')}
            </button>
          </div>
          <nav aria-label={t('nav.menu')}>
            <ul className="flex flex-wrap gap-x-0.5 gap-y-1">
              <Item to="/">{t('nav.home')}</Item>
              {me?.dealer && <Item to="/catalog">{t('nav.catalog')}</Item>}
              {canOrder(me) && <Item to="/quick-order">{t('nav.quickOrder')}</Item>}
              {me?.dealer && <Item to="/cart">{t('nav.cart')}</Item>}
              <Item to="/orders">{t('nav.orders')}</Item>
              {me?.dealer && <Item to="/templates">{t('nav.templates')}</Item>}
              {isStaff(me) && <Item to="/approvals">{t('nav.approvals')}</Item>}
              {(me?.dealer || isStaff(me)) && <Item to="/special-prices">{t('nav.specialPrices')}</Item>}
              {me?.dealer && <Item to="/account">{t('nav.account')}</Item>}
              {isStaff(me) && <Item to="/dealers">{t('nav.dealers')}</Item>}
              {me?.role === 'DEALER_ADMIN' && <Item to="/users">{t('nav.users')}</Item>}
              {me?.role === 'ADMIN' && <Item to="/admin">{t('nav.admin')}</Item>}
              <Item to="/notifications">
                {t('nav.notifications')}
                {unread > 0 && (
                  <span className="ml-1 rounded-full bg-amber-400 px-1.5 text-xs font-bold text-slate-900">
                    <span aria-hidden>{unread}</span>
                    <span className="sr-only">{t('nav.unread', { count: unread })}</span>
                  </span>
                )}
              </Item>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-3 py-4 sm:px-4">
        {!online && <Notice tone="warning">{t('common.offline')}</Notice>}
        {/* The page loads its data beside the user's, not after it (no waterfall); it reads the user when it comes. */}
        {viewer.error ? <ErrorNotice error={viewer.error} retry={() => void viewer.refetch()} /> : <Outlet />}
      </main>
    </div>
  );
}
