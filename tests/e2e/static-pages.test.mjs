// Every page of the guidance the app links to is a file of its own
// (crates/prerender, scripts/postbuild.mjs): on a plain static host with no
// rewrite rule, at the root and under a sub-path, each link opens on a
// first visit, reads with JavaScript off, and is the app's own page; with
// JavaScript on, the app takes over in the program the address needs, and
// on a device that chose another plan, that plan's page is what shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, phonePage, PHONE, PLANS, DIST, axeViolations } from './harness.mjs';

const [HALDEN, BROCHURE] = PLANS;
let browser;
const hosts = [];
before(async () => {
  browser = await launch();
  // Plain hosts: no rewrite rule, a folder's address without "/" sent to the one with it.
  const atRoot = await serve(DIST, { spa: false });
  const site = mkdtempSync(join(tmpdir(), 'rusplan-site-'));
  symlinkSync(DIST, join(site, 'rusplan'));
  const underSubPath = await serve(site, { spa: false });
  hosts.push({ name: '/', base: `${atRoot.url}/`, close: atRoot.close },
    { name: '/rusplan/', base: `${underSubPath.url}/rusplan/`, close: underSubPath.close });
});
after(async () => {
  await browser?.close();
  for (const h of hosts) await h.close();
});

/** What each page must show, from the plan file (the default plan). */
function expectedHeading(path) {
  const situation = path.match(/^situasjon\/([^/]+)\/$/);
  if (situation) return HALDEN.situations.find((s) => s.id === situation[1]).label;
  return { 'sjekkliste/': HALDEN.checklist.title, 'kontakter/': 'Kontakter', 'plan/': HALDEN.meta.title }[path];
}

/** The in-app links of what is on screen (not tel:, not other sites, no query). */
const linksOn = (page, base) => page.evaluate((base) => [...document.querySelectorAll('a[href]')]
  .filter((a) => a.checkVisibility() || a.closest('.prerender'))
  .map((a) => new URL(a.href))
  .filter((u) => u.href.startsWith(base) && !u.search && !u.hash)
  .map((u) => u.href.slice(base.length)), base);

for (const name of ['/', '/rusplan/']) {
  test(`at ${name} on a plain host: every link of the app opens on a first visit and reads with JavaScript off`, async () => {
    const { base } = hosts.find((h) => h.name === name);
    const noScript = await browser.newContext({ ...PHONE, javaScriptEnabled: false, serviceWorkers: 'block' });
    const page = await noScript.newPage();
    await page.goto(base);
    const seen = new Set(['']);
    const queue = (await linksOn(page, base)).filter((p) => !seen.has(p));
    const opened = [];
    while (queue.length) {
      const path = queue.shift();
      if (seen.has(path)) continue;
      seen.add(path);
      // A first visit: nothing cached, nothing stored.
      const fresh = await browser.newContext({ ...PHONE, javaScriptEnabled: false, serviceWorkers: 'block' });
      const visit = await fresh.newPage();
      const response = await visit.goto(base + path);
      assert.equal(response.status(), 200, `${path} is a file on the host`);
      opened.push(path);
      if (path === 'saker/' || path === 'ovelse/') {
        // The drafts and what was practised are on the device: a shell that
        // starts the calm program.
        assert.match(await visit.content(), /<script type="module" src="\.\.\/boot-[0-9a-f]+\.js">/);
        await fresh.close();
        continue;
      }
      if (!path.endsWith('/')) {
        // Not the app's own pages: the plan studio and the flowcharts' page.
        await fresh.close();
        continue;
      }
      const heading = expectedHeading(path);
      assert.ok(heading, `an address the test knows: ${path}`);
      assert.equal(await visit.locator('main h1').innerText(), heading, `${path} shows its page`);
      assert.ok(await visit.locator('.bottom-nav').isVisible(), `${path}: the menu shows`);
      assert.match(await visit.title(), / – Rusplan$/);
      // Its stylesheet came (relative URLs at its depth).
      assert.equal(await visit.locator('.bottom-nav').evaluate((e) => getComputedStyle(e).position), 'fixed');
      for (const next of await linksOn(visit, base)) if (!seen.has(next)) queue.push(next);
      if (path === 'kontakter/') {
        assert.ok(await visit.locator('a.call[href^="tel:"]').count() >= 1, 'the contacts call with JavaScript off');
      }
      if (path.startsWith('situasjon/') && HALDEN.situations.find((s) => path === `situasjon/${s.id}/`).acute) {
        assert.equal(await visit.locator('a[href="tel:113"]').count(), 1);
      }
      await fresh.close();
    }
    // The plan page links to the parents' page itself: the link staff hand out.
    const expected = ['sjekkliste/', 'kontakter/', 'plan/', 'saker/', 'ovelse/', 'studio.html', `flyt/${HALDEN.id}.html`,
      `foresatte/${HALDEN.id}.html`,
      ...HALDEN.situations.map((s) => `situasjon/${s.id}/`)];
    assert.deepEqual(opened.sort(), expected.sort(), 'every page the app links to, and no other');
    // The address as staff might type it, without the "/", reaches the page too.
    await page.goto(`${base}sjekkliste`);
    assert.equal(await page.locator('main h1').innerText(), HALDEN.checklist.title);
    await noScript.close();
  });
}

