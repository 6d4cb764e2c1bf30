// Journeys for hearts under rapid clicks and across a sign-out, and for the likers sheet past its first page.
// They run after journeys-organise.mjs, in the same world (alice has posted world.postId; bob follows her).
import assert from 'node:assert/strict';
import { checkA11y, DESKTOP, PASSWORD, shoot, uniqueName } from './helpers.mjs';

const POST_LIKE = /\/api\/v1\/posts\/\d+\/like$/;
const COMMENT_LIKE = /\/api\/v1\/posts\/\d+\/comments\/\d+\/like$/;
/** The post's heart, whichever way it points. */
const postHeart = (page) => page.getByRole('button', { name: /^(Like|Unlike)$/ });

/** Opens the post's page and answers its heart once it is drawn. */
async function openPostHeart(page, postId) {
  await page.goto(`/p/${postId}`);
  const heart = postHeart(page);
  await heart.waitFor();
  return heart;
}

/**
 * Lets every like request reach the server at once but holds its answer back, the first of a burst
 * longest: two requests in flight together would then be answered out of order, the fault this guards.
 * Counts how many were in flight at the same time.
 */
async function holdAnswers(page, pattern) {
  const traffic = { sent: 0, inFlight: 0, mostInFlight: 0, lastSettled: Date.now() };
  let inBurst = 0;
  await page.route(pattern, async (route) => {
    traffic.sent++;
    traffic.mostInFlight = Math.max(traffic.mostInFlight, ++traffic.inFlight);
    const hold = Math.max(100, 900 - 400 * inBurst++);
    try {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, hold));
      await route.fulfill({ response });
    } finally {
      traffic.inFlight--;
      traffic.lastSettled = Date.now();
    }
  });
  return {
    traffic,
    startBurst() {
      inBurst = 0;
      Object.assign(traffic, { sent: 0, mostInFlight: 0 });
    },
    /** Until nothing is in flight and nothing new was asked for a while. */
    async settled(quiet = 1000) {
      const deadline = Date.now() + 15_000;
      while (traffic.inFlight > 0 || Date.now() - traffic.lastSettled < quiet) {
        assert.ok(Date.now() < deadline, 'like requests did not settle');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: () => page.unroute(pattern),
  };
}

/** The count a heart shows next to it ("3 likes"), 0 when it shows none. */
async function shownCount(locator) {
  if ((await locator.count()) === 0) return 0;
  return Number(((await locator.first().textContent()) ?? '').replace(/[^\d]/g, ''));
}

/** Clicks `heart` `clicks` times as one quick burst; it must flip on every click, before any answer. */
async function burst(heart, clicks) {
  const before = (await heart.getAttribute('aria-pressed')) === 'true';
  await heart.click({ clickCount: clicks, delay: 0 });
  const expected = clicks % 2 === 1 ? !before : before;
  assert.equal((await heart.getAttribute('aria-pressed')) === 'true', expected, `the heart did not follow ${clicks} clicks at once`);
  return expected;
}

/** That the heart is pressed and the count shown exactly as `truth` says (the server's state). */
async function assertShows(heart, count, truth, why = '') {
  assert.equal((await heart.getAttribute('aria-pressed')) === 'true', truth.liked, `the heart disagrees with the server${why}`);
  assert.equal(await shownCount(count), truth.likes, `the count disagrees with the server${why}`);
}

/**
 * Clicks `heart` in quick bursts of `bursts` clicks with its answers held back (holdAnswers). After
 * each burst one request was in flight at a time, the server holds where the clicks left the heart,
 * and heart and count show what the server (`truth()`) holds; after a reload too.
 */
async function rapidClicks(page, { pattern, heart, count, truth, bursts }) {
  const likes = await holdAnswers(page, pattern);
  try {
    for (const clicks of bursts) {
      likes.startBurst();
      const expected = await burst(heart, clicks);
      await likes.settled();
      assert.equal(likes.traffic.mostInFlight, 1, `${clicks} clicks had ${likes.traffic.mostInFlight} like requests in flight together`);
      const held = await truth();
      assert.equal(held.liked, expected, `after ${clicks} clicks the server holds liked=${held.liked}`);
      await assertShows(heart, count, held);
    }
  } finally {
    await likes.stop();
  }
  const held = await truth();
  await page.reload();
  await heart.waitFor();
  await assertShows(heart, count, held, ' after a reload');
}

async function postTruth(page, postId) {
  const post = await (await page.request.get(`/api/v1/posts/${postId}`)).json();
  return { liked: post.viewerHasLiked, likes: post.likes };
}

async function commentTruth(page, postId, text) {
  const thread = await (await page.request.get(`/api/v1/posts/${postId}/comments`, { params: { limit: 50 } })).json();
  const found = thread.items.find((c) => c.text === text);
  return { liked: found.viewerHasLiked, likes: found.likes };
}

/** A session made through the API (no browser), for seeding many people cheaply. */
async function apiPerson(url, base) {
  const username = uniqueName(base);
  const response = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, email: `${username}@example.test`, password: PASSWORD }),
  });
  const body = await response.text();
  assert.equal(response.status, 201, body);
  return { username, token: JSON.parse(body).token };
}

