import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, signUp, type TestUser } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ PICTOR_LIMIT_SIGNUP_ADDRESS: '1000/60', PICTOR_LIMIT_WRITES_USER: '10000/60' });
});
afterAll(() => server.close());

const follow = (who: TestUser, target: { id: string }) => who.call({ method: 'POST', url: `/api/v1/users/${target.id}/follow` });
const unfollow = (who: TestUser, target: { id: string }) => who.call({ method: 'DELETE', url: `/api/v1/users/${target.id}/follow` });
const me = async (who: TestUser) => (await who.call({ method: 'GET', url: '/api/v1/me' })).json();
const relationship = async (who: TestUser, other: { id: string }) =>
  (await who.call({ method: 'GET', url: `/api/v1/users/${other.id}/relationship` })).json();
const list = async (who: TestUser, url: string) => {
  const res = await who.call({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((u) => u.id);
};
const makePrivate = (who: TestUser, isPrivate = true) => who.call({ method: 'PATCH', url: '/api/v1/me', payload: { isPrivate } });

describe('follow and unfollow', () => {
  it('when following a public account, then both counts move by exactly one, and again changes nothing', async () => {
    const [ana, ben] = [await signUp(server), await signUp(server)];
    const first = await follow(ana, ben);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'following', relationship: { following: true, followedBy: false, isSelf: false } });
    expect((await follow(ana, ben)).json().status).toBe('following');
    expect((await me(ana)).counts).toMatchObject({ following: 1, followers: 0 });
    expect((await me(ben)).counts).toMatchObject({ following: 0, followers: 1 });
    expect(await list(ana, `/api/v1/users/${ben.id}/followers`)).toEqual([ana.id]);
    expect(await list(ben, `/api/v1/users/${ana.id}/following`)).toEqual([ben.id]);
    expect(await relationship(ben, ana)).toMatchObject({ followedBy: true, following: false });

    expect((await unfollow(ana, ben)).json()).toMatchObject({ status: 'none', relationship: { following: false } });
    expect((await unfollow(ana, ben)).statusCode).toBe(200);
    expect((await me(ana)).counts.following).toBe(0);
    expect((await me(ben)).counts.followers).toBe(0);
  });

  it('when following oneself, then 422, also when the id is written with leading zeros', async () => {
    const ana = await signUp(server);
    expectProblem(await follow(ana, ana), 422, 'cannot_target_self');
    expectProblem(await follow(ana, { id: `0${ana.id}` }), 404, 'not_found');
    expect((await me(ana)).counts).toMatchObject({ following: 0, followers: 0 });
  });

  it('when the id is not an id, or nobody has it, then 404, never a 500', async () => {
    const ana = await signUp(server);
    for (const id of ['abc', '-1', '1.5', '99999999999999999999', '9223372036854775808', '%20', '1e5', '0x10', '123456789012345678']) {
      for (const [method, path] of [['POST', 'follow'], ['DELETE', 'follow'], ['GET', 'relationship'], ['GET', 'followers'], ['GET', 'following'], ['POST', 'block'], ['POST', 'mute'], ['DELETE', 'restrict']] as const) {
        const res = await ana.call({ method, url: `/api/v1/users/${id}/${path}` });
        expectProblem(res, 404);
      }
      expectProblem(await ana.call({ method: 'DELETE', url: `/api/v1/me/followers/${id}` }), 404, 'not_found');
      expectProblem(await ana.call({ method: 'POST', url: `/api/v1/me/follow-requests/${id}/approve` }), 404);
    }
    const overlong = await ana.call({ method: 'POST', url: `/api/v1/users/${'9'.repeat(60)}/follow` });
    expect(overlong.statusCode).toBeGreaterThanOrEqual(400);
    expect(overlong.statusCode).toBeLessThan(500);
    expectProblem(overlong, overlong.statusCode);
  });

  it('when nobody is signed in, then graph writes and lists answer 401', async () => {
    const ana = await signUp(server);
    for (const [method, url] of [['POST', `/api/v1/users/${ana.id}/follow`], ['GET', `/api/v1/users/${ana.id}/followers`], ['GET', '/api/v1/me/follow-requests'], ['GET', `/api/v1/users/${ana.id}/relationship`], ['GET', '/api/v1/me/blocked']] as const) {
      expectProblem(await server.inject({ method, url }), 401, 'unauthenticated');
    }
  });
});

