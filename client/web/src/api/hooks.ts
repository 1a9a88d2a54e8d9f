import { MyDealerDocument, type MyDealerQuery } from '@generated/graphql';
import { useQuery } from '@tanstack/react-query';

import { execute } from './graphql';

export type Viewer = NonNullable<MyDealerQuery['me']>;

export const STAFF_ROLES = new Set(['SALES_REP', 'REGIONAL_MANAGER', 'SALES_DIRECTOR', 'FINANCE', 'GENERAL_MANAGER', 'ADMIN']);

/** The viewer query's key and fetch, shared by the hook and the landing preload. */
export const viewerQuery = {
  queryKey: ['viewer'],
  queryFn: () => execute(MyDealerDocument).then((data) => data.me),
  staleTime: 30_000,
};

/** The signed-in user, their dealer and its credit (null for staff's dealer). */
export function useViewer() {
  return useQuery(viewerQuery);
}

export const isStaff = (viewer: Viewer | null | undefined) => !!viewer && STAFF_ROLES.has(viewer.role);
export const canOrder = (viewer: Viewer | null | undefined) => !!viewer?.dealer && viewer.role !== 'VIEW_ONLY';
