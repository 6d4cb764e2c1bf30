import { describe, expect, it } from 'vitest';
import { follow, publishPost } from '../factories/posts.js';
import { signUp } from '../factories/users.js';
import { startTestServer } from '../support/harness.js';

describe('bench routes', () => {
  it('when PICTOR_BENCH_ROUTES is not set, then the bare route does not exist', async () => {
    const server = await startTestServer();
    try {
      const response = await server.inject({ url: '/api/v1/bench/bare' });
      expect(response.statusCode).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('when PICTOR_BENCH_ROUTES=true, then the bare route answers a small constant JSON', async () => {
    const server = await startTestServer({ PICTOR_BENCH_ROUTES: 'true' });
    try {
      const response = await server.inject({ url: '/api/v1/bench/bare' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ ok: true, service: 'pictor' });
    } finally {
      await server.close();
    }
  });

  it('when PICTOR_BENCH_ROUTES=true, then both fixed pages answer the first caller\'s feed, the same on every call and for anyone', async () => {
    const server = await startTestServer({ PICTOR_BENCH_ROUTES: 'true', PICTOR_LIMIT_SIGNUP_ADDRESS: '100/60' });
    try {
      const [me, ana, other] = [await signUp(server), await signUp(server), await signUp(server)];
      await follow(server, me, ana);
      for (const caption of ['one', 'two', 'three']) await publishPost(ana, caption);
      await server.pictor.drain();
      const feed = (await me.call({ url: '/api/v1/feed?mode=following' })).json() as { posts: unknown[] };
      const rendered = await me.call({ url: '/api/v1/bench/fixed-feed' });
      expect(rendered.json()).toEqual({ posts: feed.posts, nextCursor: 'fixed' });
      expect((await other.call({ url: '/api/v1/bench/fixed-feed' })).body).toBe(rendered.body);
      expect((await other.call({ url: '/api/v1/bench/fixed-feed-serialized' })).json()).toEqual(rendered.json());
      expect((await server.inject({ url: '/api/v1/bench/fixed-feed' })).statusCode).toBe(401);
    } finally {
      await server.close();
    }
  });
});
