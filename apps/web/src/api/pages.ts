import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Query } from './client';

/** Any list the API pages with an opaque cursor: each page asks with the previous page's nextCursor. */
export function useCursorPages<Page extends { nextCursor: string | null }>(key: readonly unknown[], path: string, query: Query, enabled = true) {
  return useInfiniteQuery({
    queryKey: key,
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page>(path, { ...query, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