/** The page as a list of what a user meets (element, class, link target,
 *  own text) in the bar, main and menu; ids and the status line left out. */
function outline(page) {
  return page.evaluate(() => {
    const visible = [...document.querySelectorAll('.app-bar, main, .bottom-nav')].filter((e) => !e.closest('.prerender[hidden]'));
    return visible.flatMap((root) => [root, ...root.querySelectorAll('*')])
      .filter((e) => !e.closest('.prerender-status'))
      .map((e) => [e.tagName, e.getAttribute('class'), e.href ?? null, e.getAttribute('aria-current'),
        [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim()].join(' | '));
  });
}

test('a deep link\'s first visit: the page is there before the wasm, is the app\'s own page, and the address picks the program', async () => {
  const { base } = hosts.find((h) => h.name === '/rusplan/');
  const acute = HALDEN.situations.find((s) => s.acute);
  for (const path of [`situasjon/${acute.id}/`, 'sjekkliste/', 'kontakter/', 'plan/']) {
    const { page, context, errors } = await phonePage(browser, { serviceWorkers: 'block' });
    const wasm = [];
    const held = [];
    let holding = true;
    await page.route(/_bg\.wasm(\.gz)?$/, (route) => { wasm.push(new URL(route.request().url()).pathname.split('/').pop()); return holding ? held.push(route) : route.continue(); });
    await page.goto(base + path);
    const shown = page.locator('.prerender:not([hidden])');
    assert.equal(await shown.count(), 1, `${path}: its page shows before the app`);
    assert.equal(await shown.locator('main h1').innerText(), expectedHeading(path));
    assert.deepEqual(await axeViolations(page), [], `${path}: the page before the app passes axe`);
    const before = await outline(page);
    holding = false;
    for (const route of held.splice(0)) route.continue();
    await page.waitForFunction(() => !document.querySelector('.prerender') && document.querySelector('main h1'));
    assert.equal(await page.locator('main h1').innerText(), expectedHeading(path));
    const program = path === 'plan/' ? 'calm' : 'rusplan';
    assert.deepEqual(wasm.map((f) => f.replace(/-[0-9a-f]+_bg\.wasm(\.gz)?$/, '')), [program], `${path}: its program`);
    assert.deepEqual(await outline(page), before, `${path}: the page before the app is the app's own, element for element`);
    assert.deepEqual(errors, []);
    await context.close();
  }

  // The drafts' list: a first visit starts the calm program.
  const { page, context, errors } = await phonePage(browser, { serviceWorkers: 'block' });
  const wasm = [];
  page.on('request', (r) => { if (/_bg\.wasm(\.gz)?$/.test(r.url())) wasm.push(r.url().split('/').pop().replace(/-[0-9a-f]+_bg\.wasm(\.gz)?$/, '')); });
  await page.goto(`${base}saker/`);
  await page.locator('main h1', { hasText: 'Saker' }).waitFor();
  assert.deepEqual(wasm, ['calm']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a device that chose another plan, a deep link shows that plan\'s page, not the default\'s', async () => {
  const { base } = hosts.find((h) => h.name === '/');
  const { page, context, errors } = await phonePage(browser, { serviceWorkers: 'block' });
  await page.goto(base);
  await page.evaluate((id) => localStorage.setItem('rusplan.chosen-plan', JSON.stringify(id)), BROCHURE.id);
  const held = [];
  let holding = true;
  await page.route(/_bg\.wasm(\.gz)?$/, (route) => (holding ? held.push(route) : route.continue()));
  await page.goto(`${base}kontakter/`);
  await page.waitForFunction(() => document.documentElement.dataset.page !== undefined || document.querySelector('.prerender[hidden]'));
  assert.equal(await page.locator('.prerender:not([hidden])').count(), 0, 'the default plan\'s contacts do not show');
  holding = false;
  for (const route of held.splice(0)) route.continue();
  await page.waitForFunction(() => !document.querySelector('.prerender') && document.querySelector('main h1'));
  assert.equal(await page.locator('.plan-name').innerText(), BROCHURE.meta.school);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A page on the plain host whose wasm waits for `release()`; every layout
 *  shift is collected in `window.shifts`. */
async function heldDeepPage(url) {
  const { page, context, errors } = await phonePage(browser, { serviceWorkers: 'block' });
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value)))
      .observe({ type: 'layout-shift', buffered: true });
  });
  const held = [];
  let holding = true;
  await page.route(/_bg\.wasm(\.gz)?$/, (route) => (holding ? held.push(route) : route.continue()));
  await page.goto(url);
  await page.locator('.prerender:not([hidden]) main h1').waitFor();
  const release = async () => {
    holding = false;
    for (const route of held.splice(0)) route.continue();
    await page.waitForFunction(() => !document.querySelector('.prerender') && document.querySelector('main h1'));
    // Two frames: whatever the app does on its first ones.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  };
  return { page, context, errors, release };
}

test('when the app takes over a deep link nothing moves: no layout shift, the same pixels, an acute situation already on its steps', async () => {
  const { base } = hosts.find((h) => h.name === '/');
  const acute = HALDEN.situations.find((s) => s.acute);
  for (const path of [`situasjon/${acute.id}/`, 'kontakter/', 'sjekkliste/']) {
    const { page, context, errors, release } = await heldDeepPage(base + path);
    const before = await page.screenshot();
    const scroll = await page.evaluate(() => scrollY);
    await release();
    assert.equal(await page.evaluate(() => scrollY), scroll, `${path}: the same scroll`);
    assert.deepEqual(await page.evaluate(() => window.shifts), [], `${path}: no layout shift`);
    assert.ok(before.equals(await page.screenshot()), `${path}: the same pixels before and after the app took over`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('what is done before the app is up is kept: a tick, an answer, focus and scroll', async () => {
  const { base } = hosts.find((h) => h.name === '/rusplan/');
  // The checklist: a sign ticked, a link focused, the page scrolled.
  const checklist = await heldDeepPage(`${base}sjekkliste/`);
  const sign = HALDEN.checklist.groups[0].signs[0];
  await checklist.page.getByLabel(sign.text).check();
  const target = HALDEN.situations[1];
  await checklist.page.evaluate((label) => {
    [...document.querySelectorAll('main a.situation')].find((a) => a.textContent === label).focus({ preventScroll: true });
    scrollTo(0, 150);
  }, target.label);
  await checklist.release();
  assert.ok(await checklist.page.getByLabel(sign.text).isChecked(), 'the tick is the app\'s now');
  assert.match(await checklist.page.locator('.tally').innerText(), /^1 av \d+ krysset av$/);
  assert.equal(await checklist.page.evaluate(() => document.activeElement.textContent), target.label, 'focus stays');
  assert.equal(await checklist.page.evaluate(() => scrollY), 150, 'scroll stays');
  assert.deepEqual(checklist.errors, []);
  await checklist.context.close();

  // A situation that opens on a question: the answer tapped before is given.
  const asking = HALDEN.situations.find((s) => !s.acute);
  const procedure = await heldDeepPage(`${base}situasjon/${asking.id}/`);
  const answer = procedure.page.locator('.prerender button.answer').first();
  const label = await answer.innerText();
  await answer.click();
  await procedure.release();
  await procedure.page.locator('.answered dd', { hasText: label }).waitFor();
  assert.deepEqual(procedure.errors, []);
  await procedure.context.close();
});

test('if the wasm cannot load, a deep link stays readable, says so, and its links load their pages', async () => {
  const { base } = hosts.find((h) => h.name === '/');
  const { page, context } = await phonePage(browser, { serviceWorkers: 'block' });
  await page.route(/_bg\.wasm(\.gz)?$/, (route) => route.abort());
  await page.goto(`${base}sjekkliste/`);
  await page.locator('.prerender-status', { hasText: 'Du kan lese siden' }).waitFor();
  assert.equal(await page.locator('main h1').innerText(), HALDEN.checklist.title);
  await page.locator('.bottom-nav').getByRole('link', { name: 'Kontakter' }).click();
  await page.locator('main h1', { hasText: 'Kontakter' }).waitFor();
  assert.match(new URL(page.url()).pathname, /\/kontakter\/$/);
  assert.ok(await page.locator('a.call[href^="tel:"]').count() >= 1);
  await context.close();
});
