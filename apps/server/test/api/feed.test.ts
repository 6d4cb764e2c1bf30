import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow, publishPost, relate } from '../factories/posts.js';
import { expectProblem, signUp, type TestUser } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    PICTOR_LIMIT_SIGNUP_ADDRESS: '1000/60', PICTOR_LIMIT_WRITES_USER: '100000/60',
    PICTOR_CELEBRITY_FOLLOWERS: '3', PICTOR_INACTIVE_AFTER_DAYS: '2',
  });
});
afterAll(() => server.close());

type FeedPost = { postId: string; userId: string; username: string; likes: number | null; comments: number; imageUrls: string[]; caption: string; timestamp: string; viewerHasLiked: boolean };
async function feed(u: TestUser, mode: 'ranked' | 'following' = 'following', cursor?: string, limit = 20) {
  const res = await u.call({ method: 'GET', url: `/api/v1/feed?mode=${mode}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}` });
  if (res.statusCode !== 200) throw new Error(`feed: ${res.statusCode} ${res.body}`);
  return res.json() as { posts: FeedPost[]; nextCursor: string | null };
}
const ids = async (u: TestUser, mode: 'ranked' | 'following' = 'following') => (await feed(u, mode, undefined, 50)).posts.map((p) => p.postId);
const timelineRows = (userId: string) => Number(server.pictor.db.prepare('SELECT count(*) FROM timelines WHERE user_id = ?').pluck().get(BigInt(userId)));

