// The screens around the procedure: checklist, contacts (with numbers added
// on the device), the plan, the plan switch; and what holds on every page:
// axe finds nothing, nothing is fetched from another origin, 200 % zoom
// does not scroll sideways, print hides the controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startApp, phonePage, open, PLANS, choosePlan, axeViolations } from './harness.mjs';

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

const PAGES = ['/', '/sjekkliste', '/kontakter', '/saker', '/plan'];
const [HALDEN, BROCHURE] = PLANS;

test('checklist: the plan\'s signs to tick, the gut feeling, and on to a situation', async () => {
  const { page, context } = await phonePage(browser);
  await open(page, `${app.url}/`);
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Sjekkliste' }).click();
  await page.locator('h1', { hasText: 'Sjekkliste ved bekymring om rus' }).waitFor();
  assert.ok(await page.getByText('«Har du en magefølelse på at noe ikke stemmer, så ta den på alvor.»').isVisible());
  const signs = HALDEN.checklist.groups.flatMap((g) => g.signs);
  assert.equal(signs.length, 7, 'Halden\'s seven questions');
  for (const sign of signs) assert.equal(await page.getByLabel(sign.text, { exact: true }).count(), 1, sign.text);
  await page.getByLabel(signs[0].text, { exact: true }).check();
  await page.getByLabel(signs[4].text, { exact: true }).check();
  assert.equal(await page.getByRole('status').innerText(), '2 av 7 krysset av');
  await page.getByRole('link', { name: 'Ansatt, medelev, foresatte eller andre er bekymret for eleven' }).click();
  await page.locator('h1', { hasText: 'Ansatt, medelev, foresatte' }).waitFor();
  await page.goBack();
  await page.locator('h1', { hasText: 'Sjekkliste' }).waitFor();
  assert.ok(await page.getByLabel(signs[0].text, { exact: true }).isChecked(), 'ticks survive going on and back');

  await choosePlan(page, app.url, BROCHURE);
  await open(page, `${app.url}/sjekkliste`);
  await page.locator('h1', { hasText: 'Tegn og signaler på bruk av rusmidler' }).waitFor();
  assert.equal(await page.locator('.signs input[type=checkbox]').count(), 6, 'the brochure\'s six sign groups');
  assert.equal(await page.locator('.gut-feeling').count(), 0, 'the brochure has no magefølelse line, so none is shown');
  await context.close();
});

test('contacts: everyone in the plan by role, one tap to call', async () => {
  const { page, context } = await phonePage(browser);
  await open(page, `${app.url}/kontakter`);
  for (const person of HALDEN.contacts) {
    const link = page.getByRole('link', { name: new RegExp(`^☎?\\s*Ring ${person.name}`) }).first();
    assert.ok(await link.isVisible(), person.name);
  }
  const rector = page.getByRole('region', { name: 'Rektor/ledelse' }).getByRole('link').first();
  assert.equal(await rector.getAttribute('href'), 'tel:+4797083705');
  assert.equal(await page.getByRole('region', { name: 'Politiet' }).getByRole('link').getAttribute('href'), 'tel:02800');
  await context.close();
});

