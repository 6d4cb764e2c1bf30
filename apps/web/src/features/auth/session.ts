import type { Me, SessionResponse, SignInBody, SignUpBody } from '@pictor/contract';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

export const meKey = ['me'] as const;

/** The signed-in account, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>('/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** A session began or ended: nothing cached for the last person may show to the next. */
export function switchSession(client: QueryClient, me: Me | null) {
  client.clear();
  client.setQueryData(meKey, me);
}

/**
 * Whether `viewerId` is still the one signed in. A request's answer that comes back after a
 * switch of session is the last person's: check this before writing it into the caches,
 * which are the next person's by then (switchSession emptied them and their pages refilled them).
 */
export function stillSignedInAs(client: QueryClient, viewerId: string): boolean {
  return client.getQueryData<Me | null>(meKey)?.id === viewerId;
}

/** Signing in and signing up both answer a new session. */
function useStartSession<Body>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.post<SessionResponse>(path, body),
    onSuccess: (session) => switchSession(client, session.user),
  });
}

export const useSignIn = () => useStartSession<SignInBody>('/auth/login');
export const useSignUp = () => useStartSession<SignUpBody>('/auth/signup');

export function useSignOut(everywhere = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(everywhere ? '/auth/logout-all' : '/auth/logout'),
    onSettled: () => switchSession(client, null),
  });
}

/**
 * Where to go after signing in: `?next=` only when it is a path on this site. React Router
 * refuses to navigate off-site ("//elsewhere" included) by throwing, so a crafted link would
 * otherwise end on an error screen instead of the feed.
 */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next?.startsWith('/')) return '/';
  const url = new URL(next, window.location.origin);
  return url.origin === window.location.origin ? url.pathname + url.search + url.hash : '/';
}