describe('the home feed', () => {
  it('when someone I follow posts, then it is in my feed with the seed 001 fields, newest first, with my own posts', async () => {
    const [me, ana] = [await signUp(server), await signUp(server)];
    await feed(me);
    await follow(server, me, ana);
    const first = await publishPost(ana, 'first');
    const mine = await publishPost(me, 'mine');
    const second = await publishPost(ana, 'second');
    await server.pictor.drain();
    expect(timelineRows(me.id)).toBe(3);
    const page = await feed(me);
    expect(page.posts.map((p) => p.postId)).toEqual([second, mine, first]);
    expect(page.posts[0]).toMatchObject({ postId: second, userId: ana.id, username: ana.username, caption: 'second', likes: 0, comments: 0, viewerHasLiked: false });
    expect(page.posts[0]!.imageUrls).toHaveLength(1);
    expect(Date.parse(page.posts[0]!.timestamp)).not.toBeNaN();
    expect(page.nextCursor).toBeNull();
    expect(await ids(me, 'ranked')).toHaveLength(3);
  });

  it('when I follow someone, then their recent posts are in my feed', async () => {
    const [me, ana] = [await signUp(server), await signUp(server)];
    const old = [await publishPost(ana), await publishPost(ana)];
    await server.pictor.drain();
    await feed(me);
    await follow(server, me, ana);
    expect(await ids(me)).toEqual([...old].reverse());
  });

  it('when I unfollow, block or mute, then that account leaves my feed; unmuting brings it back', async () => {
    const [me, ana, ben, cam] = [await signUp(server), await signUp(server), await signUp(server), await signUp(server)];
    for (const u of [ana, ben, cam]) await follow(server, me, u);
    const [a, b, c] = [await publishPost(ana), await publishPost(ben), await publishPost(cam)];
    await server.pictor.drain();
    expect(await ids(me)).toEqual([c, b, a]);
    await me.call({ method: 'DELETE', url: `/api/v1/users/${ana.id}/follow` });
    expect(await ids(me)).toEqual([c, b]); // the read applies it at once, before any job runs
    await relate(ben, me, 'block');
    expect(await ids(me)).toEqual([c]);
    await relate(me, cam, 'mute');
    expect(await ids(me)).toEqual([]);
    await server.pictor.drain();
    expect(timelineRows(me.id)).toBe(0);
    await relate(me, cam, 'mute', false);
    await server.pictor.drain();
    expect(await ids(me)).toEqual([c]);
  });

  it('when I unmute someone I do not follow, then nothing of theirs is put in my timeline', async () => {
    const [me, ana] = [await signUp(server), await signUp(server)];
    await publishPost(ana);
    await relate(me, ana, 'mute');
    await relate(me, ana, 'mute', false);
    await server.pictor.drain();
    expect(timelineRows(me.id)).toBe(0);
  });

  it('when a post is archived or deleted, then it leaves every feed; unarchiving brings it back', async () => {
    const [me, you, ana] = [await signUp(server), await signUp(server), await signUp(server)];
    await follow(server, me, ana);
    await follow(server, you, ana);
    const [kept, archived, deleted] = [await publishPost(ana), await publishPost(ana), await publishPost(ana)];
    await server.pictor.drain();
    await ana.call({ method: 'POST', url: `/api/v1/posts/${archived}/archive` });
    await ana.call({ method: 'DELETE', url: `/api/v1/posts/${deleted}` });
    for (const u of [me, you]) expect(await ids(u)).toEqual([kept]);
    expect(await ids(ana)).toEqual([kept]); // archived posts live in the owner's archive, not in any feed
    await server.pictor.drain();
    expect(timelineRows(me.id)).toBe(1);
    await ana.call({ method: 'DELETE', url: `/api/v1/posts/${archived}/archive` });
    await server.pictor.drain();
    expect(await ids(me)).toEqual([archived, kept]);
  });

  it('when an account is private, then only approved followers get its posts', async () => {
    const [me, priv] = [await signUp(server), await signUp(server)];
    await priv.call({ method: 'PATCH', url: '/api/v1/me', payload: { isPrivate: true } });
    await me.call({ method: 'POST', url: `/api/v1/users/${priv.id}/follow` });
    const postId = await publishPost(priv);
    await server.pictor.drain();
    expect(await ids(me)).toEqual([]);
    await priv.call({ method: 'POST', url: `/api/v1/me/follow-requests/${me.id}/approve` });
    await server.pictor.drain();
    expect(await ids(me)).toEqual([postId]);
    await priv.call({ method: 'DELETE', url: `/api/v1/me/followers/${me.id}` });
    expect(await ids(me)).toEqual([]);
  });

  it('when likes and comments happen, then the feed shows counts and my like, and hidden counts read null', async () => {
    const [me, ana, ben] = [await signUp(server), await signUp(server), await signUp(server)];
    await follow(server, me, ana);
    const postId = await publishPost(ana);
    await me.call({ method: 'POST', url: `/api/v1/posts/${postId}/like` });
    await ben.call({ method: 'POST', url: `/api/v1/posts/${postId}/like` });
    await ben.call({ method: 'POST', url: `/api/v1/posts/${postId}/comments`, payload: { text: 'wow' } });
    await server.pictor.drain();
    expect((await feed(me)).posts[0]).toMatchObject({ likes: 2, comments: 1, viewerHasLiked: true });
    await ana.call({ method: 'PATCH', url: `/api/v1/posts/${postId}`, payload: { hideLikeCount: true } });
    expect((await feed(me)).posts[0]!.likes).toBeNull();
    expect((await feed(ana)).posts[0]!.likes).toBe(2);
  });

  it('when the feed shows a post, then it is field for field what the post page says, in both modes', async () => {
    const [me, ana, ben] = [await signUp(server), await signUp(server), await signUp(server)];
    await follow(server, me, ana);
    await follow(server, me, ben);
    const quoted = await publishPost(ana, 'a "quoted" caption\nover two lines \\ with #tags, @someone, émoji 🌅 and </script>');
    const hidden = await publishPost(ben, 'counts hidden');
    const plain = await publishPost(ana, '');
    await me.call({ method: 'POST', url: `/api/v1/posts/${quoted}/like` });
    await me.call({ method: 'POST', url: `/api/v1/posts/${hidden}/save` });
    await ben.call({ method: 'POST', url: `/api/v1/posts/${quoted}/comments`, payload: { text: 'nice' } });
    await ben.call({ method: 'PATCH', url: `/api/v1/posts/${hidden}`, payload: { hideLikeCount: true } });
    await server.pictor.drain();
    for (const mode of ['following', 'ranked'] as const) {
      const res = await me.call({ method: 'GET', url: `/api/v1/feed?mode=${mode}` });
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const shown = (res.json() as { posts: FeedPost[] }).posts;
      expect(shown.map((p) => p.postId).sort()).toEqual([quoted, hidden, plain].sort());
      for (const post of shown) {
        const alone = await me.call({ method: 'GET', url: `/api/v1/posts/${post.postId}` });
        expect(post).toStrictEqual(alone.json());
      }
    }
  });

  it('when the cursor is garbage or from the other mode, then 400 invalid_cursor; signed out, 401', async () => {
    const me = await signUp(server);
    expectProblem(await me.call({ method: 'GET', url: '/api/v1/feed?cursor=nonsense' }), 400, 'invalid_cursor');
    expectProblem(await me.call({ method: 'GET', url: '/api/v1/feed?mode=sideways' }), 400);
    expectProblem(await me.call({ method: 'GET', url: '/api/v1/feed?limit=500' }), 400);
    expectProblem(await server.inject({ method: 'GET', url: '/api/v1/feed' }), 401);
  });
});

