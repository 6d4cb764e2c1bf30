import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPost, relate } from '../factories/posts.js';
import { expectProblem, signUp, type TestUser } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let ana: TestUser;
let ben: TestUser;
let cam: TestUser;
beforeAll(async () => {
  server = await startTestServer({ PICTOR_LIMIT_SIGNUP_ADDRESS: '1000/60', PICTOR_LIMIT_WRITES_USER: '100000/60' });
  [ana, ben, cam] = [await signUp(server), await signUp(server), await signUp(server)];
});
afterAll(() => server.close());

const like = (u: TestUser, postId: string, on = true) => u.call({ method: on ? 'POST' : 'DELETE', url: `/api/v1/posts/${postId}/like` });
const comment = (u: TestUser, postId: string, payload: Record<string, unknown>) => u.call({ method: 'POST', url: `/api/v1/posts/${postId}/comments`, payload });
const comments = (u: TestUser, postId: string, query = '') => u.call({ method: 'GET', url: `/api/v1/posts/${postId}/comments${query}` });

describe('likes', () => {
  it('when a user likes twice, then it counts once, and unliking takes it back', async () => {
    const postId = await publishPost(ana);
    expect((await like(ben, postId)).json()).toEqual({ liked: true, likes: 1 });
    expect((await like(ben, postId)).json()).toEqual({ liked: true, likes: 1 });
    expect((await like(ben, postId, false)).json()).toEqual({ liked: false, likes: 0 });
    expect((await like(ben, postId, false)).json()).toEqual({ liked: false, likes: 0 });
  });

  it('when a hundred people like at the same moment, then the count is exactly a hundred', async () => {
    const postId = await publishPost(ana);
    const likers = await Promise.all(Array.from({ length: 100 }, () => signUp(server)));
    const answers = await Promise.all(likers.flatMap((u) => [like(u, postId), like(u, postId)]));
    expect(answers.every((r) => r.statusCode === 200)).toBe(true);
    expect((await like(ana, postId)).json().likes).toBe(101);
    const first = (await ana.call({ method: 'GET', url: `/api/v1/posts/${postId}/likes?limit=60` })).json();
    const second = (await ana.call({ method: 'GET', url: `/api/v1/posts/${postId}/likes?limit=60&cursor=${first.nextCursor}` })).json();
    const ids = [...first.items, ...second.items].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(101);
    expect(ids[0]).toBe(ana.id);
    expect(second.nextCursor).toBeNull();
  });

  it('when a like is written, then interactions.liked is in the outbox for notifications', async () => {
    const postId = await publishPost(ana);
    await like(cam, postId);
    const row = server.pictor.db.prepare("SELECT payload FROM outbox WHERE type = 'interactions.liked' ORDER BY seq DESC LIMIT 1").pluck().get();
    expect(JSON.parse(String(row))).toEqual({ postId, authorId: ana.id, userId: cam.id });
  });

  it('when a blocked user takes back a like, then it goes, and interactions.unliked still names the post author', async () => {
    const postId = await publishPost(ana);
    const dan = await signUp(server);
    await like(dan, postId);
    await relate(ana, dan, 'block');
    expect((await like(dan, postId, false)).json()).toEqual({ liked: false, likes: null });
    const row = server.pictor.db.prepare("SELECT payload FROM outbox WHERE type = 'interactions.unliked' ORDER BY seq DESC LIMIT 1").pluck().get();
    expect(JSON.parse(String(row))).toEqual({ postId, authorId: ana.id, userId: dan.id });
  });

  it('when the post does not exist or the id is nonsense, then 404', async () => {
    expectProblem(await like(ben, '12345'), 404, 'not_found');
    expectProblem(await like(ben, 'abc'), 404, 'not_found');
    expectProblem(await server.inject({ method: 'POST', url: '/api/v1/posts/12345/like' }), 401);
  });
});

