import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useSyncExternalStore } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';

import { RequestError } from './api/graphql';
import { viewerQuery } from './api/hooks';
import { onSessionChange, resumeSession, type SessionState, sessionState } from './api/session';
import { Layout } from './components/layout';
import { Loading } from './components/ui';
import { ACCEPT_INVITATION_PATH } from './lib/invitation-link';
import { catalogArgsOf, catalogPageQuery } from './screens/catalog-query';

// Each screen is its own chunk: the first page loads the shell and the screen it shows.
const screen = <K extends string, P extends object = object>(load: () => Promise<Record<K, (props: P) => ReactNode>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
const loadHome = () => import('./screens/home-screen');
const loadCatalog = () => import('./screens/catalog-screen');
const HomeScreen = screen(loadHome, 'HomeScreen');
const CatalogScreen = screen(loadCatalog, 'CatalogScreen');
const CartScreen = screen(() => import('./screens/cart-screen'), 'CartScreen');
const QuickOrderScreen = screen(() => import('./screens/quick-order-screen'), 'QuickOrderScreen');
const OrdersScreen = screen(() => import('./screens/orders-screen'), 'OrdersScreen');
const OrderScreen = screen(() => import('./screens/order-screen'), 'OrderScreen');
const ApprovalsScreen = screen(() => import('./screens/approvals-screen'), 'ApprovalsScreen');
const ProductScreen = screen(() => import('./screens/product-screen'), 'ProductScreen');
const TemplatesScreen = screen(() => import('./screens/templates-screen'), 'TemplatesScreen');
const SpecialPricesScreen = screen(() => import('./screens/special-prices-screen'), 'SpecialPricesScreen');
const AccountScreen = screen(() => import('./screens/account-screen'), 'AccountScreen');
const UsersScreen = screen(() => import('./screens/users-screen'), 'UsersScreen');
const SecurityScreen = screen(() => import('./screens/security-screen'), 'SecurityScreen');
const NotificationsScreen = screen(() => import('./screens/notifications-screen'), 'NotificationsScreen');
const DealersScreen = screen(() => import('./screens/dealers-screen'), 'DealersScreen');
const AdminScreen = screen(() => import('./screens/admin-screen'), 'AdminScreen');
const NotFoundScreen = screen(() => import('./screens/not-found-screen'), 'NotFoundScreen');
const SignInScreen = screen(() => import('./screens/sign-in-screen'), 'SignInScreen');
const AcceptInvitationScreen = screen(() => import('./screens/accept-invitation-screen'), 'AcceptInvitationScreen');
const MfaEnrolmentScreen = screen(() => import('./screens/mfa-enrolment-screen'), 'MfaEnrolmentScreen');

const page = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: page(<HomeScreen />) },
      { path: 'catalog', element: page(<CatalogScreen />) },
      { path: 'products/:sku', element: page(<ProductScreen />) },
      { path: 'cart', element: page(<CartScreen />) },
      { path: 'quick-order', element: page(<QuickOrderScreen />) },
      { path: 'orders', element: page(<OrdersScreen />) },
      { path: 'orders/:id', element: page(<OrderScreen />) },
      { path: 'approvals', element: page(<ApprovalsScreen />) },
      { path: 'templates', element: page(<TemplatesScreen />) },
      { path: 'special-prices', element: page(<SpecialPricesScreen />) },
      { path: 'account', element: page(<AccountScreen />) },
      { path: 'users', element: page(<UsersScreen />) },
      { path: 'security', element: page(<SecurityScreen />) },
      { path: 'notifications', element: page(<NotificationsScreen />) },
      { path: 'dealers', element: page(<DealersScreen />) },
      { path: 'admin', element: page(<AdminScreen />) },
      { path: '*', element: page(<NotFoundScreen />) },
    ],
  },
]);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal will not change on retry; a network or server failure may.
      retry: (count, error) => count < 2 && (!(error instanceof RequestError) || ['NETWORK', 'SERVICE_UNAVAILABLE'].includes(error.code)),
    },
  },
});

/**
 * The landing page's code and data are asked for while the session is restored, instead of one after
 * the other (script, refresh, route chunk, viewer, page query): the largest paint waits on the slowest
 * of them, not on their sum.
 */
function preloadLanding() {
  const { pathname, search } = window.location;
  const landing = pathname === '/' ? loadHome : pathname === '/catalog' ? loadCatalog : null;
  void landing?.().catch(() => undefined);
  void resumeSession().then(() => {
    if (sessionState().kind !== 'signed-in') return;
    void queryClient.prefetchQuery(viewerQuery);
    if (pathname === '/catalog') void queryClient.prefetchQuery(catalogPageQuery(catalogArgsOf(new URLSearchParams(search))));
  });
}
preloadLanding();

const subscribeSession = (onChange: () => void) => {
  const stop = onSessionChange(onChange);
  return () => void stop();
};

/**
 * The session as the app renders it. useSyncExternalStore, not a state copy subscribed in an effect:
 * the session is resumed before the first render (preloadLanding), and a change that landed between
 * that render and the effect would be missed, leaving the page on "Loading…" for good.
 */
function useSession(): SessionState {
  const state = useSyncExternalStore(subscribeSession, sessionState);
  useEffect(() => void resumeSession(), []);
  return state;
}

export function App() {
  const session = useSession();
  useEffect(() => {
    if (session.kind === 'signed-out') queryClient.clear();
  }, [session.kind]);
  // An invitation link opens its own page, signed in or not (the new account signs in from there).
  const accepting = window.location.pathname === ACCEPT_INVITATION_PATH && session.kind !== 'mfa-enrolment';
  if (accepting) return <QueryClientProvider client={queryClient}>{page(<AcceptInvitationScreen />)}</QueryClientProvider>;
  return (
    <QueryClientProvider client={queryClient}>
      {session.kind === 'unknown' && (
        <main id="main" className="p-6">
          <Loading />
        </main>
      )}
      {session.kind === 'signed-out' && page(<SignInScreen ended={!!session.reason} />)}
      {session.kind === 'mfa-enrolment' && page(<MfaEnrolmentScreen />)}
      {session.kind === 'signed-in' && <RouterProvider router={router} />}
    </QueryClientProvider>
  );
}
