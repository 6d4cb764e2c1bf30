import type { AlbumPage, Post, PostPage } from '@pictor/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const postKey = (postId: string) => ['post', postId] as const;

export function usePost(postId: string) {
  return useQuery({ queryKey: postKey(postId), queryFn: () => api.get<Post>(`/posts/${postId}`) });
}

/** Any cursor-paged list of posts (profile grid, archive, saved, album). */
export function usePostPages(key: readonly unknown[], path: string, enabled = true, limit = 24) {
  return useInfiniteQuery({
    queryKey: key,
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<PostPage>(path, { cursor: pageParam, limit }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAlbums(userId: string | undefined) {
  return useQuery({
    queryKey: ['albums', userId],
    enabled: Boolean(userId),
    queryFn: () => api.get<AlbumPage>(`/users/${userId}/albums`, { limit: 50 }),
  });
}

export function useArchivePost(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) =>
      archived ? api.post<Post>(`/posts/${postId}/archive`) : api.delete<Post>(`/posts/${postId}/archive`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: postKey(postId) });
      void client.invalidateQueries({ queryKey: ['posts'] });
    },
  });
}

export function useDeletePost(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`/posts/${postId}`),
    onSuccess: () => {
      client.removeQueries({ queryKey: postKey(postId) });
      void client.invalidateQueries({ queryKey: ['posts'] });
      void client.invalidateQueries({ queryKey: ['feed'] });
    },
  });
}
