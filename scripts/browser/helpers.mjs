// Small steps the journeys share: people, photos, accessibility checks, screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SHOTS = '/tmp/shots';
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

let counter = 0;
export const uniqueName = (base) => `${base}${Date.now().toString(36).slice(-4)}${counter++}`;
export const PASSWORD = 'correct horse battery staple 42';

/** Whether the server publishes a route matching `re` (journeys for unbuilt APIs skip). */
export const hasRoute = (world, re) => world.paths.some((p) => re.test(p));

/** A fresh person in their own browser context (their own cookies). */
export async function person(browser, base, url, viewport = PHONE) {
  const context = await browser.newContext({ viewport, baseURL: url });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const username = uniqueName(base);
  return { context, page, username };
}

export async function signUp(who) {
  const { page, username } = who;
  await page.goto('/accounts/signup');
  await page.getByLabel('Email').fill(`${username}@example.test`);
  await page.getByLabel('Full name').fill(username[0].toUpperCase() + username.slice(1, 6));
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL((u) => u.pathname === '/');
}

/** A real photo made at test time: a gradient with a few shapes, so filters and thumbhash have content. */
export async function makePhoto(seed = 0, width = 1200, height = 900) {
  const hue = (seed * 67) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},70%,55%)"/><stop offset="1" stop-color="hsl(${(hue + 80) % 360},70%,35%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.7}" cy="${height * 0.35}" r="${height * 0.18}" fill="hsl(${(hue + 180) % 360},80%,70%)"/>
    <rect x="${width * 0.1}" y="${height * 0.6}" width="${width * 0.5}" height="${height * 0.25}" rx="30" fill="rgba(255,255,255,0.55)"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** Opens the compose page with one photo chosen and described. */
export async function startPost(page, seed, alt = `Test photo ${seed}`) {
  await page.goto('/create');
  await page.locator('input[type=file]').setInputFiles({ name: `photo-${seed}.jpg`, mimeType: 'image/jpeg', buffer: await makePhoto(seed) });
  await page.getByLabel('Alt text for photo 1').fill(alt);
}

export async function postPhoto(who, { caption, seed = 1 }) {
  const { page } = who;
  await startPost(page, seed, `Test photo ${seed}: a gradient with a circle`);
  await page.getByText('Clarendon').click();
  await page.getByLabel('Caption').fill(caption);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.waitForURL(/\/p\/\d+$/, { timeout: 60_000 });
  return page.url().split('/p/')[1];
}

/** Comments on a post from its page and waits for the comment to show. */
export async function comment(page, postId, text) {
  await page.goto(`/p/${postId}`);
  await page.getByLabel('Add a comment').fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await page.getByText(text).waitFor();
}

/** A desktop-sized window signed in as `who` (a copy of their cookies). */
export async function asDesktop(world, who) {
  const context = await world.browser.newContext({ viewport: DESKTOP, baseURL: world.url, storageState: await who.context.storageState() });
  return { context, page: await context.newPage() };
}

/** Goes to a page of the app and waits until its main content is there. */
export async function open(page, path) {
  await page.goto(path);
  await page.locator('main h1, main article, main section').first().waitFor();
}

/** Fails on serious or critical axe-core violations. */
export async function checkA11y(page, label) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    const axe = /** @type {any} */ (window).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const text = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('\n  ');
    throw new Error(`accessibility violations on ${label}:\n  ${text}`);
  }
}

export async function shoot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}
