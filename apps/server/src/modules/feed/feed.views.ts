import { PostWithEngagement } from '@pictor/contract';
import { Type } from '@sinclair/typebox';
import { compileOpenObjectJson } from '../../platform/http/open-object-json.js';
import type { MediaUrl } from '../../platform/media-url.js';
import type { User } from '../accounts/public.js';
import type { ViewerState } from '../interactions/public.js';
import { type Post, type PresentPost, withEngagement } from '../posts/public.js';
import type { FeedItem } from './feed-items.js';

/** What a feed post shows that does not change from one reader or request to the next. */
const PostFixedFields = Type.Omit(PostWithEngagement, ['likes', 'comments', 'viewerHasLiked', 'viewerHasSaved']);
const NO_ENGAGEMENT = { likes: 0, comments: 0, viewerHasLiked: false, viewerHasSaved: false };

/**
 * The feed page's JSON body (seed 001's `{posts, nextCursor}`). Serializing twenty
 * posts was a quarter of a feed page's server time, and a post reads the same on
 * every page that shows it, so each post's fixed fields are rendered once, while
 * its post and author records stay the same objects (the stores' caches hand out
 * the same ones until a record changes), and only the counts and the viewer's like
 * and save are written per request.
 */
export function createFeedPageJson(deps: { present: PresentPost; mediaUrl: MediaUrl }) {
  const openPost = compileOpenObjectJson<PostWithEngagement>(PostFixedFields);
  const rendered = new WeakMap<Post, { author: User; json: string }>();

  function fixedJson(post: Post, author: User): string {
    const memo = rendered.get(post);
    if (memo && memo.author === author) return memo.json;
    const json = openPost(withEngagement(deps.present(post, author, deps.mediaUrl), author, NO_ENGAGEMENT));
    rendered.set(post, { author, json });
    return json;
  }

  return (items: readonly FeedItem[], state: ViewerState, nextCursor: string | null): string => {
    let body = '{"posts":[';
    for (let i = 0; i < items.length; i++) {
      const { postId, post, author, counts } = items[i]!;
      body += `${i ? ',' : ''}${fixedJson(post, author)},"likes":${counts.likes === null ? 'null' : integer(counts.likes)},"comments":${integer(counts.comments)}`;
      body += `,"viewerHasLiked":${state.liked.has(postId)},"viewerHasSaved":${state.saved.has(postId)}}`;
    }
    return `${body}],"nextCursor":${JSON.stringify(nextCursor)}}`;
  };
}

export type FeedPageJson = ReturnType<typeof createFeedPageJson>;

/** Counts come from our own counters; anything else must not reach the body unchecked. */
function integer(n: number): number {
  if (!Number.isSafeInteger(n)) throw new TypeError(`a count must be a whole number, got ${n}`);
  return n;
}