test('contacts: numbers added on the device for a plan without numbers are kept and called', async () => {
  const { page, context } = await phonePage(browser);
  await choosePlan(page, app.url, BROCHURE);
  await open(page, `${app.url}/kontakter`);
  assert.ok(await page.getByText('Uten nummer i planen').isVisible());
  await page.getByLabel('Rolle').selectOption({ label: 'Kjentmann' });
  await page.getByLabel('Navn eller tittel').fill('Kari Kjentmann');
  await page.getByLabel('Telefonnummer').fill('41 23 45 67 8');
  await page.getByRole('button', { name: 'Lagre nummer' }).click();
  assert.match(await page.getByRole('alert').first().innerText(), /kan ikke ringes/);
  await page.getByLabel('Telefonnummer').fill('412 34 567');
  await page.getByRole('button', { name: 'Lagre nummer' }).click();
  await page.getByRole('region', { name: 'Kjentmann' }).waitFor();

  await page.reload();
  await page.locator('h1', { hasText: 'Kontakter' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Kjentmann' }).getByRole('link').getAttribute('href'), 'tel:+4741234567');

  // The number is offered wherever a step says to contact the kjentmann.
  await open(page, `${app.url}/situasjon/alternativ-3`);
  await page.getByRole('button', { name: 'Under 18 år', exact: true }).click();
  const first = page.locator('ol.step-list > li').first();
  assert.equal(await first.locator('a[href="tel:+4741234567"]').count(), 1);
  assert.match(await first.innerText(), /lagt til på denne enheten/);

  await open(page, `${app.url}/kontakter`);
  await page.getByRole('button', { name: 'Fjern Kari Kjentmann …' }).click();
  await page.getByRole('button', { name: 'Ja, fjern Kari Kjentmann' }).click();
  assert.equal(await page.locator('a[href="tel:+4741234567"]').count(), 0);
  await context.close();
});

test('the chosen plan is remembered on the device', async () => {
  const { page, context } = await phonePage(browser);
  await open(page, `${app.url}/`);
  assert.equal(await page.locator('.app-school').innerText(), 'Halden videregående skole', 'Halden by default');
  await choosePlan(page, app.url, BROCHURE);
  await page.reload();
  await page.locator('h1').first().waitFor();
  assert.equal(await page.locator('.app-school').innerText(), BROCHURE.meta.school);
  await open(page, `${app.url}/`);
  assert.equal(await page.locator('.situations a').count(), 3);
  await context.close();
});

test('the plan page shows every part of the plan, and warns once the revision date has passed', async () => {
  const { page, context } = await phonePage(browser);
  await page.clock.setFixedTime(new Date('2026-05-20T10:00:00'));
  await open(page, `${app.url}/plan`);
  assert.equal(await page.getByText('Planen kan være utdatert').count(), 0, 'on time in May 2026');
  for (const heading of ['Innledning', 'Mål', 'Forebygging', 'Taushetsplikt og opplysningsplikt', 'Dokumentasjon', 'Aktuelt lovverk', 'Ressurser']) {
    assert.ok(await page.getByRole('heading', { name: heading, exact: true }).isVisible(), heading);
  }
  assert.ok(await page.getByText('august 2025').isVisible() && await page.getByText('juni 2026').isVisible());
  const korus = page.getByRole('link', { name: /KORUS/ });
  assert.equal(await korus.getAttribute('target'), '_blank');
  assert.equal(await korus.getAttribute('href'), 'https://korus.no/');
  await context.close();

  const later = await phonePage(browser);
  await later.page.clock.setFixedTime(new Date('2026-07-01T08:00:00'));
  await open(later.page, `${app.url}/plan`);
  assert.match(await later.page.locator('.warning').innerText(), /skulle vært revidert juni 2026/);
  await open(later.page, `${app.url}/`);
  assert.ok(await later.page.locator('.warning').isVisible(), 'also on the home screen');

  await choosePlan(later.page, app.url, BROCHURE);
  for (const heading of ['Mål', 'Rollen til kjentmann', 'Forebygging', 'Beskyttelsesfaktorer', 'Risikofaktorer', 'Samtaler med elever', 'Ressurser']) {
    assert.ok(await later.page.getByRole('heading', { name: heading, exact: true }).isVisible(), heading);
  }
  assert.ok(await later.page.getByText('Brosjyren oppgir verken versjon, dato eller neste revisjon.').isVisible());
  await later.context.close();
});

test('every page: axe finds nothing, in light and dark, for both plans', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await phonePage(browser, { colorScheme });
    for (const plan of PLANS) {
      await choosePlan(page, app.url, plan);
      for (const path of PAGES) {
        await open(page, `${app.url}${path}`);
        assert.deepEqual(await axeViolations(page), [], `${colorScheme} ${plan.id} ${path}`);
      }
    }
    await context.close();
  }
});

test('every page: no request leaves the app\'s origin, and no page errors', async () => {
  const { page, context, errors } = await phonePage(browser);
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(app.url) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  for (const plan of PLANS) {
    await choosePlan(page, app.url, plan);
    for (const path of [...PAGES, ...plan.situations.map((s) => `/situasjon/${s.id}`)]) await open(page, `${app.url}${path}`);
  }
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 200 % zoom nothing scrolls sideways and the bottom menu does not cover the page', async () => {
  // 200 % zoom on a 360×640 phone is a 180×320 CSS-pixel viewport.
  const { page, context } = await phonePage(browser, { viewport: { width: 180, height: 320 }, deviceScaleFactor: 4 });
  for (const path of [...PAGES, '/situasjon/alternativ-3']) {
    await open(page, `${app.url}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    assert.equal(await page.locator('.bottom-nav').evaluate((n) => getComputedStyle(n).position), 'static', path);
  }
  await context.close();
});

test('touch targets are at least 44 px', async () => {
  const { page, context } = await phonePage(browser);
  for (const path of [...PAGES, '/situasjon/alternativ-2']) {
    await open(page, `${app.url}${path}`);
    // Links inside running text are exempt (WCAG 2.5.8); a checkbox counts
    // with its label, which is the larger target the user taps.
    const small = await page.evaluate(() => [...document.querySelectorAll('main a, main button, main select, main input, nav a')]
      .filter((el) => el.offsetParent !== null && !el.closest('p'))
      .map((el) => ({ el, height: Math.max(el.getBoundingClientRect().height, el.labels?.[0]?.getBoundingClientRect().height ?? 0) }))
      .filter(({ height }) => height < 44)
      .map(({ el, height }) => `${el.tagName} «${el.textContent.trim().slice(0, 30)}» ${Math.round(height)}px`));
    assert.deepEqual(small, [], path);
  }
  await context.close();
});

test('print hides the controls and keeps the steps', async () => {
  const { page, context } = await phonePage(browser);
  await open(page, `${app.url}/situasjon/alternativ-3`);
  await page.getByRole('button', { name: 'Under 18 år', exact: true }).click();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.bottom-nav').isVisible(), false);
  assert.ok(await page.getByText('Eleven tas umiddelbart ut av undervisningen').isVisible());
  await context.close();
});