describe('who may interact', () => {
  it('when either side blocks, then the blocked user can neither like nor comment nor see likes', async () => {
    const postId = await publishPost(ana);
    const dan = await signUp(server);
    expect((await relate(ana, dan, 'block')).statusCode).toBe(200);
    expectProblem(await like(dan, postId), 404, 'not_found');
    expectProblem(await comment(dan, postId, { text: 'hi' }), 404, 'not_found');
    expectProblem(await dan.call({ method: 'GET', url: `/api/v1/posts/${postId}/likes` }), 404);
    const eve = await signUp(server);
    await relate(eve, ana, 'block');
    expectProblem(await like(eve, postId), 404, 'not_found');
  });

  it('when an account is private, then only approved followers can like and comment', async () => {
    const priv = await signUp(server);
    await priv.call({ method: 'PATCH', url: '/api/v1/me', payload: { isPrivate: true } });
    const postId = await publishPost(priv);
    expectProblem(await like(ben, postId), 404);
    expectProblem(await comment(ben, postId, { text: 'hi' }), 404);
    await ben.call({ method: 'POST', url: `/api/v1/users/${priv.id}/follow` });
    await priv.call({ method: 'POST', url: `/api/v1/me/follow-requests/${ben.id}/approve` });
    expect((await like(ben, postId)).statusCode).toBe(200);
    expect((await comment(ben, postId, { text: 'hi' })).statusCode).toBe(201);
  });

  it('when a post is archived, then only its owner can like it', async () => {
    const postId = await publishPost(ana);
    await ana.call({ method: 'POST', url: `/api/v1/posts/${postId}/archive` });
    expectProblem(await like(ben, postId), 404);
    expect((await like(ana, postId)).statusCode).toBe(200);
  });
});