describe('private accounts', () => {
  it('when following a private account, then it is a request, and nothing private shows until approval', async () => {
    const [owner, fan] = [await signUp(server), await signUp(server)];
    await makePrivate(owner);
    const asked = await follow(fan, owner);
    expect(asked.json()).toMatchObject({ status: 'requested', relationship: { following: false, requested: true } });
    expect((await me(owner)).counts.followers).toBe(0);
    const profile = (await fan.call({ method: 'GET', url: `/api/v1/users/${owner.username}` })).json();
    expect(profile).toMatchObject({ isPrivate: true, canSeeContent: false, relationship: { requested: true } });
    expectProblem(await fan.call({ method: 'GET', url: `/api/v1/users/${owner.id}/followers` }), 403, 'private_account');
    expectProblem(await fan.call({ method: 'GET', url: `/api/v1/users/${owner.id}/following` }), 403, 'private_account');
    const anonymous = (await server.inject({ method: 'GET', url: `/api/v1/users/${owner.username}` })).json();
    expect(anonymous).toMatchObject({ canSeeContent: false, relationship: null });

    expect(await list(owner, '/api/v1/me/follow-requests')).toEqual([fan.id]);
    expect(await relationship(owner, fan)).toMatchObject({ requestedBy: true });
    expect((await owner.call({ method: 'POST', url: `/api/v1/me/follow-requests/${fan.id}/approve` })).statusCode).toBe(204);

    expect(await list(owner, '/api/v1/me/follow-requests')).toEqual([]);
    expect((await fan.call({ method: 'GET', url: `/api/v1/users/${owner.username}` })).json()).toMatchObject({ canSeeContent: true, relationship: { following: true, requested: false } });
    expect(await list(fan, `/api/v1/users/${owner.id}/followers`)).toEqual([fan.id]);
    expect((await me(owner)).counts.followers).toBe(1);
  });

  it('when a request is declined or withdrawn, then it is gone and nothing is followed', async () => {
    const [owner, fan, other] = [await signUp(server), await signUp(server), await signUp(server)];
    await makePrivate(owner);
    await follow(fan, owner);
    expect((await owner.call({ method: 'POST', url: `/api/v1/me/follow-requests/${fan.id}/decline` })).statusCode).toBe(204);
    expect(await relationship(fan, owner)).toMatchObject({ following: false, requested: false });
    expectProblem(await owner.call({ method: 'POST', url: `/api/v1/me/follow-requests/${fan.id}/decline` }), 404);
    await follow(other, owner);
    expect((await unfollow(other, owner)).json().relationship.requested).toBe(false);
    expect(await list(owner, '/api/v1/me/follow-requests')).toEqual([]);
    expectProblem(await owner.call({ method: 'POST', url: `/api/v1/me/follow-requests/${other.id}/approve` }), 404);
  });

  it("when someone else tries to approve a request made to another account, then 404 and the request stays", async () => {
    const [owner, fan, intruder] = [await signUp(server), await signUp(server), await signUp(server)];
    await makePrivate(owner);
    await follow(fan, owner);
    expectProblem(await intruder.call({ method: 'POST', url: `/api/v1/me/follow-requests/${fan.id}/approve` }), 404);
    expect(await relationship(fan, owner)).toMatchObject({ requested: true, following: false });
    expect(await list(intruder, '/api/v1/me/follow-requests')).toEqual([]);
    await intruder.call({ method: 'DELETE', url: `/api/v1/me/followers/${fan.id}` });
    expect(await relationship(fan, owner)).toMatchObject({ requested: true });
  });

  it('when a private account goes public, then everyone waiting is let in', async () => {
    const owner = await signUp(server);
    const fans = [await signUp(server), await signUp(server), await signUp(server)];
    await makePrivate(owner);
    for (const fan of fans) await follow(fan, owner);
    await makePrivate(owner, false);
    await server.pictor.drain();
    expect((await me(owner)).counts.followers).toBe(3);
    expect((await list(owner, `/api/v1/users/${owner.id}/followers`)).sort()).toEqual(fans.map((f) => f.id).sort());
    expect(await list(owner, '/api/v1/me/follow-requests')).toEqual([]);
  });

  it('when a follower is removed, then they no longer follow and the counts drop', async () => {
    const [owner, fan] = [await signUp(server), await signUp(server)];
    await follow(fan, owner);
    expect((await owner.call({ method: 'DELETE', url: `/api/v1/me/followers/${fan.id}` })).statusCode).toBe(204);
    expect(await relationship(fan, owner)).toMatchObject({ following: false });
    expect((await me(owner)).counts.followers).toBe(0);
    expect((await me(fan)).counts.following).toBe(0);
    expectProblem(await owner.call({ method: 'DELETE', url: `/api/v1/me/followers/${owner.id}` }), 422, 'cannot_target_self');
  });
});

