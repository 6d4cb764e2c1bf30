// The journeys issue 5 asks for, each a function of a shared world (server + browser + people).
import assert from 'node:assert/strict';
import { asDesktop, checkA11y, comment, hasRoute, makePhoto, open, PASSWORD, person, postPhoto, shoot, signUp } from './helpers.mjs';
import { likeJourneys } from './journeys-likes.mjs';
import { organiseJourneys } from './journeys-organise.mjs';

export const journeys = [
  {
    name: 'sign-up, then a taken username and a wrong password are refused in words',
    async run(world) {
      world.alice = await person(world.browser, 'alice', world.url);
      await signUp(world.alice);
      await world.alice.page.getByRole('link', { name: 'Profile' }).first().waitFor();
      const other = await person(world.browser, 'mallory', world.url);
      await other.page.goto('/accounts/signup');
      await other.page.getByLabel('Email').fill(`${other.username}@example.test`);
      await other.page.getByLabel('Username').fill(world.alice.username);
      await other.page.getByLabel('Password').fill(PASSWORD);
      await other.page.getByRole('button', { name: 'Sign up' }).click();
      const alert = other.page.getByRole('alert');
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? "", /taken|already|use/i);
      await other.page.goto('/accounts/login');
      await other.page.getByLabel('Username or email').fill(world.alice.username);
      await other.page.getByLabel('Password').fill('not the password');
      await other.page.getByRole('button', { name: 'Sign in' }).click();
      await other.page.getByRole('alert').waitFor();
      await checkA11y(other.page, 'sign in');
      await other.context.close();
    },
  },
  {
    name: 'a sign-in link whose next page is off-site leads home instead',
    async run(world) {
      const { page } = world.alice;
      for (const next of ['//example.com/x', 'https://example.com/x', '/\\example.com/x']) {
        await page.goto(`/accounts/login?next=${encodeURIComponent(next)}`);
        await page.waitForURL((u) => u.origin === world.url && u.pathname === '/');
        await page.getByRole('heading', { name: 'Home' }).waitFor({ state: 'attached' });
      }
    },
  },
  {
    name: 'posting a photo: pick, filter, alt text, caption, progress, then the post page',
    async run(world) {
      world.postId = await postPhoto(world.alice, { caption: 'Golden hour at the pier #sunset' });
      const { page } = world.alice;
      const image = page.locator('article img').first();
      await image.waitFor();
      assert.equal(await image.getAttribute('alt'), 'Test photo 1: a gradient with a circle');
      await page.waitForFunction(() => [...document.querySelectorAll('article img')].some((i) => i.complete && i.naturalWidth > 0));
      await checkA11y(page, 'post page');
      await shoot(page, 'phone-post');
    },
  },
  {
    name: 'a refused upload says which file and why',
    async run(world) {
      const { page } = world.alice;
      await page.goto('/create');
      await page.locator('input[type=file]').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('<html>not a picture</html>') });
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? "";
      assert.match(text, /not|support|type|picture|image|photo/i, text);
      assert.match(page.url(), /\/create$/);
      await page.locator('input[type=file]').setInputFiles({ name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) });
      await page.getByText('empty.jpg is empty.').waitFor();
    },
  },
  {
    name: 'following a private account goes through approval',
    async run(world) {
      world.carol = await person(world.browser, 'carol', world.url);
      await signUp(world.carol);
      await world.carol.page.goto('/accounts/edit');
      await world.carol.page.getByRole('switch').click();
      await world.carol.page.locator('[role=switch][aria-checked=true]').waitFor();
      world.bob = await person(world.browser, 'bob', world.url);
      await signUp(world.bob);
      const bob = world.bob.page;
      await bob.goto(`/${world.carol.username}`);
      await bob.getByText('This account is private').waitFor();
      await bob.getByRole('button', { name: 'Follow' }).click();
      await bob.getByRole('button', { name: 'Withdraw follow request' }).waitFor();
      const carol = world.carol.page;
      await carol.goto('/accounts/requests');
      await carol.getByRole('button', { name: `Confirm ${world.bob.username}` }).click();
      await carol.getByText('No requests').waitFor();
      await checkA11y(carol, 'follow requests');
      await carol.goto(`/${world.carol.username}/followers`);
      await carol.getByRole('link', { name: world.bob.username }).waitFor();
      await bob.reload();
      await bob.getByRole('button', { name: `Unfollow ${world.carol.username}` }).waitFor();
      await bob.getByText('No posts yet').waitFor();
    },
  },
  {
    name: "seeing a followed account's post in the home feed",
    skip: (world) => !hasRoute(world, /^\/api\/v1\/feed/) && 'the home feed API (GET /api/v1/feed) is not published yet',
    async run(world) {
      const bob = world.bob.page;
      await bob.goto(`/${world.alice.username}`);
      await bob.getByRole('button', { name: 'Follow' }).click();
      await bob.getByRole('button', { name: `Unfollow ${world.alice.username}` }).waitFor();
      await bob.goto('/');
      await bob.locator('article', { hasText: 'Golden hour at the pier' }).waitFor({ timeout: 30_000 });
      await checkA11y(bob, 'home feed');
      await shoot(bob, 'phone-feed');
    },
  },
  {
    name: 'liking a post (optimistic, survives a reload)',
    skip: (world) => !hasRoute(world, /\/like/) && 'the likes API is not published yet',
    async run(world) {
      const bob = world.bob.page;
      await bob.goto(`/p/${world.postId}`);
      await bob.getByRole('button', { name: 'Like' }).click();
      await bob.getByRole('button', { name: 'Unlike' }).waitFor();
      await bob.reload();
      await bob.getByRole('button', { name: 'Unlike' }).waitFor();
    },
  },
  {
    name: 'a like changed on the post page shows in the feed on going back',
    skip: (world) => !hasRoute(world, /^\/api\/v1\/feed/) && 'the home feed API (GET /api/v1/feed) is not published yet',
    async run(world) {
      const bob = world.bob.page;
      const card = () => bob.locator('article', { hasText: 'Golden hour at the pier' });
      await bob.goto('/');
      await card().getByRole('button', { name: 'Unlike' }).waitFor();
      await card().getByRole('link', { name: 'Comment' }).click();
      await bob.waitForURL(/\/p\/\d+/);
      await bob.getByRole('button', { name: 'Unlike' }).click();
      await bob.getByRole('button', { name: 'Like', exact: true }).waitFor();
      await bob.goBack();
      await card().getByRole('button', { name: 'Like', exact: true }).click();
      await card().getByRole('button', { name: 'Unlike' }).waitFor();
    },
  },
  {
    name: 'commenting on a post',
    skip: (world) => !hasRoute(world, /\/comments/) && 'the comments API is not published yet',
    async run(world) {
      const bob = world.bob.page;
      await comment(bob, world.postId, 'What a view!');
      await bob.reload();
      await bob.getByText('What a view!').waitFor();
    },
  },
  {
    name: 'main pages at desktop width pass axe and are captured',
    async run(world) {
      const { context: desk, page } = await asDesktop(world, world.alice);
      for (const [path, name] of [[`/${world.alice.username}`, 'profile'], [`/p/${world.postId}`, 'post'], ['/create', 'compose'], ['/accounts/settings', 'settings'], ['/', 'feed'], ['/explore', 'explore']]) {
        await open(page, path);
        await checkA11y(page, `${name} (desktop)`);
        await shoot(page, `desktop-${name}`);
      }
      await page.goto('/create');
      await page.locator('input[type=file]').setInputFiles([1, 2, 3].map((n) => ({ name: `p${n}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.alloc(0) })));
      await page.locator('input[type=file]').setInputFiles({ name: 'p.jpg', mimeType: 'image/jpeg', buffer: await makePhoto(4) });
      await shoot(page, 'desktop-compose-editing');
      await desk.close();
      const { page: phone } = world.alice;
      for (const [path, name] of [[`/${world.alice.username}`, 'profile'], ['/', 'feed'], ['/accounts/settings', 'settings']]) {
        await open(phone, path);
        await checkA11y(phone, `${name} (phone)`);
        await shoot(phone, `phone-${name}`);
      }
      const anon = await person(world.browser, 'anon', world.url);
      await anon.page.goto('/accounts/signup');
      await checkA11y(anon.page, 'sign up');
      await shoot(anon.page, 'phone-signup');
      await anon.context.close();
    },
  },
  // Albums, editing, comment likes, @mention search, places, the blocked list.
  ...organiseJourneys,
  // Hearts under rapid clicks, and the likers sheet past its first page.
  ...likeJourneys,
];
