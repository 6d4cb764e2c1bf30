import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relate } from '../factories/posts.js';
import { expectProblem, signUp, type TestUser } from '../factories/users.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let viewer: TestUser;
// Every name in this file starts with a prefix no other test file uses, so results are exact.
const P = `srch${process.pid % 1000}`;

beforeAll(async () => {
  server = await startTestServer({ PICTOR_LIMIT_SIGNUP_ADDRESS: '1000/60', PICTOR_LIMIT_WRITES_USER: '10000/60', PICTOR_LIMIT_SEARCH_USER: '1000/60' });
  viewer = await signUp(server, { username: `${P}viewer` });
});
afterAll(() => server.close());

const search = (user: TestUser, query: Record<string, string>) =>
  user.call({ method: 'GET', url: `/api/v1/users/search?${new URLSearchParams(query)}` });
const names = (res: { json(): { items: { username: string }[] } }) => res.json().items.map((u) => u.username);

async function person(suffix: string, displayName?: string) {
  const user = await signUp(server, { username: `${P}${suffix}` });
  if (displayName !== undefined) await user.call({ method: 'PATCH', url: '/api/v1/me', payload: { displayName } });
  return user;
}

describe('searching accounts for @mentions', () => {
  it('when a username prefix is typed in any case or with "@", then matching accounts come back, usernames first, then display names', async () => {
    await person('anna');
    await person('annabel');
    await person('bo', 'Annika Berg');
    await person('cy', 'Zoë Élan');
    const res = await search(viewer, { q: `@${P.toUpperCase()}ANN` });
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual([`${P}anna`, `${P}annabel`]);
    expect(res.json().items[0]).toMatchObject({ username: `${P}anna`, displayName: '', avatar: null, isPrivate: false });
    expect(res.json().items[0].id).toMatch(/^[0-9]+$/);
    // Display names are matched from their start, case-insensitively, beyond ASCII too.
    expect(names(await search(viewer, { q: 'annika b' }))).toContain(`${P}bo`);
    expect(names(await search(viewer, { q: 'ZOË É' }))).toEqual([`${P}cy`]);
    expect(names(await search(viewer, { q: 'berg' }))).not.toContain(`${P}bo`);
  });

  it('when an account matches by both username and display name, then it appears once', async () => {
    const both = await person('dup', `${P}dup the second`);
    const res = await search(viewer, { q: `${P}dup` });
    expect(res.json().items.filter((u: { id: string }) => u.id === both.id)).toHaveLength(1);
  });

  it('when the viewer blocked someone, or someone blocked the viewer, then neither is suggested, and the page is refilled', async () => {
    const blockedByViewer = await person('blk1');
    const blocker = await person('blk2');
    const visible = await person('blk3');
    await relate(viewer, blockedByViewer, 'block');
    await relate(blocker, viewer, 'block');
    expect(names(await search(viewer, { q: `${P}blk` }))).toEqual([visible.username]);
    // The two hidden accounts sort first; a limit of one still finds the visible one.
    expect(names(await search(viewer, { q: `${P}blk`, limit: '1' }))).toEqual([visible.username]);
    // Each side is hidden from the other, not from everyone.
    const bystander = await person('blkbystander');
    expect(names(await search(bystander, { q: `${P}blk` }))).toEqual([`${P}blk1`, `${P}blk2`, `${P}blk3`, bystander.username]);
    await relate(viewer, blockedByViewer, 'block', false);
    expect(names(await search(viewer, { q: `${P}blk` }))).toEqual([`${P}blk1`, `${P}blk3`, bystander.username]);
  });

  it('when an account is deleted, then it is no longer found', async () => {
    const leaving = await person('gone');
    expect(names(await search(viewer, { q: `${P}gone` }))).toEqual([leaving.username]);
    const res = await leaving.call({ method: 'DELETE', url: '/api/v1/me', payload: { password: leaving.password } });
    expect(res.statusCode).toBe(204);
    expect(names(await search(viewer, { q: `${P}gone` }))).toEqual([]);
  });

  it('when a limit is given, then at most that many come back, in username order; the default is 8', async () => {
    for (let i = 0; i < 10; i++) await person(`lim${i}`);
    expect(names(await search(viewer, { q: `${P}lim`, limit: '3' }))).toEqual([0, 1, 2].map((i) => `${P}lim${i}`));
    expect(names(await search(viewer, { q: `${P}lim` }))).toHaveLength(8);
    expectProblem(await search(viewer, { q: `${P}lim`, limit: '21' }), 400, 'validation_failed');
    expectProblem(await search(viewer, { q: `${P}lim`, limit: '0' }), 400, 'validation_failed');
  });

  it('when q is missing, empty, only "@", too long or hides control characters, then 400 problem+json naming q', async () => {
    const bad: Record<string, string>[] = [{}, { q: '' }, { q: '@' }, { q: '   ' }, { q: 'a'.repeat(65) }, { q: 'an\u202Ena' }, { q: 'a\u0000' }];
    for (const query of bad) {
      const problem = expectProblem(await search(viewer, query), 400, 'validation_failed');
      expect(problem.fields?.map((f) => f.field)).toContain('q');
    }
  });

  it('when nobody is signed in, then 401', async () => {
    expectProblem(await server.inject({ method: 'GET', url: `/api/v1/users/search?q=${P}` }), 401, 'unauthenticated');
  });

  it('when one account searches past its budget, then 429 with Retry-After, and others still search', async () => {
    const limited = await startTestServer({ PICTOR_LIMIT_SEARCH_USER: '3/60' });
    try {
      const [eager, calm] = [await signUp(limited), await signUp(limited)];
      const ask = (user: TestUser) => user.call({ method: 'GET', url: '/api/v1/users/search?q=user' });
      for (let i = 0; i < 3; i++) expect((await ask(eager)).statusCode).toBe(200);
      const refused = expectProblem(await ask(eager), 429, 'rate_limited');
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect((await ask(calm)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
