import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/harness.js';
import { publishPost } from '../factories/posts.js';
import { signUp, type TestUser } from '../factories/users.js';

let server: TestServer;
let author: TestUser;
let fan: TestUser;
let postId: string;

beforeAll(async () => {
  server = await startTestServer({ PICTOR_LIMIT_SIGNUP_ADDRESS: '100/60' });
  author = await signUp(server);
  fan = await signUp(server);
  postId = await publishPost(author, 'engagement everywhere');
  await fan.call({ method: 'POST', url: `/api/v1/posts/${postId}/like` });
  await fan.call({ method: 'POST', url: `/api/v1/posts/${postId}/save` });
  await fan.call({ method: 'POST', url: `/api/v1/posts/${postId}/comments`, payload: { text: 'lovely' } });
});
afterAll(() => server.close());

describe('engagement on post pages and profile grids', () => {
  it('when a fan has liked, saved and commented, then the single post says so to the fan', async () => {
    const post = (await fan.call({ method: 'GET', url: `/api/v1/posts/${postId}` })).json();
    expect(post).toMatchObject({ postId, userId: author.id, username: author.username, likes: 1, comments: 1, viewerHasLiked: true, viewerHasSaved: true });
    expect(typeof post.timestamp).toBe('string');
  });

  it('when the author opens the same post, then the counts match and the flags are the author\'s own', async () => {
    const post = (await author.call({ method: 'GET', url: `/api/v1/posts/${postId}` })).json();
    expect(post).toMatchObject({ likes: 1, comments: 1, viewerHasLiked: false, viewerHasSaved: false });
  });

  it('when the profile grid is read, then each post carries its counts', async () => {
    const page = (await fan.call({ method: 'GET', url: `/api/v1/users/${author.id}/posts` })).json();
    expect(page.items[0]).toMatchObject({ postId, likes: 1, comments: 1, viewerHasLiked: true });
  });

  it('when the author hides like counts, then others see null and the author still sees the number', async () => {
    await author.call({ method: 'PATCH', url: `/api/v1/posts/${postId}`, payload: { hideLikeCount: true } });
    expect((await fan.call({ method: 'GET', url: `/api/v1/posts/${postId}` })).json().likes).toBeNull();
    expect((await author.call({ method: 'GET', url: `/api/v1/posts/${postId}` })).json().likes).toBe(1);
  });
});

describe('editing a post answers it as its page shows it', () => {
  it('when the author edits a post others liked, then the answer carries the counts, the like count too though hidden, and the author\'s own like and save', async () => {
    const edited = await publishPost(author, 'before the edit');
    await fan.call({ method: 'POST', url: `/api/v1/posts/${edited}/like` });
    await fan.call({ method: 'POST', url: `/api/v1/posts/${edited}/comments`, payload: { text: 'first!' } });
    await author.call({ method: 'POST', url: `/api/v1/posts/${edited}/like` });
    await author.call({ method: 'POST', url: `/api/v1/posts/${edited}/save` });

    const res = await author.call({ method: 'PATCH', url: `/api/v1/posts/${edited}`, payload: { caption: 'after the edit', hideLikeCount: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      postId: edited, caption: 'after the edit', hideLikeCount: true, userId: author.id, username: author.username,
      likes: 2, comments: 1, viewerHasLiked: true, viewerHasSaved: true,
    });
    // The same presenter as the post page: the editor can show the answer without reading the post again.
    expect(res.json()).toEqual((await author.call({ method: 'GET', url: `/api/v1/posts/${edited}` })).json());
    expect((await fan.call({ method: 'GET', url: `/api/v1/posts/${edited}` })).json().likes).toBeNull();
  });
});
