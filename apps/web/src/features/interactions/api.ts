import type { Comment, CommentPage, CreateCommentBody, LikeResult, LikerPage, SaveResult } from '@pictor/contract';
import { type InfiniteData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useCursorPages } from '../../api/pages';

export const like = (postId: string, on: boolean) =>
  on ? api.post<LikeResult>(`/posts/${postId}/like`) : api.delete<LikeResult>(`/posts/${postId}/like`);
export const save = (postId: string, on: boolean) =>
  on ? api.post<SaveResult>(`/posts/${postId}/save`) : api.delete<SaveResult>(`/posts/${postId}/save`);

/** Likes a comment or takes the like back; answers the comment with its new count. */
export const likeComment = (postId: string, commentId: string, on: boolean) =>
  on ? api.post<Comment>(`/posts/${postId}/comments/${commentId}/like`) : api.delete<Comment>(`/posts/${postId}/comments/${commentId}/like`);

/** A comment's new like and count, in whichever cached page of its thread holds it. */
export function patchCachedComment(client: QueryClient, postId: string, comment: Comment) {
  const patch = { viewerHasLiked: comment.viewerHasLiked, likes: comment.likes };
  client.setQueriesData<InfiniteData<CommentPage>>({ queryKey: ['comments', postId] }, (data) =>
    data && { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((c) => (c.id === comment.id ? { ...c, ...patch } : c)) })) },
  );
}

export function useLikers(postId: string, enabled = true) {
  return useQuery({ queryKey: ['likers', postId], enabled, queryFn: () => api.get<LikerPage>(`/posts/${postId}/likes`, { limit: 50 }) });
}

export function useComments(postId: string, parentId: string | null = null) {
  const path = parentId ? `/posts/${postId}/comments/${parentId}/replies` : `/posts/${postId}/comments`;
  return useCursorPages<CommentPage>(['comments', postId, parentId], path, { limit: 20 });
}

export function useAddComment(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentBody) => api.post<Comment>(`/posts/${postId}/comments`, body),
    onSuccess: (comment) => {
      void client.invalidateQueries({ queryKey: ['comments', postId, comment.parentId] });
      if (comment.parentId) void client.invalidateQueries({ queryKey: ['comments', postId, null] });
    },
  });
}

export function useDeleteComment(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => api.delete<void>(`/posts/${postId}/comments/${commentId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['comments', postId] }),
  });
}
