// Issue 15 §3, a screen that holds at large text and zoom (WCAG 2.1 AA
// 1.4.4, 1.4.10, 2.4.3), on a 360×640 phone with the text scaled by the
// browser, never by the app's CSS: the phone's text size at 200 % keeps
// every bottom-menu item in reach; at 150–400 % zoom nothing in a page is
// left behind the bottom menu or the unsaved warning; after an in-app page
// change focus is on the new page's heading and its title is announced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startApp, phonePage, open, axeViolations, fillQuota, PLANS } from './harness.mjs';

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

const [HALDEN] = PLANS;
const ACUTE = HALDEN.situations.find((s) => s.acute);
const CALM = HALDEN.situations.find((s) => !s.acute);
const PAGES = ['/', '/sjekkliste', '/kontakter', '/saker', '/plan', `/situasjon/${ACUTE.id}`, `/situasjon/${CALM.id}`];
const MENU = [['Hjem', 'Hva har skjedd?'], ['Sjekkliste', HALDEN.checklist.title], ['Kontakter', 'Kontakter'],
  ['Saker', 'Saker'], ['Planen', HALDEN.meta.title]];
const ZOOMS = [150, 200, 300, 400];

/** The phone with its text size turned up in the browser's settings:
 *  Chromium's default font size (CDP Page.setFontSizes), which is what a
 *  phone's font-size setting changes. Page zoom stays at 100 %. */
async function largeTextPage(percent) {
  const phone = await phonePage(browser);
  const cdp = await phone.context.newCDPSession(phone.page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: Math.round(16 * percent / 100) } });
  return phone;
}

/** The phone with the browser zoomed: as browser zoom does to layout, the
 *  page gets 360/zoom × 640/zoom CSS px, drawn at zoom × the phone's
 *  device pixels per CSS px. */
function zoomedPage(percent) {
  const zoom = percent / 100;
  return phonePage(browser, {
    viewport: { width: Math.floor(360 / zoom), height: Math.floor(640 / zoom) },
    deviceScaleFactor: 2 * zoom,
  });
}

const menu = (page) => page.getByRole('navigation', { name: 'Hovedmeny' });

/** Every bottom-menu item can be brought into view whole, is a 44 px
 *  target with nothing on top of it and its label inside it, and opens its
 *  page when tapped. */
async function assertMenuInReach(page, what) {
  for (const [name, heading] of MENU) {
    const link = menu(page).getByRole('link', { name, exact: true });
    await link.scrollIntoViewIfNeeded();
    const found = await link.evaluate((a) => {
      const r = a.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height,
        vw: document.documentElement.clientWidth, vh: window.innerHeight,
        onTop: a.contains(hit), labelFits: a.scrollWidth <= a.clientWidth + 1,
      };
    });
    const where = `${what}: «${name}» ${JSON.stringify(found)}`;
    assert.ok(found.left >= -0.5 && found.right <= found.vw + 0.5, `in view sideways, ${where}`);
    assert.ok(found.top >= -0.5 && found.bottom <= found.vh + 0.5, `in view, ${where}`);
    assert.ok(found.width >= 44 && found.height >= 44, `a 44 px target, ${where}`);
    assert.ok(found.onTop, `nothing covers it, ${where}`);
    assert.ok(found.labelFits, `the label is not cut off, ${where}`);
    await link.click();
    await page.locator('h1', { hasText: heading }).waitFor();
    assert.equal(await link.getAttribute('aria-current'), 'page', where);
  }
}

/** Scrolls every control in the page's main content, and its last
 *  element, to the bottom and to the top of the screen, and checks that
 *  none of it overlaps the fixed bottom menu or the sticky warning. */
