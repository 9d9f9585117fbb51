// Shared by the end-to-end tests: the built app served on loopback, real
// headless Chromium (Debian's, never a downloaded one) at phone size, axe.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = `${root}dist`;

export const PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true, locale: 'nb-NO' };

// As the machine notes say: without the background-networking flags,
// Chromium tries to reach Google's hosts on this closed network.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...ARGS, ...extraArgs] });
}

export async function startApp(options) {
  return serve(DIST, options);
}

export function planJson(id) {
  return JSON.parse(readFileSync(`${root}assets/plans/${id}.json`, 'utf8'));
}

export const PLANS = ['halden-vgs', 'kjentmann-brosjyre'].map(planJson);

/** A fresh phone-sized page that fails the test on any page error. */
export async function phonePage(browser, options = {}) {
  const context = await browser.newContext({ ...PHONE, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

/** Opens a page and waits until the app itself has drawn it: the home
 *  screen prerendered into index.html is gone and an h1 is there. */
export async function open(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => !document.querySelector('.prerender') && document.querySelector('h1'));
}

/** Runs axe (WCAG 2.1 A and AA) and returns a readable list of violations. */
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The `tel:` target the app must produce for a number as the plan prints it. */
export function telTarget(printed) {
  const digits = printed.replace(/[^0-9]/g, '');
  if (printed.trim().startsWith('+')) return `+${digits}`;
  return digits.length === 8 ? `+47${digits}` : digits;
}

/** Choose a plan the way a user does: on the plan page. */
export async function choosePlan(page, baseUrl, plan) {
  await open(page, `${baseUrl}/plan`);
  await page.getByLabel('Skolens plan').selectOption(plan.id);
  await page.locator('h1', { hasText: plan.meta.title }).waitFor();
}

/** Fills localStorage's quota, so the browser refuses every further write. */
export async function fillQuota(page) {
  await page.evaluate(() => {
    const chunk = 'x'.repeat(1 << 20);
    for (let i = 0; ; i++) {
      try { localStorage.setItem(`fyll-${i}`, chunk); } catch { break; }
    }
    for (const size of [1024, 16, 1]) {
      for (let i = 0; ; i++) {
        try { localStorage.setItem(`fyll-${size}-${i}`, 'x'.repeat(size)); } catch { break; }
      }
    }
  });
}

/** Undoes `fillQuota`. */
export const freeQuota = (page) => page.evaluate(() =>
  Object.keys(localStorage).filter((k) => k.startsWith('fyll-')).forEach((k) => localStorage.removeItem(k)));

/** Every case stored on the device, as the app wrote it. */
export const storedCases = (page) => page.evaluate(() =>
  Object.keys(localStorage).filter((k) => k.startsWith('rusplan.case.')).map((k) => JSON.parse(localStorage.getItem(k)).case));

/** The plan studio (studio.html) at a laptop viewport, downloads allowed. */
export const LAPTOP = { viewport: { width: 1366, height: 768 }, locale: 'nb-NO', acceptDownloads: true };

/** A fresh context on the studio, its page errors and requests to another
 *  origin collected. */
export async function studioPage(browser, appUrl, options = LAPTOP) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  const elsewhere = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(appUrl) && !r.url().startsWith('data:')) elsewhere.push(r.url()); });
  await page.goto(`${appUrl}/studio.html`);
  await page.locator('h1', { hasText: 'Planstudio' }).waitFor();
  return { context, page, errors, elsewhere };
}

/** Opens a bundled plan, with its source text, in the studio. */
export async function openBundled(page, id) {
  await page.getByLabel('Plan i appen').selectOption(id);
  await page.getByRole('button', { name: 'Åpne planen med kildeteksten' }).click();
  await page.getByRole('status').filter({ hasText: `Åpnet planen «${id}»` }).waitFor();
}