describe('block, mute, restrict', () => {
  it('when one blocks another, then follows end both ways and each side disappears for the other', async () => {
    const [ana, ben, cat] = [await signUp(server), await signUp(server), await signUp(server)];
    await follow(ana, ben);
    await follow(ben, ana);
    await follow(ben, cat);
    const blocked = await ana.call({ method: 'POST', url: `/api/v1/users/${ben.id}/block` });
    expect(blocked.json()).toMatchObject({ blocking: true, following: false, followedBy: false });
    expect((await me(ana)).counts).toMatchObject({ followers: 0, following: 0 });
    expect((await me(ben)).counts).toMatchObject({ followers: 0, following: 1 });

    expectProblem(await ben.call({ method: 'GET', url: `/api/v1/users/${ana.username}` }), 404, 'not_found');
    expectProblem(await ana.call({ method: 'GET', url: `/api/v1/users/${ben.username}` }), 404, 'not_found');
    expectProblem(await ben.call({ method: 'GET', url: `/api/v1/users/${ana.id}/followers` }), 404);
    expectProblem(await ben.call({ method: 'GET', url: `/api/v1/users/${ana.id}/relationship` }), 404);
    expect(await relationship(ana, ben)).toMatchObject({ blocking: true });
    expectProblem(await follow(ben, ana), 404, 'not_found');
    expectProblem(await follow(ana, ben), 409, 'blocking_account');
    expect(await list(ana, `/api/v1/users/${cat.id}/followers`)).toEqual([]);
    expect(await list(ana, '/api/v1/me/blocked')).toEqual([ben.id]);

    const unblocked = await ana.call({ method: 'DELETE', url: `/api/v1/users/${ben.id}/block` });
    expect(unblocked.json()).toMatchObject({ blocking: false, following: false });
    expect((await ben.call({ method: 'GET', url: `/api/v1/users/${ana.username}` })).statusCode).toBe(200);
    expect((await follow(ben, ana)).json().status).toBe('following');
  });

  it('when blocking, then the outbox says blocked once and unfollowed only for each follow that ended', async () => {
    const [ana, ben, cat] = [await signUp(server), await signUp(server), await signUp(server)];
    await follow(ben, ana);
    const from = server.pictor.db.prepare('SELECT max(seq) FROM outbox').pluck().get();
    await ana.call({ method: 'POST', url: `/api/v1/users/${ben.id}/block` });
    await ana.call({ method: 'POST', url: `/api/v1/users/${ben.id}/block` });
    await ana.call({ method: 'POST', url: `/api/v1/users/${cat.id}/block` });
    const written = server.pictor.db.prepare("SELECT type, payload FROM outbox WHERE seq > ? AND type LIKE 'graph.%' ORDER BY seq").all(from) as { type: string; payload: string }[];
    expect(written.map((e) => [e.type, JSON.parse(e.payload)])).toEqual([
      ['graph.blocked', { actorId: ana.id, subjectId: ben.id }],
      ['graph.unfollowed', { followerId: ben.id, followeeId: ana.id }],
      ['graph.blocked', { actorId: ana.id, subjectId: cat.id }],
    ]);
  });

  it('when a request was pending, then a block removes it too', async () => {
    const [owner, fan] = [await signUp(server), await signUp(server)];
    await makePrivate(owner);
    await follow(fan, owner);
    await owner.call({ method: 'POST', url: `/api/v1/users/${fan.id}/block` });
    expect(await list(owner, '/api/v1/me/follow-requests')).toEqual([]);
  });

  it('when muting or restricting, then the relationship says so, lists show it, follows stay, and undoing clears it', async () => {
    const [ana, ben] = [await signUp(server), await signUp(server)];
    await follow(ana, ben);
    expect((await ana.call({ method: 'POST', url: `/api/v1/users/${ben.id}/mute` })).json()).toMatchObject({ muting: true, following: true });
    expect((await ana.call({ method: 'POST', url: `/api/v1/users/${ben.id}/mute` })).statusCode).toBe(200);
    expect((await ana.call({ method: 'POST', url: `/api/v1/users/${ben.id}/restrict` })).json()).toMatchObject({ restricting: true, muting: true });
    expect(await list(ana, '/api/v1/me/muted')).toEqual([ben.id]);
    expect(await list(ana, '/api/v1/me/restricted')).toEqual([ben.id]);
    expect(await relationship(ben, ana)).toMatchObject({ muting: false, restricting: false, followedBy: true });
    expect((await ana.call({ method: 'DELETE', url: `/api/v1/users/${ben.id}/mute` })).json()).toMatchObject({ muting: false });
    expect((await ana.call({ method: 'DELETE', url: `/api/v1/users/${ben.id}/restrict` })).json()).toMatchObject({ restricting: false });
    expect(await list(ana, '/api/v1/me/muted')).toEqual([]);
    expectProblem(await ana.call({ method: 'POST', url: `/api/v1/users/${ana.id}/mute` }), 422, 'cannot_target_self');
  });

  it('when asking about oneself, then the relationship says isSelf', async () => {
    const ana = await signUp(server);
    expect(await relationship(ana, ana)).toMatchObject({ isSelf: true, following: false });
  });
});