function coveredContent(page) {
  return page.evaluate(() => {
    const main = document.getElementById('main');
    const shown = (e) => e.getClientRects().length > 0 && e.getBoundingClientRect().width > 1 && e.checkVisibility();
    const all = [...main.querySelectorAll('*')].filter(shown);
    const last = all.reduce((a, b) => (b.getBoundingClientRect().bottom >= a.getBoundingClientRect().bottom ? b : a), main);
    const controls = all.filter((e) => e.matches('a[href], button, input, select, textarea, summary, [tabindex]'));
    const covers = () => [
      ...[...document.querySelectorAll('.bottom-nav')].filter((e) => getComputedStyle(e).position === 'fixed'),
      ...[...document.querySelectorAll('.unsaved')].filter((e) => getComputedStyle(e).position === 'sticky'),
    ].map((e) => ({ name: e.className, box: e.getBoundingClientRect() }));
    const problems = [];
    for (const element of [...controls, last]) {
      for (const block of ['end', 'start']) {
        element.scrollIntoView({ block });
        const box = element.getBoundingClientRect();
        const blocking = covers();
        const free = window.innerHeight - blocking.reduce((sum, c) => sum + c.box.height, 0);
        if (box.height > free) continue; // taller than what is left: it cannot all be shown at once
        const name = `${element.tagName.toLowerCase()} «${element.textContent.trim().slice(0, 40)}»`;
        if (box.bottom > window.innerHeight + 0.5 || box.top < -0.5) problems.push(`${name} off screen (block ${block})`);
        for (const c of blocking) {
          if (box.top < c.box.bottom - 0.5 && box.bottom > c.box.top + 0.5) {
            problems.push(`${name} under .${c.name} (block ${block}): ${Math.round(box.top)}–${Math.round(box.bottom)} vs ${Math.round(c.box.top)}–${Math.round(c.box.bottom)}`);
          }
        }
      }
    }
    return problems;
  });
}