/** `count` new accounts, each liking `postId`, in the order returned. */
async function likersOf(world, postId, count) {
  const fans = [];
  while (fans.length < count) fans.push(...(await Promise.all(Array.from({ length: 5 }, () => apiPerson(world.url, 'fan')))));
  for (const fan of fans) {
    const response = await fetch(`${world.url}/api/v1/posts/${postId}/like`, { method: 'POST', headers: { authorization: `Bearer ${fan.token}` } });
    assert.equal(response.status, 200, await response.text());
  }
  return fans;
}

export const likeJourneys = [
  {
    name: 'rapid clicks on a post heart: it flips at once, one request at a time, and ends where the server is',
    async run(world) {
      const bob = world.bob.page;
      const heart = await openPostHeart(bob, world.postId);
      await rapidClicks(bob, {
        pattern: POST_LIKE,
        heart,
        count: bob.locator('.likes-line'),
        truth: () => postTruth(bob, world.postId),
        bursts: [2, 3, 2, 3],
      });
    },
  },
  {
    name: 'rapid clicks on a comment heart end where the server is, after a reload too',
    async run(world) {
      const text = 'Hearts, quickly';
      const alice = world.alice.page;
      const csrf = (await world.alice.context.cookies()).find((c) => c.name === 'pictor_csrf')?.value ?? '';
      assert.ok((await alice.request.post(`/api/v1/posts/${world.postId}/comments`, { data: { text }, headers: { 'x-csrf-token': csrf } })).ok());
      const bob = world.bob.page;
      await bob.goto(`/p/${world.postId}`);
      const item = bob.locator('.comment', { hasText: text });
      await rapidClicks(bob, {
        pattern: COMMENT_LIKE,
        heart: item.getByRole('button', { name: `Like comment by ${world.alice.username}` }),
        count: item.locator('.comment-meta span', { hasText: /\blikes?$/ }),
        truth: () => commentTruth(bob, world.postId, text),
        bursts: [3, 2, 3],
      });
    },
  },
  {
    name: 'a like that fails puts the heart and count back to what the server holds, and says why',
    async run(world) {
      const bob = world.bob.page;
      const heart = await openPostHeart(bob, world.postId);
      const truth = await postTruth(bob, world.postId);
      await bob.route(POST_LIKE, (route) => route.abort());
      try {
        await heart.click();
        await bob.getByText('Pictor could not be reached').waitFor();
        await assertShows(heart, bob.locator('.likes-line'), truth);
      } finally {
        await bob.unroute(POST_LIKE);
      }
      await heart.click();
      await bob.getByRole('button', { name: truth.liked ? 'Like' : 'Unlike', exact: true }).waitFor();
      await bob.getByText('Pictor could not be reached').waitFor({ state: 'detached' });
      assert.equal((await postTruth(bob, world.postId)).liked, !truth.liked);
    },
  },
  {
    name: 'the likers sheet pages past its first page, and a page that fails offers Try again',
    async run(world) {
      // 60 more people like alice's post (through the API: only the sheet is under test).
      const fans = await likersOf(world, world.postId, 60);
      const bob = world.bob.page;
      const { likes } = await postTruth(bob, world.postId);
      assert.ok(likes >= fans.length, `expected at least ${fans.length} likes, the server says ${likes}`);
      const sheet = bob.getByRole('dialog', { name: 'Likes' });
      const rows = sheet.locator('.user-row');
      const nextPage = /\/likes\?.*cursor=/;
      await bob.route(nextPage, (route) => route.abort());
      let firstPage = 0;
      try {
        await bob.goto(`/p/${world.postId}`);
        await bob.locator('.likes-line').click();
        // Most recent first: the last fan to like leads the list.
        await sheet.getByRole('link', { name: fans.at(-1).username }).waitFor();
        await sheet.locator('.load-more').scrollIntoViewIfNeeded();
        await sheet.getByText('Pictor could not be reached').waitFor();
        firstPage = await rows.count();
        assert.ok(firstPage < likes, `the first page already held all ${likes} likers`);
        await checkA11y(bob, 'likers sheet with a failed page');
      } finally {
        await bob.unroute(nextPage);
      }
      await sheet.getByRole('button', { name: 'Try again' }).click();
      await rows.nth(firstPage).waitFor();
      // Scrolling to the end brings the rest, however many pages that takes.
      for (let guard = 0; (await rows.count()) < likes; guard++) {
        assert.ok(guard < 20, `the sheet stopped at ${await rows.count()} of ${likes} likers`);
        const more = sheet.locator('.load-more');
        if (await more.count()) await more.scrollIntoViewIfNeeded();
        await bob.waitForTimeout(300);
      }
      const names = await sheet.locator('.user-row strong').allTextContents();
      assert.equal(new Set(names).size, likes, 'a liker shows twice');
      for (const fan of fans) assert.ok(names.includes(fan.username), `${fan.username} is missing from the likers`);
      assert.equal(await sheet.locator('.load-more').count(), 0);
      await shoot(bob, 'phone-likers');
      await bob.keyboard.press('Escape');
      // Liking afterwards puts bob at the top when the sheet opens again (it is not served stale).
      const heart = postHeart(bob);
      if ((await heart.getAttribute('aria-pressed')) === 'true') {
        await Promise.all([bob.waitForResponse(POST_LIKE), heart.click()]);
      }
      await Promise.all([bob.waitForResponse(POST_LIKE), heart.click()]);
      await bob.locator('.likes-line').click();
      await rows.first().getByRole('link', { name: world.bob.username }).waitFor();
      await bob.keyboard.press('Escape');
    },
  },
  {
    name: 'signing out while a like is on its way sends nothing for the next person to sign in',
    async run(world) {
      // A session of bob's own, so signing it out leaves world.bob's signed in.
      const context = await world.browser.newContext({ viewport: DESKTOP, baseURL: world.url });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      try {
        await signIn(page, world.bob.username);
        const heart = await openPostHeart(page, world.postId);
        if ((await heart.getAttribute('aria-pressed')) !== 'true') await Promise.all([page.waitForResponse(POST_LIKE), heart.click()]);
        // Two clicks: bob's unlike goes out and its answer is held; the like after it waits its turn.
        let sent = 0;
        let release = () => {};
        const held = new Promise((resolve) => (release = resolve));
        await page.route(POST_LIKE, async (route) => {
          sent++;
          const response = await route.fetch();
          await held;
          await route.fulfill({ response });
        });
        await burst(heart, 2);
        await page.getByRole('link', { name: 'Settings' }).click();
        await signOutInApp(page);
        await signIn(page, world.carol.username);
        release();
        await page.waitForTimeout(1500);
        assert.equal(sent, 1, "bob's like was sent once carol had signed in");
        const seen = await (await world.carol.page.request.get(`/api/v1/posts/${world.postId}`)).json();
        assert.equal(seen.viewerHasLiked, false, 'carol likes a post she never touched');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "a like answered after signing out is not shown as the next person's",
    async run(world) {
      const context = await world.browser.newContext({ viewport: DESKTOP, baseURL: world.url });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      try {
        await signIn(page, world.bob.username);
        const heart = await openPostHeart(page, world.postId);
        if ((await heart.getAttribute('aria-pressed')) === 'true') await Promise.all([page.waitForResponse(POST_LIKE), heart.click()]);
        // Bob's like reaches the server; its answer is held until carol has the post on screen.
        let release = () => {};
        const held = new Promise((resolve) => (release = resolve));
        await page.route(POST_LIKE, async (route) => {
          const response = await route.fetch();
          await held;
          await route.fulfill({ response });
        });
        await heart.click();
        await page.getByRole('link', { name: 'Settings' }).click();
        await signOutInApp(page);
        await signIn(page, world.carol.username);
        // Within the app, no page load: the held answer still belongs to this running app.
        await page.evaluate((path) => {
          history.pushState({}, '', path);
          dispatchEvent(new PopStateEvent('popstate'));
        }, `/p/${world.postId}`);
        await postHeart(page).waitFor();
        release();
        await page.waitForTimeout(1500);
        assert.equal(await postHeart(page).getAttribute('aria-pressed'), 'false', "bob's answer shows carol's heart as liked");
        await page.unroute(POST_LIKE);
        await Promise.all([page.waitForResponse(POST_LIKE), postHeart(page).click()]); // carol's own like still works
        await Promise.all([page.waitForResponse(POST_LIKE), postHeart(page).click()]);
      } finally {
        await context.close();
      }
    },
  },
];

/**
 * Signs out from Settings and waits for the app's own way to the sign-in form: signing in before
 * it got there would load the page afresh and end the requests still on their way.
 */
async function signOutInApp(page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/accounts/login');
}

/** Signs in through the form, which leaves the app running (no page load between sessions). */
async function signIn(page, username) {
  if (!page.url().includes('/accounts/login')) await page.goto('/accounts/login');
  await page.getByLabel('Username or email').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}
