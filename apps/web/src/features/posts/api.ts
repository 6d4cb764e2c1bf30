import type { Album, AlbumPage, AlbumWithPosts, FeedPage, Post, PostPage, PostWithEngagement, UpdatePostBody } from '@pictor/contract';
import { type InfiniteData, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useCursorPages } from '../../api/pages';

export const postKey = (postId: string) => ['post', postId] as const;
const albumKey = (albumId: string) => ['posts', 'album', albumId] as const;

/** GET /posts/{id} answers the post with its counts and what the viewer did with it. */
export function usePost(postId: string) {
  return useQuery({ queryKey: postKey(postId), queryFn: () => api.get<PostWithEngagement>(`/posts/${postId}`) });
}

/** A post just published has no likes, comments or saves yet: what the post page shows before it refetches. */
export function freshPost(post: Post): PostWithEngagement {
  return {
    ...post, userId: post.author.id, username: post.author.username, timestamp: post.createdAt,
    likes: 0, comments: 0, viewerHasLiked: false, viewerHasSaved: false,
  };
}

/**
 * After a like, a save or an edit, every cached copy of the post says so (its page and the feed
 * pages), so going back to the feed does not show the old heart or caption; nothing is fetched again.
 */
export function patchCachedPost(client: QueryClient, postId: string, patch: Partial<PostWithEngagement>) {
  const apply = (post: PostWithEngagement) => (post.id === postId ? { ...post, ...patch } : post);
  client.setQueryData<PostWithEngagement>(postKey(postId), (old) => old && apply(old));
  client.setQueriesData<InfiniteData<FeedPage>>({ queryKey: ['feed'] }, (data) =>
    data && { ...data, pages: data.pages.map((page) => ({ ...page, posts: page.posts.map(apply) })) },
  );
}

/** Any cursor-paged list of posts (profile grid, archive, saved, album). */
export const usePostPages = (key: readonly unknown[], path: string) => useCursorPages<PostPage>(key, path, { limit: 24 });

/** Lists that show a post: the feed, grids, albums. */
function refreshLists(client: QueryClient) {
  void client.invalidateQueries({ queryKey: ['posts'] });
  void client.invalidateQueries({ queryKey: ['feed'] });
}

export function useArchivePost(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) =>
      archived ? api.post<Post>(`/posts/${postId}/archive`) : api.delete<Post>(`/posts/${postId}/archive`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: postKey(postId) });
      refreshLists(client);
    },
  });
}

export function useDeletePost(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`/posts/${postId}`),
    onSuccess: () => {
      client.removeQueries({ queryKey: postKey(postId) });
      refreshLists(client);
    },
  });
}

/** PATCH answers the whole post as its page shows it to the owner, counts included: every cached copy becomes the answer. */
export function useEditPost(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePostBody) => api.patch<PostWithEngagement>(`/posts/${postId}`, body),
    onSuccess: (post) => {
      patchCachedPost(client, postId, post);
      // Grids label their tiles with the caption; the edit does not move the post in any list.
      void client.invalidateQueries({ queryKey: ['posts'] });
    },
  });
}

/** An album with its posts, 60 at a time; every page repeats the album itself. */
export function useAlbum(albumId: string) {
  return useInfiniteQuery({
    queryKey: albumKey(albumId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<AlbumWithPosts>(`/albums/${albumId}`, { cursor: pageParam, limit: 60 }),
    getNextPageParam: (last) => last.posts.nextCursor,
  });
}

/** Someone's albums, 50 at a time: the profile's Albums tab and the picker in a post's menu. */
export const useAlbums = (userId: string) => useCursorPages<AlbumPage>(['albums', userId], `/users/${userId}/albums`, { limit: 50 });

function refreshAlbums(client: QueryClient, albumId?: string) {
  void client.invalidateQueries({ queryKey: ['albums'] });
  if (albumId) void client.invalidateQueries({ queryKey: albumKey(albumId) });
}

export function useCreateAlbum() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<Album>('/albums', { name }),
    onSuccess: () => refreshAlbums(client),
  });
}

export function useRenameAlbum(albumId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.patch<Album>(`/albums/${albumId}`, { name }),
    onSuccess: () => refreshAlbums(client, albumId),
  });
}

export function useDeleteAlbum(albumId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`/albums/${albumId}`),
    onSuccess: () => {
      client.removeQueries({ queryKey: albumKey(albumId) });
      refreshAlbums(client);
    },
  });
}

/** Puts one of the owner's posts in an album, or takes it out; both are idempotent. */
export function useAlbumPost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ albumId, postId, add }: { albumId: string; postId: string; add: boolean }) =>
      add ? api.put<Album>(`/albums/${albumId}/posts/${postId}`) : api.delete<Album>(`/albums/${albumId}/posts/${postId}`),
    onSuccess: (_album, { albumId }) => refreshAlbums(client, albumId),
  });
}
