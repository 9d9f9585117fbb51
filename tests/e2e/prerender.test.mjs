// The home screen prerendered into index.html (scripts/postbuild.mjs,
// assets/prerender.js): the chosen plan's situation buttons and 112/113
// show before the wasm has started; a tap then is held and opened by the
// app; when the app takes over it draws what was on screen, element for
// element (the build renders both from the same components; this checks
// the takeover, so nothing moves or paints twice); it never
// shows on a deep link (a page of its own) or the parents' page; and if the app cannot start,
// the page says so and the emergency numbers still call.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startApp, phonePage, PLANS, axeViolations } from './harness.mjs';

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

/** A page whose wasm download waits until `release()` is called. The
 *  service worker is blocked so every request goes through the page. */
async function heldPage() {
  const { page, context, errors } = await phonePage(browser, { serviceWorkers: 'block' });
  const held = [];
  let holding = true;
  await page.route(/_bg\.wasm(\.gz)?$/, (route) => (holding ? held.push(route) : route.continue()));
  const release = () => { holding = false; for (const route of held.splice(0)) route.continue(); };
  return { page, context, errors, release };
}

/** The home screen as a list of what a user meets: element, class, link
 *  target, own text, for the header, main and bottom nav. Ids, the status
 *  line and the revision warning (drawn by the app only) are left out. */
function homeOutline(page) {
  return page.evaluate(() => {
    const visible = [...document.querySelectorAll('.app-bar, main, .bottom-nav')].filter((e) => !e.closest('.prerender[hidden]'));
    return visible.flatMap((root) => [root, ...root.querySelectorAll('*')])
      .filter((e) => !e.closest('.prerender-status, .warning'))
      .map((e) => [e.tagName, e.getAttribute('class'), e.href ?? null, e.getAttribute('aria-current'),
        [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim()].join(' | '));
  });
}

for (const plan of PLANS) {
  test(`${plan.id}: its home is there before the app, a tap is held and opened, and it is the app's own home`, async () => {
    const { page, context, errors, release } = await heldPage();
    await page.goto(`${app.url}/`);
    await page.evaluate((id) => localStorage.setItem('rusplan.chosen-plan', JSON.stringify(id)), plan.id);
    await page.reload();
    const shown = page.locator('.prerender:not([hidden])');
    assert.equal(await shown.count(), 1, 'one prerendered home shows');
    assert.equal(await shown.getAttribute('data-plan'), plan.id, 'the plan chosen on this device');
    const acuteFirst = [...plan.situations.filter((s) => s.acute), ...plan.situations.filter((s) => !s.acute)];
    assert.deepEqual(await shown.locator('.situations .situation-label').allInnerTexts(), acuteFirst.map((s) => s.label));
    assert.ok(await shown.locator('.situation').first().isVisible(), 'the first situation is in view at 360×640');
    assert.equal(await shown.locator('a[href="tel:113"]').count(), plan.situations.some((s) => s.acute) ? 1 : 0);
    assert.deepEqual(await axeViolations(page), [], 'the prerendered home passes axe');
    const prerendered = await homeOutline(page);

    // A tap before the app has started: held, the address already changed,
    // and nothing moves under the finger.
    const boxes = () => shown.locator('.situation').evaluateAll((links) => links.map((l) => JSON.stringify(l.getBoundingClientRect())));
    const before = await boxes();
    await shown.locator('.situation').first().click();
    assert.deepEqual(await boxes(), before, 'the buttons stay put');
    assert.equal(new URL(page.url()).pathname, `/situasjon/${acuteFirst[0].id}/`);
    assert.equal(await shown.locator('[aria-busy="true"] .situation-label').innerText(), acuteFirst[0].label);
    assert.equal(await shown.locator('.prerender-status').innerText(), 'Åpner …');

    release();
    await page.locator('h1', { hasText: acuteFirst[0].label }).waitFor();
    assert.equal(await page.locator('.prerender').count(), 0, 'the app removed the prerendered homes');
    await page.goBack();
    await page.locator('h1', { hasText: 'Hva har skjedd?' }).waitFor();
    assert.deepEqual(await homeOutline(page), prerendered, 'after the takeover, the same home element for element');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a fresh device sees the default plan; a deep link, the parents\' page and blocked storage are handled', async () => {
  const { page, context, release } = await heldPage();
  await page.goto(`${app.url}/`);
  assert.equal(await page.locator('.prerender:not([hidden])').getAttribute('data-plan'), 'halden-vgs');
  // A deep link is its own page (tests/e2e/static-pages.test.mjs), never the home.
  await page.goto(`${app.url}/kontakter`);
  assert.deepEqual(await page.locator('.prerender:not([hidden]) main h1').allInnerTexts(), ['Kontakter'], 'no home flashes on a deep link');
  await page.goto(`${app.url}/?foresatte=halden-vgs`);
  assert.equal(await page.locator('.prerender:not([hidden])').count(), 0, 'no home flashes on the parents\' link');
  await page.addInitScript(() => Object.defineProperty(window, 'localStorage', {
    get() { throw new DOMException('blokkert', 'SecurityError'); },
  }));
  await page.goto(`${app.url}/`);
  assert.equal(await page.locator('.prerender:not([hidden])').getAttribute('data-plan'), 'halden-vgs', 'blocked storage: the default plan');
  release();
  await context.close();
});

test('if the app cannot start, the page says so and 112/113 still call', async () => {
  const { page, context } = await phonePage(browser, { serviceWorkers: 'block' });
  await page.route(/_bg\.wasm(\.gz)?$/, (route) => route.abort());
  await page.goto(`${app.url}/`);
  const status = page.locator('.prerender:not([hidden]) .prerender-status');
  await status.filter({ hasText: 'Appen kunne ikke starte' }).waitFor();
  assert.equal(await page.locator('.prerender:not([hidden]) a[href="tel:112"]').count(), 1);
  await context.close();
});
