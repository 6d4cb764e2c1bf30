import type { Comment, CommentPage, CreateCommentBody, LikeResult, SaveResult } from '@pictor/contract';
import { type InfiniteData, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useCursorPages } from '../../api/pages';
import { useUserPages } from '../profile/api';

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

/** Who liked a post, most recent first, a page at a time like every other list of people. */
export const useLikers = (postId: string, enabled = true) => useUserPages(['likers', postId], `/posts/${postId}/likes`, enabled);

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