test('text at 200 % (the phone\'s text size): the root font follows it, every menu item is in reach, nothing is covered', async () => {
  const { page, context, errors } = await largeTextPage(200);
  await open(page, `${app.url}/`);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '32px',
    'the browser\'s text size reaches the app (rem)');
  assert.equal(await page.evaluate(() => window.innerWidth), 360, 'text only: the layout viewport is unchanged');
  await assertMenuInReach(page, 'text 200 %');
  for (const path of PAGES) {
    await open(page, `${app.url}${path}`);
    assert.deepEqual(await coveredContent(page), [], `text 200 %, ${path}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1),
      `text 200 %, ${path}: no sideways scrolling`);
  }
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('text at 100 %: the menu stays fixed at the bottom, and nothing in a page is left behind it', async () => {
  const { page, context } = await phonePage(browser);
  await open(page, `${app.url}/`);
  assert.equal(await menu(page).evaluate((n) => getComputedStyle(n).position), 'fixed', 'in thumb reach');
  await assertMenuInReach(page, 'text 100 %');
  for (const path of PAGES) {
    await open(page, `${app.url}${path}`);
    assert.deepEqual(await coveredContent(page), [], `text 100 %, ${path}`);
  }
  await context.close();
});

for (const zoom of ZOOMS) {
  test(`zoom ${zoom} %: no content or button behind the bottom menu or the unsaved warning, the menu in reach`, async () => {
    const { page, context, errors } = await zoomedPage(zoom);
    for (const path of PAGES) {
      await open(page, `${app.url}${path}`);
      assert.deepEqual(await coveredContent(page), [], `zoom ${zoom} %, ${path}`);
      // Up to 200 % (180 CSS px wide) nothing scrolls sideways; at 300 and
      // 400 % (120 and 90 px, far below 1.4.10's 320 px) some pages still do.
      if (zoom <= 200) {
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1),
          `zoom ${zoom} %, ${path}: no sideways scrolling`);
      }
    }
    await assertMenuInReach(page, `zoom ${zoom} %`);

    // A draft the browser refused to store: the warning shows on every
    // page, and still covers nothing.
    await open(page, `${app.url}/situasjon/${ACUTE.id}`);
    await fillQuota(page);
    await page.locator('ol.step-list input[type=checkbox]').first().check();
    await page.getByRole('alert').filter({ hasText: 'Ikke lagret på enheten' }).waitFor();
    for (const path of PAGES) {
      // In the app, as a reload would lose the draft this tab holds.
      await page.evaluate((p) => { history.pushState(null, '', p); dispatchEvent(new PopStateEvent('popstate')); scrollTo(0, 0); }, path);
      await page.waitForFunction((p) => location.pathname === p && document.querySelector('main h1'), path);
      assert.ok(await page.getByRole('alert').filter({ hasText: 'Ikke lagret på enheten' }).isVisible(), path);
      assert.deepEqual(await coveredContent(page), [], `zoom ${zoom} %, unsaved warning, ${path}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { tag: e?.tagName, id: e?.id, text: e?.textContent.trim(), top: Math.round(e?.getBoundingClientRect().top ?? -1) };
});
const announced = (page) => page.locator('#page-announcer').innerText();

/** Waits until focus has left the body after a page change. */
const focusMoved = (page) => page.waitForFunction(() => document.activeElement && document.activeElement !== document.body);

test('after in-app navigation and after a menu tap, focus is on the new page\'s heading and its title is announced', async () => {
  const { page, context, errors } = await phonePage(browser);
  await open(page, `${app.url}/`);
  assert.equal((await focused(page)).tag, 'BODY', 'the first load leaves focus where the browser puts it');
  assert.equal(await announced(page), '', 'and announces nothing of its own');
  assert.equal(await page.locator('#page-announcer').getAttribute('aria-live'), 'polite');

  // A tap in the bottom menu.
  await menu(page).getByRole('link', { name: 'Kontakter', exact: true }).click();
  await focusMoved(page);
  assert.deepEqual(await focused(page), { tag: 'H1', id: '', text: 'Kontakter', top: (await focused(page)).top });
  assert.equal(await announced(page), 'Kontakter – Rusplan');
  assert.equal(await page.locator('main h1').getAttribute('tabindex'), '-1', 'focusable by script, not a Tab stop');

  // An in-app link in the header, then one in a page's content.
  await page.getByRole('link', { name: 'Rusplan', exact: true }).click();
  await page.locator('h1', { hasText: 'Hva har skjedd?' }).waitFor();
  await focusMoved(page);
  assert.equal((await focused(page)).text, 'Hva har skjedd?');
  assert.equal(await announced(page), 'Rusplan');
  await page.getByRole('link', { name: CALM.label }).click();
  await page.locator('h1', { hasText: CALM.label }).waitFor();
  await focusMoved(page);
  const calm = await focused(page);
  assert.equal(calm.tag, 'H1');
  assert.equal(calm.text, CALM.label);
  assert.equal(await announced(page), `${CALM.label} – Rusplan`);

  // The keyboard: Enter on a menu item.
  await menu(page).getByRole('link', { name: 'Sjekkliste', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.locator('h1', { hasText: HALDEN.checklist.title }).waitFor();
  await focusMoved(page);
  assert.equal((await focused(page)).text, HALDEN.checklist.title);
  assert.equal(await announced(page), 'Sjekkliste – Rusplan');
  // The next Tab goes on from the heading into the page.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.getElementById('main').contains(document.activeElement)), 'Tab continues in the page');

  // Back: the same.
  await page.goBack();
  await page.locator('h1', { hasText: CALM.label }).waitFor();
  await page.waitForFunction((label) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent.includes(label), CALM.label);
  assert.equal(await announced(page), `${CALM.label} – Rusplan`);

  // An acute situation still opens on its steps, which take the focus
  // instead of the heading; the title is announced all the same.
  await menu(page).getByRole('link', { name: 'Hjem', exact: true }).click();
  await page.locator('h1', { hasText: 'Hva har skjedd?' }).waitFor();
  await page.getByRole('link', { name: ACUTE.label }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'procedure-next');
  await page.waitForTimeout(300);
  const steps = await focused(page);
  assert.equal(steps.id, 'procedure-next', 'the steps heading keeps the focus');
  assert.ok(steps.top >= 0 && steps.top < 120, `the steps are brought to the top (heading at ${steps.top} px)`);
  assert.equal(await announced(page), `${ACUTE.label} – Rusplan`);

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