describe('paging', () => {
  it('when a list spans pages, then pages come newest first with no repeats and end with a null cursor', async () => {
    const star = await signUp(server);
    const fans: TestUser[] = [];
    for (let i = 0; i < 23; i++) {
      const fan = await signUp(server);
      await follow(fan, star);
      server.clock.advance(5);
      fans.push(fan);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/users/${star.id}/followers?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const body: { items: { id: string }[]; nextCursor: string | null } = (await star.call({ method: 'GET', url })).json();
      seen.push(...body.items.map((u: { id: string }) => u.id));
      cursor = body.nextCursor;
      pages++;
      if (pages === 1) await follow(await signUp(server), star); // a new follower must not shift later pages
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(fans.map((f) => f.id).reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('when the cursor or limit is bad, then 400, never a 500', async () => {
    const ana = await signUp(server);
    const base = `/api/v1/users/${ana.id}/followers`;
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of ['not-a-cursor', '!!!', forged({ s: '9999999999999999999' }), forged({ s: 12 }), forged([1]), forged({ s: '-1' }), forged('x')]) {
      expectProblem(await ana.call({ method: 'GET', url: `${base}?cursor=${encodeURIComponent(cursor)}` }), 400, 'invalid_cursor');
    }
    for (const limit of ['0', '101', 'abc', '-3', '1.5']) {
      expectProblem(await ana.call({ method: 'GET', url: `${base}?limit=${limit}` }), 400, 'validation_failed');
    }
    expectProblem(await ana.call({ method: 'GET', url: `${base}?cursor=${'a'.repeat(300)}` }), 400, 'validation_failed');
  });
});

describe('profiles by username', () => {
  it('when looking up an account, then its counts come with it, and unknown names are 404', async () => {
    const [ana, ben] = [await signUp(server), await signUp(server)];
    await follow(ben, ana);
    const profile = (await server.inject({ method: 'GET', url: `/api/v1/users/${ana.username.toUpperCase()}` })).json();
    expect(profile).toMatchObject({ id: ana.id, username: ana.username, counts: { followers: 1, following: 0, posts: 0 }, canSeeContent: true, relationship: null });
    expect(profile).not.toHaveProperty('email');
    expect((await ben.call({ method: 'GET', url: `/api/v1/users/${ana.username}` })).json().relationship).toMatchObject({ following: true });
    expectProblem(await server.inject({ method: 'GET', url: '/api/v1/users/nobody_here_at_all' }), 404, 'not_found');
    expectProblem(await server.inject({ method: 'GET', url: `/api/v1/users/${'x'.repeat(100)}` }), 400);
  });
});