describe('paging', () => {
  let me: TestUser;
  let authors: TestUser[];
  let original: string[];
  beforeAll(async () => {
    me = await signUp(server);
    authors = [await signUp(server), await signUp(server), await signUp(server)];
    for (const a of authors) await follow(server, me, a);
    original = [];
    for (let i = 0; i < 24; i++) original.push(await publishPost(authors[i % 3]!, `p${i}`));
    await server.pictor.drain();
  });

  for (const mode of ['following', 'ranked'] as const) {
    it(`when new posts and likes arrive between pages (${mode}), then no post repeats and none is skipped`, async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const body = await feed(me, mode, cursor, 7);
        seen.push(...body.posts.map((p) => p.postId));
        // Meanwhile: a new post, and likes that reshuffle what ranking would pick.
        await publishPost(authors[page % 3]!, `new${page}`);
        const target = original[(page * 5) % original.length]!;
        await authors[(page + 1) % 3]!.call({ method: 'POST', url: `/api/v1/posts/${target}/like` });
        await server.pictor.drain();
        if (!body.nextCursor) break;
        cursor = body.nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => original.includes(id)).sort()).toEqual([...original].sort());
    });
  }

  it('when pages are small or large, then a page costs the same number of queries (never one per post)', async () => {
    const proto = Object.getPrototypeOf(server.pictor.db.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
    const methods = ['all', 'get', 'run', 'iterate'] as const;
    const originals = methods.map((m) => proto[m]!);
    let queries = 0;
    methods.forEach((m, i) => {
      proto[m] = function (this: unknown, ...args: unknown[]) {
        queries++;
        return originals[i]!.apply(this, args);
      };
    });
    const cost = async (mode: 'following' | 'ranked', limit: number) => {
      await feed(me, mode, undefined, limit); // warms the caches, so both sizes are measured alike
      queries = 0;
      const page = await feed(me, mode, undefined, limit);
      expect(page.posts).toHaveLength(limit);
      return queries;
    };
    try {
      for (const mode of ['following', 'ranked'] as const) expect(await cost(mode, 20), mode).toBe(await cost(mode, 3));
    } finally {
      methods.forEach((m, i) => {
        proto[m] = originals[i]!;
      });
    }
  });

  it('when ranked, then no author runs more than two in a row while others wait', async () => {
    const body = await feed(me, 'ranked', undefined, 20);
    const run = body.posts.map((p) => p.userId);
    for (let i = 2; i < run.length; i++) expect(run[i] === run[i - 1] && run[i] === run[i - 2]).toBe(false);
  });
});

describe('hybrid fan-out', () => {
  it('when an author has more followers than the threshold, then posts are not pushed but merged when read', async () => {
    const star = await signUp(server);
    const fans = [await signUp(server), await signUp(server), await signUp(server), await signUp(server)];
    for (const f of fans) {
      await feed(f);
      await follow(server, f, star);
    }
    const friend = await signUp(server);
    await follow(server, fans[0]!, friend);
    const postId = await publishPost(star, 'for the fans');
    const friendPost = await publishPost(friend);
    await server.pictor.drain();
    expect(Number(server.pictor.db.prepare('SELECT count(*) FROM timelines WHERE post_id = ?').pluck().get(BigInt(postId)))).toBe(1); // the star's own
    for (const f of fans) expect(await ids(f)).toContain(postId);
    expect(await ids(fans[0]!)).toEqual([friendPost, postId]);
    expect(await ids(fans[0]!, 'ranked')).toEqual(expect.arrayContaining([friendPost, postId]));
    await fans[1]!.call({ method: 'DELETE', url: `/api/v1/users/${star.id}/follow` });
    expect(await ids(fans[1]!)).toEqual([]);
  });

  it('when a follower has been away past the cut-off, then fan-out skips them and their first read rebuilds the feed', async () => {
    const [away, ana] = [await signUp(server), await signUp(server)];
    await feed(away);
    await follow(server, away, ana);
    server.clock.advance(3 * 86_400_000);
    await ana.call({ method: 'GET', url: '/api/v1/feed' }); // the author is active; the follower is not
    const postId = await publishPost(ana);
    await server.pictor.drain();
    expect(timelineRows(away.id)).toBe(0);
    expect(await ids(away)).toEqual([postId]);
    expect(timelineRows(away.id)).toBe(1);
  });
});