describe('comments', () => {
  it('when commenting with mentionedUsers and replying, then threads, counts and the event follow', async () => {
    const postId = await publishPost(ana);
    const top = await comment(ben, postId, { text: 'Beautiful shot! @cam_x', mentionedUsers: ['@Jane_Doe'] });
    expect(top.statusCode).toBe(201);
    expect(top.json()).toMatchObject({ postId, parentId: null, text: 'Beautiful shot! @cam_x', mentions: ['jane_doe', 'cam_x'], author: { id: ben.id } });
    const reply = await comment(ana, postId, { text: 'thanks', replyTo: top.json().id });
    const replyToReply = await comment(cam, postId, { text: 'agreed', replyTo: reply.json().id });
    expect(replyToReply.json().parentId).toBe(top.json().id);
    const list = (await comments(cam, postId)).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([top.json().id]);
    expect(list.items[0].replies).toBe(2);
    const replies = (await cam.call({ method: 'GET', url: `/api/v1/posts/${postId}/comments/${top.json().id}/replies` })).json();
    expect(replies.items.map((c: { text: string }) => c.text)).toEqual(['thanks', 'agreed']);
    const feedPost = (await ana.call({ method: 'GET', url: '/api/v1/feed?mode=following' })).json().posts.find((p: { postId: string }) => p.postId === postId);
    expect(feedPost.comments).toBe(3);
    const event = server.pictor.db.prepare("SELECT payload FROM outbox WHERE type = 'interactions.commented' AND json_extract(payload, '$.postId') = ? ORDER BY seq LIMIT 1").pluck().get(postId);
    expect(JSON.parse(String(event))).toMatchObject({ postId, authorId: ana.id, userId: ben.id, mentions: ['jane_doe', 'cam_x'] });
  });

  it('when comments page, then pages join up with no repeats', async () => {
    const postId = await publishPost(ana);
    for (let i = 0; i < 7; i++) await comment(ben, postId, { text: `c${i}` });
    const first = (await comments(ben, postId, '?limit=4')).json();
    const second = (await comments(ben, postId, `?limit=4&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((c: { text: string }) => c.text)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(second.nextCursor).toBeNull();
  });

  it('when the author turns comments off, then nobody can add one', async () => {
    const postId = await publishPost(ana);
    expect((await ana.call({ method: 'PATCH', url: `/api/v1/posts/${postId}`, payload: { commentsDisabled: true } })).statusCode).toBe(200);
    expectProblem(await comment(ben, postId, { text: 'hi' }), 403, 'comments_disabled');
    expectProblem(await comment(ana, postId, { text: 'hi' }), 403, 'comments_disabled');
  });

  it('when the author restricts someone, then their comments are seen only by them and the author', async () => {
    const postId = await publishPost(ana);
    const rex = await signUp(server);
    await relate(ana, rex, 'restrict');
    const c = await comment(rex, postId, { text: 'sneaky' });
    expect(c.statusCode).toBe(201);
    const seenBy = async (u: TestUser) => (await comments(u, postId)).json().items.map((x: { text: string }) => x.text);
    expect(await seenBy(rex)).toEqual(['sneaky']);
    expect(await seenBy(ana)).toEqual(['sneaky']);
    expect(await seenBy(ben)).toEqual([]);
    expect((await server.inject({ method: 'GET', url: `/api/v1/posts/${postId}/comments` })).json().items).toEqual([]);
  });

  it('when deleting, then writers delete their own, post authors delete any, others get 403', async () => {
    const postId = await publishPost(ana);
    const byBen = (await comment(ben, postId, { text: 'one' })).json();
    const byCam = (await comment(cam, postId, { text: 'two' })).json();
    expectProblem(await cam.call({ method: 'DELETE', url: `/api/v1/posts/${postId}/comments/${byBen.id}` }), 403, 'not_your_comment');
    expect((await ben.call({ method: 'DELETE', url: `/api/v1/posts/${postId}/comments/${byBen.id}` })).statusCode).toBe(204);
    expect((await ana.call({ method: 'DELETE', url: `/api/v1/posts/${postId}/comments/${byCam.id}` })).statusCode).toBe(204);
    expectProblem(await ana.call({ method: 'DELETE', url: `/api/v1/posts/${postId}/comments/${byCam.id}` }), 404);
    expect((await comments(ana, postId)).json().items).toEqual([]);
  });

  it('when a comment is liked twice, then it counts once and shows the viewer liked it', async () => {
    const postId = await publishPost(ana);
    const c = (await comment(ben, postId, { text: 'like me' })).json();
    const url = `/api/v1/posts/${postId}/comments/${c.id}/like`;
    await cam.call({ method: 'POST', url });
    const again = (await cam.call({ method: 'POST', url })).json();
    expect(again).toMatchObject({ likes: 1, viewerHasLiked: true });
    expect((await cam.call({ method: 'DELETE', url })).json()).toMatchObject({ likes: 0, viewerHasLiked: false });
  });

  it('when the text is blank, too long or the reply target is elsewhere, then a 4xx with a code', async () => {
    const postId = await publishPost(ana);
    const other = await publishPost(ana);
    const elsewhere = (await comment(ben, other, { text: 'x' })).json();
    expectProblem(await comment(ben, postId, { text: '   ' }), 422, 'empty_comment');
    expectProblem(await comment(ben, postId, { text: 'x'.repeat(2201) }), 400);
    expectProblem(await comment(ben, postId, { text: 'x', replyTo: elsewhere.id }), 422, 'reply_to_other_post');
    expectProblem(await comment(ben, postId, { text: 'x', replyTo: '999' }), 404);
  });

  it('when a comment hides invisible or reordering characters, then 422 invalid_text naming the text field', async () => {
    const postId = await publishPost(ana);
    const res = await comment(ben, postId, { text: 'see \u202Egnp.exe' });
    expect(expectProblem(res, 422, 'invalid_text').fields?.[0]?.field).toBe('text');
  });

  it('when replyTo is digits past the 64-bit range, then 404 like any unknown comment, not a 500', async () => {
    const postId = await publishPost(ana);
    expectProblem(await comment(ben, postId, { text: 'x', replyTo: '9999999999999999999' }), 404, 'not_found');
  });

  it('when a comment is restricted, then nobody but its writer and the post author can reach its thread', async () => {
    const postId = await publishPost(ana);
    const rex = await signUp(server);
    await relate(ana, rex, 'restrict');
    const hidden = (await comment(rex, postId, { text: 'sneaky' })).json();
    const thread = `/api/v1/posts/${postId}/comments/${hidden.id}`;
    expectProblem(await comment(ben, postId, { text: 'what?', replyTo: hidden.id }), 404, 'not_found');
    expectProblem(await ben.call({ method: 'GET', url: `${thread}/replies` }), 404, 'not_found');
    expectProblem(await server.inject({ method: 'GET', url: `${thread}/replies` }), 404, 'not_found');
    expectProblem(await ben.call({ method: 'POST', url: `${thread}/like` }), 404, 'not_found');
    expectProblem(await ben.call({ method: 'DELETE', url: thread }), 404, 'not_found');
    expect((await comment(ana, postId, { text: 'seen', replyTo: hidden.id })).statusCode).toBe(201);
    expect((await rex.call({ method: 'GET', url: `${thread}/replies` })).json().items.map((c: { text: string }) => c.text)).toEqual(['seen']);
  });

  it('when a commenter and I block each other, then I can neither like, reply to nor open their comment by its id; the post author still deletes it', async () => {
    const postId = await publishPost(ana);
    const [blocker, shut] = [await signUp(server), await signUp(server)];
    const theirs = (await comment(blocker, postId, { text: 'not for you' })).json();
    await relate(blocker, shut, 'block');
    const thread = `/api/v1/posts/${postId}/comments/${theirs.id}`;
    expect((await comments(shut, postId)).json().items.map((c: { id: string }) => c.id)).not.toContain(theirs.id);
    expectProblem(await shut.call({ method: 'POST', url: `${thread}/like` }), 404, 'not_found');
    expectProblem(await comment(shut, postId, { text: 'hello?', replyTo: theirs.id }), 404, 'not_found');
    expectProblem(await shut.call({ method: 'GET', url: `${thread}/replies` }), 404, 'not_found');
    expect((await comment(ben, postId, { text: 'others still can', replyTo: theirs.id })).statusCode).toBe(201);
    expect((await ana.call({ method: 'DELETE', url: thread })).statusCode).toBe(204);
  });
});

describe('saves and sharing', () => {
  it('when saving, then the post is in my saved list with viewerHasSaved, and nobody else sees it', async () => {
    const postId = await publishPost(ana);
    expect((await ben.call({ method: 'POST', url: `/api/v1/posts/${postId}/save` })).json()).toEqual({ saved: true });
    await ben.call({ method: 'POST', url: `/api/v1/posts/${postId}/save` });
    const saved = (await ben.call({ method: 'GET', url: '/api/v1/me/saved' })).json();
    expect(saved.items).toHaveLength(1);
    expect(saved.items[0]).toMatchObject({ postId, userId: ana.id, username: ana.username, viewerHasSaved: true, likes: 0, comments: 0 });
    expect((await cam.call({ method: 'GET', url: '/api/v1/me/saved' })).json().items).toEqual([]);
    await ben.call({ method: 'DELETE', url: `/api/v1/posts/${postId}/save` });
    expect((await ben.call({ method: 'GET', url: '/api/v1/me/saved' })).json().items).toEqual([]);
  });

  it('when a saved post is archived, then it leaves the saved list', async () => {
    const postId = await publishPost(ana);
    await cam.call({ method: 'POST', url: `/api/v1/posts/${postId}/save` });
    await ana.call({ method: 'POST', url: `/api/v1/posts/${postId}/archive` });
    expect((await cam.call({ method: 'GET', url: '/api/v1/me/saved' })).json().items.map((p: { postId: string }) => p.postId)).not.toContain(postId);
  });

  it('when a saved post\'s author blocks me or goes private, then it leaves my saved list', async () => {
    const [blocker, hider, saver] = [await signUp(server), await signUp(server), await signUp(server)];
    const [blocked, hidden, kept] = [await publishPost(blocker), await publishPost(hider), await publishPost(ana)];
    for (const postId of [kept, hidden, blocked]) await saver.call({ method: 'POST', url: `/api/v1/posts/${postId}/save` });
    const savedIds = async () => (await saver.call({ method: 'GET', url: '/api/v1/me/saved' })).json().items.map((p: { postId: string }) => p.postId);
    expect(await savedIds()).toEqual([blocked, hidden, kept]);
    await relate(blocker, saver, 'block');
    await hider.call({ method: 'PATCH', url: '/api/v1/me', payload: { isPrivate: true } });
    expect(await savedIds()).toEqual([kept]);
  });

  it('when sharing, then a link to the post comes back', async () => {
    const postId = await publishPost(ana);
    const share = (await ben.call({ method: 'GET', url: `/api/v1/posts/${postId}/share` })).json();
    expect(share.postId).toBe(postId);
    expect(share.url).toMatch(new RegExp(`/p/${postId}$`));
  });
});

describe('counters', () => {
  it('when counters are rebuilt, then they match the like and comment rows', async () => {
    const postId = await publishPost(ana);
    await like(ben, postId);
    await comment(ben, postId, { text: 'x' });
    server.pictor.db.prepare('UPDATE post_counters SET likes = 999 WHERE post_id = ?').run(BigInt(postId));
    const result = await server.pictor.interactions.rebuildCounters();
    expect(result.corrected).toBe(1);
    expect((await like(ben, postId)).json().likes).toBe(1);
  });

  it('when a post is deleted, then its likes and saves go with it', async () => {
    const postId = await publishPost(ana);
    await like(ben, postId);
    await ben.call({ method: 'POST', url: `/api/v1/posts/${postId}/save` });
    await ana.call({ method: 'DELETE', url: `/api/v1/posts/${postId}` });
    await server.pictor.drain();
    expect(server.pictor.db.prepare('SELECT count(*) FROM post_likes WHERE post_id = ?').pluck().get(BigInt(postId))).toBe(0n);
    expect(server.pictor.db.prepare('SELECT count(*) FROM saves WHERE post_id = ?').pluck().get(BigInt(postId))).toBe(0n);
  });

  it('when an account is deleted, then its likes, comments and saves go, and the counts on other people\'s posts drop', async () => {
    const postId = await publishPost(ana);
    const leaver = await signUp(server);
    await like(leaver, postId);
    await like(cam, postId);
    const theirs = (await comment(leaver, postId, { text: 'bye soon' })).json();
    await comment(cam, postId, { text: 'a reply', replyTo: theirs.id });
    await comment(cam, postId, { text: 'stays' });
    await leaver.call({ method: 'POST', url: `/api/v1/posts/${postId}/save` });
    const before = (await ben.call({ method: 'GET', url: `/api/v1/posts/${postId}` })).json();
    expect([before.likes, before.comments]).toEqual([2, 3]);

    expect((await leaver.call({ method: 'DELETE', url: '/api/v1/me', payload: { password: leaver.password } })).statusCode).toBe(204);
    await server.pictor.drain();
    const after = (await ben.call({ method: 'GET', url: `/api/v1/posts/${postId}` })).json();
    expect([after.likes, after.comments]).toEqual([1, 1]);
    expect((await comments(ben, postId)).json().items.map((c: { text: string }) => c.text)).toEqual(['stays']);
    expect(server.pictor.db.prepare('SELECT count(*) FROM saves WHERE user_id = ?').pluck().get(BigInt(leaver.id))).toBe(0n);
  });
});
