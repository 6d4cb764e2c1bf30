import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow, publishPost } from '../factories/posts.js';
import { expectProblem, signUp, type TestUser } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

// Instagram lets the owner add, change or remove a post's location after posting: PATCH takes
// the place as publishing does, with the same checks and the same problems.

let server: TestServer;
let ana: TestUser;
let ben: TestUser;
beforeAll(async () => {
  server = await startTestServer({ PICTOR_LIMIT_SIGNUP_ADDRESS: '1000/60', PICTOR_LIMIT_WRITES_USER: '10000/60' });
  ana = await signUp(server);
  ben = await signUp(server);
});
afterAll(() => server.close());

const edit = (user: TestUser, postId: string, payload: unknown) => user.call({ method: 'PATCH', url: `/api/v1/posts/${postId}`, payload: payload as object });
const read = async (user: TestUser, postId: string) => (await user.call({ method: 'GET', url: `/api/v1/posts/${postId}` })).json();

const publishAt = (user: TestUser, location: object) => publishPost(user, 'placed', [['location', JSON.stringify(location)]]);

describe('editing where a post was made', () => {
  it('when the owner adds a place to a post that had none, then the answer, the post page and a follower\'s feed show it, cleaned as publishing cleans it', async () => {
    const postId = await publishPost(ana, 'no place yet');
    await follow(server, ben, ana);
    const res = await edit(ana, postId, { location: { name: '  Café Émile, Lyon ', lat: null, lon: null } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ postId, caption: 'no place yet', location: { name: 'Café Émile, Lyon' }, likes: 0, viewerHasLiked: false });
    expect(res.json().location).toEqual({ name: 'Café Émile, Lyon' });
    expect((await read(ben, postId)).location).toEqual({ name: 'Café Émile, Lyon' });
    const feed = (await ben.call({ method: 'GET', url: '/api/v1/feed?mode=following' })).json();
    expect(feed.posts.find((p: { postId: string }) => p.postId === postId).location).toEqual({ name: 'Café Émile, Lyon' });
  });

  it('when the owner changes the place, then the new name and coordinates replace the old ones, and the edit time moves', async () => {
    const postId = await publishAt(ana, { lat: 37.7749, lon: -122.4194, name: 'Ocean Beach' });
    const before = await read(ana, postId);
    const res = await edit(ana, postId, { location: { lat: 0, lon: 0, name: 'Null Island' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().location).toEqual({ lat: 0, lon: 0, name: 'Null Island' });
    expect(Date.parse(res.json().updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
    // A name alone drops the coordinates the old place had.
    expect((await edit(ana, postId, { location: { name: 'Pier 39' } })).json().location).toEqual({ name: 'Pier 39' });
    expect((await read(ana, postId)).location).toEqual({ name: 'Pier 39' });
  });

  it('when the owner sends null, then the place is gone; when an edit leaves location out, then the place stays', async () => {
    const postId = await publishAt(ana, { lat: 48.85, lon: 2.35, name: 'Paris' });
    const kept = await edit(ana, postId, { caption: 'still in Paris', hideLikeCount: true });
    expect(kept.json()).toMatchObject({ caption: 'still in Paris', location: { lat: 48.85, lon: 2.35, name: 'Paris' } });
    const removed = await edit(ana, postId, { location: null });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ caption: 'still in Paris', hideLikeCount: true, location: null });
    expect((await read(ben, postId)).location).toBeNull();
  });

  it('when a place is one publishing refuses, then 400 validation_failed names the same field and the post keeps its place', async () => {
    const postId = await publishAt(ana, { name: 'Ocean Beach' });
    const cases: [unknown, string][] = [
      [{ lat: 10, lon: 10 }, 'location.name'], [{ name: '   ' }, 'location.name'], [{ name: 'x'.repeat(201) }, 'location.name'],
      [{ name: 'Evil\u202Egnp' }, 'location.name'], [{ name: 'Two\nlines\u0007' }, 'location.name'], [{ name: 42 }, 'location.name'],
      [{ lat: 10, name: 'Half' }, 'location.lon'], [{ lon: 10, name: 'Half' }, 'location.lat'], [{ lat: 10, lon: null, name: 'Half' }, 'location.lon'],
      [{ lat: '10', lon: 10, name: 'Text' }, 'location.lat'], [{ lat: 91, lon: 10, name: 'Far' }, 'location.lat'], [{ lat: 10, lon: 181, name: 'Far' }, 'location.lon'],
      [['Ocean Beach'], 'location'], ['Ocean Beach', 'location'], [7, 'location'],
    ];
    for (const [location, field] of cases) {
      const problem = expectProblem(await edit(ana, postId, { location, caption: 'must not land' }), 400, 'validation_failed');
      expect(problem.fields?.map((f) => f.field), JSON.stringify(location)).toEqual([field]);
    }
    expect(await read(ana, postId)).toMatchObject({ caption: 'placed', location: { name: 'Ocean Beach' } });
    // The longest name publishing allows is allowed here too.
    expect((await edit(ana, postId, { location: { name: 'é'.repeat(200) } })).statusCode).toBe(200);
  });

  it('when someone else sets or removes the place of a post, then 403 not_post_owner (404 when they may not see it) and the place is unchanged', async () => {
    const postId = await publishAt(ana, { name: 'Ocean Beach' });
    expectProblem(await edit(ben, postId, { location: { name: 'Mine now' } }), 403, 'not_post_owner');
    expectProblem(await edit(ben, postId, { location: null }), 403, 'not_post_owner');
    // A bad place from someone else is still about the post not being theirs.
    expectProblem(await edit(ben, postId, { location: { name: '' } }), 403, 'not_post_owner');
    const cleo = await signUp(server);
    await cleo.call({ method: 'PATCH', url: '/api/v1/me', payload: { isPrivate: true } });
    const hidden = await publishAt(cleo, { name: 'Secret garden' });
    expectProblem(await edit(ben, hidden, { location: null }), 404, 'not_found');
    expect((await read(ana, postId)).location).toEqual({ name: 'Ocean Beach' });
    expect((await read(cleo, hidden)).location).toEqual({ name: 'Secret garden' });
  });
});

describe('an edit that names no field', () => {
  it('when the owner sends an empty edit, then 200 with the post as it was: the edit time does not move', async () => {
    const postId = await publishPost(ana, 'left alone');
    const before = await read(ana, postId);
    server.clock.advance(60_000);
    const res = await edit(ana, postId, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(before);
    expectProblem(await edit(ben, postId, {}), 403, 'not_post_owner');
  });
});
