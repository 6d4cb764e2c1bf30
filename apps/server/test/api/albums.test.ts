import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPost } from '../factories/posts.js';
import { expectProblem, signUp, type TestUser } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let owner: TestUser;
let other: TestUser;
beforeAll(async () => {
  server = await startTestServer({ PICTOR_LIMIT_SIGNUP_ADDRESS: '1000/60', PICTOR_LIMIT_WRITES_USER: '10000/60' });
  owner = await signUp(server);
  other = await signUp(server);
});
afterAll(() => server.close());

async function album(user: TestUser, name: string): Promise<string> {
  const res = await user.call({ method: 'POST', url: '/api/v1/albums', payload: { name } });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

describe('albums', () => {
  it('when the owner creates, fills, renames and empties an album, then each step shows', async () => {
    const [first, second] = [await publishPost(owner), await publishPost(owner)];
    const id = await album(owner, ' Summer ');
    await owner.call({ method: 'PUT', url: `/api/v1/albums/${id}/posts/${first}` });
    const added = await owner.call({ method: 'PUT', url: `/api/v1/albums/${id}/posts/${second}` });
    expect(added.json()).toMatchObject({ name: 'Summer', postCount: 2 });
    expect(added.json().cover.variants.thumb.width).toBe(150);
    const renamed = await owner.call({ method: 'PATCH', url: `/api/v1/albums/${id}`, payload: { name: 'Summer 2026' } });
    expect(renamed.json().name).toBe('Summer 2026');
    const opened = (await other.call({ method: 'GET', url: `/api/v1/albums/${id}` })).json();
    expect(opened.album.name).toBe('Summer 2026');
    expect(opened.posts.items.map((p: { id: string }) => p.id)).toEqual([second, first]);
    await owner.call({ method: 'DELETE', url: `/api/v1/albums/${id}/posts/${second}` });
    expect((await owner.call({ method: 'GET', url: `/api/v1/albums/${id}` })).json().album.postCount).toBe(1);
    const list = (await other.call({ method: 'GET', url: `/api/v1/users/${owner.id}/albums` })).json();
    expect(list.items.map((a: { id: string }) => a.id)).toContain(id);
    expect((await owner.call({ method: 'DELETE', url: `/api/v1/albums/${id}` })).statusCode).toBe(204);
    expectProblem(await owner.call({ method: 'GET', url: `/api/v1/albums/${id}` }), 404, 'not_found');
    // The posts themselves stay.
    expect((await owner.call({ method: 'GET', url: `/api/v1/posts/${first}` })).statusCode).toBe(200);
  });

  it('when someone else tries to change an album, then 403; and nobody can add another person\'s post', async () => {
    const id = await album(owner, 'Mine');
    const theirs = await publishPost(other);
    const mine = await publishPost(owner);
    expectProblem(await other.call({ method: 'PUT', url: `/api/v1/albums/${id}/posts/${theirs}` }), 403, 'not_album_owner');
    expectProblem(await other.call({ method: 'PATCH', url: `/api/v1/albums/${id}`, payload: { name: 'Hijacked' } }), 403, 'not_album_owner');
    expectProblem(await other.call({ method: 'DELETE', url: `/api/v1/albums/${id}` }), 403, 'not_album_owner');
    expectProblem(await owner.call({ method: 'PUT', url: `/api/v1/albums/${id}/posts/${theirs}` }), 404, 'not_found');
    expect((await owner.call({ method: 'PUT', url: `/api/v1/albums/${id}/posts/${mine}` })).statusCode).toBe(200);
  });

  it('when the owner is private, then a stranger can neither read nor list nor add to the albums', async () => {
    const shy = await signUp(server);
    await shy.call({ method: 'PATCH', url: '/api/v1/me', payload: { isPrivate: true } });
    const id = await album(shy, 'Private things');
    await shy.call({ method: 'PUT', url: `/api/v1/albums/${id}/posts/${await publishPost(shy)}` });
    expectProblem(await other.call({ method: 'GET', url: `/api/v1/albums/${id}` }), 404, 'not_found');
    expectProblem(await server.inject({ method: 'GET', url: `/api/v1/albums/${id}` }), 404, 'not_found');
    expectProblem(await other.call({ method: 'GET', url: `/api/v1/users/${shy.id}/albums` }), 404, 'not_found');
    expectProblem(await other.call({ method: 'PUT', url: `/api/v1/albums/${id}/posts/${await publishPost(other)}` }), 404, 'not_found');
  });

  it('when a post in an album is archived, then others no longer see it there', async () => {
    const id = await album(owner, 'Archive check');
    const postId = await publishPost(owner);
    await owner.call({ method: 'PUT', url: `/api/v1/albums/${id}/posts/${postId}` });
    await owner.call({ method: 'POST', url: `/api/v1/posts/${postId}/archive` });
    const seen = (await other.call({ method: 'GET', url: `/api/v1/albums/${id}` })).json();
    expect(seen.posts.items).toEqual([]);
    expect(seen.album).toMatchObject({ cover: null, postCount: 0 });
    expect((await owner.call({ method: 'GET', url: `/api/v1/albums/${id}` })).json().posts.items).toHaveLength(1);
  });

  it('when a user lists several albums, then each shows its own cover and count', async () => {
    const lister = await signUp(server);
    const [a, b] = [await publishPost(lister), await publishPost(lister)];
    const [first, second, empty] = [await album(lister, 'First'), await album(lister, 'Second'), await album(lister, 'Empty')];
    await lister.call({ method: 'PUT', url: `/api/v1/albums/${first}/posts/${a}` });
    await lister.call({ method: 'PUT', url: `/api/v1/albums/${second}/posts/${a}` });
    await lister.call({ method: 'PUT', url: `/api/v1/albums/${second}/posts/${b}` });
    const coverOf = async (postId: string) => (await lister.call({ method: 'GET', url: `/api/v1/posts/${postId}` })).json().photos[0].variants.thumb.jpeg;
    const items = (await other.call({ method: 'GET', url: `/api/v1/users/${lister.id}/albums` })).json().items;
    const byId = new Map(items.map((item: { id: string }) => [item.id, item]));
    expect(byId.get(first)).toMatchObject({ postCount: 1, cover: { variants: { thumb: { jpeg: await coverOf(a) } } } });
    expect(byId.get(second)).toMatchObject({ postCount: 2, cover: { variants: { thumb: { jpeg: await coverOf(b) } } } });
    expect(byId.get(empty)).toMatchObject({ postCount: 0, cover: null });
  });

  it('when an album name is empty or an id is nonsense, then 4xx, never 500', async () => {
    expectProblem(await owner.call({ method: 'POST', url: '/api/v1/albums', payload: { name: '   ' } }), 400, 'validation_failed');
    expectProblem(await owner.call({ method: 'GET', url: '/api/v1/albums/not-an-id' }), 404, 'not_found');
    expectProblem(await owner.call({ method: 'PUT', url: '/api/v1/albums/99999999999999999999/posts/1' }), 404, 'not_found');
    expectProblem(await owner.call({ method: 'GET', url: '/api/v1/users/not-an-id/albums' }), 404, 'not_found');
  });
});
