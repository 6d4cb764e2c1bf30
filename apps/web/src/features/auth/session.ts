import type { Me, SessionResponse, SignInBody, SignUpBody } from '@pictor/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInBody) => api.post<SessionResponse>('/auth/login', body),
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(meKey, session.user);
    },
  });
}

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignUpBody) => api.post<SessionResponse>('/auth/signup', body),
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(meKey, session.user);
    },
  });
}

export function useSignOut(everywhere = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(everywhere ? '/auth/logout-all' : '/auth/logout'),
    onSettled: () => {
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}
