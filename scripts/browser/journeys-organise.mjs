// Journeys for what a person does with posts after sharing them (issue 5's gaps): albums, editing,
// comment likes, @mention suggestions, a place without coordinates, and the blocked list.
// They run after the journeys in journeys.mjs, in the same world (alice has posted world.postId).
import assert from 'node:assert/strict';
import { asDesktop, checkA11y, comment, hasRoute, open, person, shoot, signUp, startPost } from './helpers.mjs';

/** Opens the ⋯ menu of the one post on the page and picks an item. */
async function postMenu(page, item) {
  await page.getByRole('button', { name: 'More options' }).first().click();
  await page.getByRole('dialog', { name: 'Post options' }).getByRole('button', { name: item, exact: true }).click();
}

export const organiseJourneys = [
  {
    name: 'creating an album, adding a post from its menu, renaming the album and taking the post out',
    async run(world) {
      const { page, username } = world.alice;
      await page.goto(`/${username}`);
      await page.getByRole('button', { name: 'Albums' }).click();
      await page.getByRole('button', { name: 'New album' }).click();
      await page.getByRole('dialog', { name: 'New album' }).getByLabel('Album name').fill('Seaside');
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await page.waitForURL(/\/albums\/\d+$/);
      world.albumPath = new URL(page.url()).pathname;
      await page.getByText('This album is empty').waitFor();

      await page.goto(`/p/${world.postId}`);
      await postMenu(page, 'Add to album');
      const picker = page.getByRole('dialog', { name: 'Add to album' });
      await picker.getByRole('button', { name: 'Add to Seaside' }).click();
      await picker.getByText('Added to Seaside.').waitFor();
      await picker.getByRole('button', { name: 'Remove from Seaside' }).waitFor();
      await checkA11y(page, 'album picker');
      await shoot(page, 'phone-album-picker');
      await page.keyboard.press('Escape');

      await page.goto(world.albumPath);
      await page.locator(`a[href="/p/${world.postId}"]`).waitFor();
      await page.getByRole('button', { name: 'Edit album' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit album' });
      await edit.getByLabel('Album name').fill('Seaside 2026');
      await edit.getByRole('button', { name: 'Rename' }).click();
      await page.getByRole('heading', { name: /Seaside 2026/ }).waitFor();
      await checkA11y(page, 'album page (owner)');
      await shoot(page, 'phone-album');
      await page.getByRole('button', { name: 'Remove post 1 from album' }).click();
      await page.getByText('This album is empty').waitFor();
      // Put it back for the desktop pictures.
      await page.goto(`/p/${world.postId}`);
      await postMenu(page, 'Add to album');
      await page.getByRole('dialog', { name: 'Add to album' }).getByRole('button', { name: 'Add to Seaside 2026' }).click();
      await page.getByText('Added to Seaside 2026.').waitFor();
      // An album that is not there is unavailable, not an error to retry.
      await page.goto(`/${username}/albums/1`);
      await page.getByText("Sorry, this page isn't available.").waitFor();
      assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0);
    },
  },
  {
    name: 'editing a caption, alt text and the location (added, changed, left alone, removed) from the post menu',
    async run(world) {
      const { page } = world.alice;
      await page.goto(`/p/${world.postId}`);
      await postMenu(page, 'Edit');
      const sheet = page.getByRole('dialog', { name: 'Edit post' });
      await sheet.getByLabel('Caption').fill('Golden hour at the pier, edited #sunset');
      await sheet.getByLabel('Alt text').fill('A gradient with a circle, described again');
      await sheet.getByLabel('Location').fill(' Santa Monica Pier ');
      await checkA11y(page, 'edit post');
      await shoot(page, 'phone-edit-post');
      await sheet.getByRole('button', { name: 'Save' }).click();
      await sheet.waitFor({ state: 'hidden' });
      const article = page.locator('article').first();
      await article.getByText('Golden hour at the pier, edited').waitFor();
      await article.locator('.post-location', { hasText: 'Santa Monica Pier' }).waitFor();
      await page.reload();
      await page.locator('article').first().getByText('Golden hour at the pier, edited').waitFor();
      assert.equal(await page.locator('article img').first().getAttribute('alt'), 'A gradient with a circle, described again');
      const place = page.locator('article .post-location');
      assert.equal((await place.textContent())?.replace('Location: ', '').trim(), 'Santa Monica Pier');

      // Changed: the form opens on the current place, and the new one replaces it.
      await postMenu(page, 'Edit');
      assert.equal(await sheet.getByLabel('Location').inputValue(), 'Santa Monica Pier');
      await sheet.getByLabel('Location').fill('Venice Beach');
      await sheet.getByRole('button', { name: 'Save' }).click();
      await sheet.waitFor({ state: 'hidden' });
      await page.locator('article .post-location', { hasText: 'Venice Beach' }).waitFor();
      await page.reload();
      assert.equal((await place.textContent())?.replace('Location: ', '').trim(), 'Venice Beach');

      // Untouched: an edit of the alt text alone sends only that, so the place stays as it is.
      await postMenu(page, 'Edit');
      await sheet.getByLabel('Alt text').fill('A gradient with a circle, by the sea');
      const [patch] = await Promise.all([page.waitForRequest((r) => r.method() === 'PATCH'), sheet.getByRole('button', { name: 'Save' }).click()]);
      assert.deepEqual(patch.postDataJSON(), { alts: ['A gradient with a circle, by the sea'] });
      await sheet.waitFor({ state: 'hidden' });
      assert.equal((await place.textContent())?.replace('Location: ', '').trim(), 'Venice Beach');

      // Removed: an emptied field takes the place off; the caption stays as it was.
      await postMenu(page, 'Edit');
      await sheet.getByLabel('Location').fill('');
      await sheet.getByRole('button', { name: 'Save' }).click();
      await sheet.waitFor({ state: 'hidden' });
      await place.waitFor({ state: 'detached' });
      await page.reload();
      await page.locator('article').first().getByText('Golden hour at the pier, edited').waitFor();
      assert.equal(await place.count(), 0);
    },
  },
  {
    name: 'liking a comment (optimistic heart and count, survives a reload)',
    skip: (world) => !hasRoute(world, /\/comments\/\{commentId\}\/like/) && 'the comment likes API is not published yet',
    async run(world) {
      await comment(world.alice.page, world.postId, 'Thank you!');
      const bob = world.bob.page;
      await bob.goto(`/p/${world.postId}`);
      const heart = bob.getByRole('button', { name: `Like comment by ${world.alice.username}` });
      assert.equal(await heart.getAttribute('aria-pressed'), 'false');
      await heart.click();
      await bob.locator(`button[aria-label="Like comment by ${world.alice.username}"][aria-pressed="true"]`).waitFor();
      await bob.locator('.comment', { hasText: 'Thank you!' }).getByText('1 like', { exact: true }).waitFor();
      // Away and back while the thread is still fresh in memory: it is drawn from the cache, which knows.
      await bob.getByRole('link', { name: 'Home', exact: true }).first().click();
      await bob.waitForURL((u) => u.pathname === '/');
      await bob.goBack();
      await bob.locator(`button[aria-label="Like comment by ${world.alice.username}"][aria-pressed="true"]`).waitFor({ timeout: 5000 });
      await bob.reload();
      await bob.locator(`button[aria-label="Like comment by ${world.alice.username}"][aria-pressed="true"]`).waitFor();
      await checkA11y(bob, 'post with a liked comment');
      await shoot(bob, 'phone-comment-like');
    },
  },
  {
    name: 'a reply thread longer than one page shows every reply',
    skip: (world) => !hasRoute(world, /\/comments/) && 'the comments API is not published yet',
    async run(world) {
      const { page, context } = world.alice;
      const csrf = (await context.cookies()).find((c) => c.name === 'pictor_csrf')?.value ?? '';
      const write = (data) => page.request.post(`/api/v1/posts/${world.postId}/comments`, { data, headers: { 'x-csrf-token': csrf } });
      const parent = await (await write({ text: 'Thread start' })).json();
      for (let i = 1; i <= 23; i++) assert.ok((await write({ text: `Reply number ${i}`, replyTo: parent.id })).ok());
      await page.goto(`/p/${world.postId}`);
      await page.getByRole('button', { name: 'View replies (23)' }).click();
      const reply = (n) => page.locator('.replies .comment p', { hasText: new RegExp(`Reply number ${n}$`) });
      await reply('\\d+').first().waitFor();
      // Replies come 20 at a time: scrolling to the end of the thread brings the rest.
      await page.locator('.replies + .load-more').scrollIntoViewIfNeeded();
      for (const n of [1, 23]) await reply(n).waitFor();
    },
  },
  {
    name: 'a page of replies that fails to load says why and comes on trying again',
    skip: (world) => !hasRoute(world, /\/comments/) && 'the comments API is not published yet',
    async run(world) {
      const { page } = world.alice;
      const nextPage = /\/replies\?.*cursor=/;
      let asked = 0;
      await page.route(nextPage, (route) => {
        asked++;
        return route.abort();
      });
      await page.goto(`/p/${world.postId}`);
      await page.getByRole('button', { name: 'View replies (23)' }).click();
      await page.locator('.replies + .load-more').scrollIntoViewIfNeeded();
      await page.getByText('Pictor could not be reached').waitFor();
      // The failure is said and left to the person: nothing asks again while the end is in view.
      const after = asked;
      await page.waitForTimeout(2500);
      assert.equal(asked, after);
      await page.unroute(nextPage);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.locator('.replies .comment p', { hasText: /Reply number 23$/ }).waitFor();
    },
  },
  {
    name: '@mention suggestions come from account search and are picked with the keyboard',
    async run(world) {
      const { page } = world.alice;
      await startPost(page, 7);
      const caption = page.getByLabel('Caption');
      await caption.fill(`Sunset with @${world.bob.username.slice(0, 5).toUpperCase()}`);
      const suggestion = page.getByRole('list', { name: 'Suggestions' }).getByRole('button', { name: new RegExp(`@${world.bob.username}`) });
      await suggestion.waitFor();
      await checkA11y(page, 'compose with mention suggestions');
      await shoot(page, 'phone-mention-suggestions');
      await caption.press('ArrowDown');
      await page.keyboard.press('Enter');
      assert.equal(await caption.inputValue(), `Sunset with @${world.bob.username} `);
    },
  },
  {
    name: 'posting with a place name only (no device position)',
    async run(world) {
      const { page } = world.alice;
      await startPost(page, 8);
      await page.getByLabel('Caption').fill('Coffee first');
      // Pinned, then the field emptied: the place goes, position and all, so the pin does not stay.
      await page.context().grantPermissions(['geolocation']);
      await page.context().setGeolocation({ latitude: 38.71, longitude: -9.14 });
      await page.getByRole('button', { name: 'Add my position' }).click();
      await page.getByText('Pinned to your position.').waitFor();
      await page.getByLabel('Location').fill('');
      await page.getByRole('button', { name: 'Add my position' }).waitFor();
      await page.context().clearPermissions();
      await page.getByLabel('Location').fill('  Café Lumière, Lisbon ');
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await page.waitForURL(/\/p\/\d+$/, { timeout: 60_000 });
      world.placePostId = page.url().split('/p/')[1];
      const place = page.locator('article .post-location');
      await place.waitFor();
      assert.equal((await place.textContent())?.replace('Location: ', '').trim(), 'Café Lumière, Lisbon');
      const { location } = await (await page.request.get(`/api/v1/posts/${world.placePostId}`)).json();
      assert.deepEqual(location, { name: 'Café Lumière, Lisbon' });
      await checkA11y(page, 'post with a place');
      await shoot(page, 'phone-post-place');
    },
  },
  {
    name: 'unblocking from the blocked accounts list, with a way to take it back',
    async run(world) {
      world.eve = await person(world.browser, 'eve', world.url);
      await signUp(world.eve);
      const { page } = world.alice;
      await page.goto(`/${world.eve.username}`);
      await page.getByRole('button', { name: `Options for ${world.eve.username}` }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Block', exact: true }).click();
      // A blocked profile reads as unavailable: the blocked list is where to take a block back.
      await page.getByText(/You blocked|isn't available/).first().waitFor();
      await page.goto('/accounts/settings');
      await page.getByRole('link', { name: 'Blocked accounts' }).click();
      await page.getByRole('heading', { name: 'Blocked accounts' }).waitFor();
      await page.getByRole('button', { name: `Unblock ${world.eve.username}` }).click();
      await page.getByRole('button', { name: `Block ${world.eve.username}` }).waitFor();
      await page.getByText('Unblocked', { exact: true }).waitFor();
      await checkA11y(page, 'blocked accounts');
      await shoot(page, 'phone-blocked');
      await page.reload();
      await page.getByText('No blocked accounts').waitFor();
      await page.goto(`/${world.eve.username}`);
      await page.getByRole('button', { name: 'Follow' }).waitFor();
      await world.eve.context.close();
    },
  },
  {
    name: 'the new screens at desktop width pass axe and are captured',
    async run(world) {
      const { context: desk, page } = await asDesktop(world, world.alice);
      const steps = [
        ['album', world.albumPath, null],
        ['album-picker', `/p/${world.postId}`, () => postMenu(page, 'Add to album')],
        ['edit-post', `/p/${world.postId}`, () => postMenu(page, 'Edit')],
        ['post-place', `/p/${world.placePostId}`, null],
        ['privacy-settings', '/accounts/settings', null],
        ['profile-albums', `/${world.alice.username}`, () => page.getByRole('button', { name: 'Albums' }).click().then(() => page.getByRole('button', { name: 'New album' }).waitFor())],
        ['blocked', `/${world.eve.username}`, async () => {
          await page.getByRole('button', { name: `Options for ${world.eve.username}` }).click();
          await page.getByRole('dialog').getByRole('button', { name: 'Block', exact: true }).click();
          await page.getByRole('dialog').waitFor({ state: 'hidden' });
          await page.goto('/accounts/blocked');
          await page.getByRole('button', { name: `Unblock ${world.eve.username}` }).waitFor();
        }],
        ['mention-suggestions', null, async () => {
          await startPost(page, 9);
          await page.getByLabel('Caption').fill(`Hi @${world.bob.username.slice(0, 4)}`);
          await page.getByRole('list', { name: 'Suggestions' }).getByRole('button').first().waitFor();
        }],
      ];
      for (const [name, path, act] of steps) {
        if (path) await open(page, path);
        if (act) await act();
        await checkA11y(page, `${name} (desktop)`);
        await shoot(page, `desktop-${name}`);
      }
      await desk.close();
    },
  },
];
