import type { AlbumWithPosts, FeedPage, Post, PostPage, UserSearchResults, UserSummary } from '@pictor/contract';
import { type InfiniteData, keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/** The #tag or @name being typed at the caret, if any. */
export function tokenAt(text: string, caret: number): { start: number; word: string } | null {
  const match = /[@#][\p{L}\p{N}_.]*$/u.exec(text.slice(0, caret));
  if (!match || (match.index > 0 && !/\s/.test(text[match.index - 1]!))) return null;
  return { start: match.index, word: match[0] };
}

/** `value`, once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const startsWith = (prefix: string) => (user: UserSummary) =>
  user.username.startsWith(prefix) || user.displayName.toLowerCase().startsWith(prefix);

/**
 * Accounts for an @mention being typed, from GET /users/search, asked once typing pauses.
 * While the next answer is on its way the previous one stays, narrowed to what still matches,
 * so the list does not flicker with each key.
 */
export function useMentionSuggestions(prefix: string | null): UserSummary[] {
  const settled = useDebounced(prefix, 200);
  const search = useQuery({
    queryKey: ['user-search', settled],
    enabled: Boolean(settled),
    queryFn: () => api.get<UserSearchResults>('/users/search', { q: settled, limit: 8 }),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
  if (!prefix) return [];
  return (search.data?.items ?? []).filter(startsWith(prefix));
}

/** The posts of one cached page: a grid's, the feed's or an album's. */
const postsOf = (page: PostPage | FeedPage | AlbumWithPosts): Post[] =>
  'items' in page ? page.items : Array.isArray(page.posts) ? page.posts : page.posts.items;

/** Hashtags the viewer has already seen in loaded posts (the feed, grids, albums): cheap, local suggestions. */
export function useHashtagSuggestions(prefix: string | null): string[] {
  const client = useQueryClient();
  if (prefix === null) return [];
  const tags = new Set<string>();
  const lists = client.getQueriesData<InfiniteData<PostPage | FeedPage | AlbumWithPosts>>({
    predicate: (query) => query.queryKey[0] === 'posts' || query.queryKey[0] === 'feed',
  });
  for (const [, data] of lists) {
    for (const page of data?.pages ?? []) for (const post of postsOf(page)) for (const tag of post.hashtags) tags.add(tag.replace(/^#/, ''));
  }
  return [...tags].filter((t) => t.startsWith(prefix) && t !== prefix).slice(0, 5);
}
