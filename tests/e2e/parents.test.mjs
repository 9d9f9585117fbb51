// The parents' page behind a shared link: it opens directly in a fresh
// browser with nothing stored, within 20 kB brotli with all its own service
// worker fetches, works offline after that visit, the QR code
// (decoded here with a real decoder) gives exactly the link, it shows no
// local data, and the English version translates every text of the plan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { launch, startApp, phonePage, open, PLANS, DIST, PHONE, axeViolations, choosePlan } from './harness.mjs';

let app, browser;
const children = [];
before(async () => { app = await startApp(); browser = await launch(); });
// Stop every server even when a test failed half-way, or the run would hang.
after(async () => { await browser?.close(); await app?.close(); children.forEach((c) => c.kill()); });

const [HALDEN, BROCHURE] = PLANS;
// The link staff hand out: the plan's static page itself
// (foresatte/<plan>.html). The forms handed out before
// (foresatte.html?foresatte=, and the oldest, …/?foresatte=) are tested
// below to keep working.
const linkFor = (plan) => `${app.url}/foresatte/${plan.id}.html`;
const oldLinkFor = (plan) => `${app.url}/foresatte.html?foresatte=${plan.id}`;
const pageFor = (plan, suffix = '') => `${app.url}/foresatte/${plan.id}${suffix}.html`;

async function decodeQr(locator) {
  // Clear of the fixed menu at the bottom of the screen.
  await locator.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const png = PNG.sync.read(await locator.screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(found, 'a QR code is found in the picture');
  return found.data;
}

test('staff share the link: copy, share sheet, and a QR code that decodes to exactly the link', async () => {
  const { page, context } = await phonePage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.addInitScript(() => { navigator.share = async (data) => { window.sharedWith = data; }; });
  for (const plan of PLANS) {
    await choosePlan(page, app.url, plan);
    const link = await page.getByLabel('Lenke til siden for foresatte').inputValue();
    assert.equal(link, linkFor(plan));
    await page.getByRole('button', { name: 'Kopier lenken' }).click();
    await page.getByText('Lenken er kopiert.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    await page.getByRole('button', { name: 'Del …' }).click();
    await page.waitForFunction(() => window.sharedWith);
    assert.equal(await page.evaluate(() => window.sharedWith.url), link);

    // The QR code and the handout are in the parents' program.
    await page.getByRole('link', { name: 'QR-kode og utskrift til foreldremøtet' }).click();
    await page.locator('.handout').waitFor();
    assert.equal(await decodeQr(page.getByRole('img', { name: 'QR-kode med lenken til siden for foresatte' })), link);
    assert.ok(await page.getByText(link).isVisible());
    assert.deepEqual(await axeViolations(page), [], `${plan.id} handout`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.bottom-nav').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Skriv ut' }).isVisible(), false);
    await page.emulateMedia({ media: 'screen' });
    await page.goBack();
    await page.locator('#parents-link').waitFor();
    await page.evaluate(() => { delete window.sharedWith; });
  }
  await context.close();
});

test('the link opens the parents\' page directly in a fresh browser, stores nothing, and has no staff controls', async () => {
  for (const plan of PLANS) {
    const { page, context, errors } = await phonePage(browser);
    await open(page, linkFor(plan));
    assert.equal(await page.locator('h1').innerText(), 'Informasjon til foresatte');
    assert.match(await page.locator('.plan-name').innerText(), new RegExp(plan.meta.school));
    assert.equal(await page.locator('.bottom-nav').count(), 0, 'no staff menu');
    assert.equal(await page.locator('input, textarea, select, [type=checkbox]').count(), 0, 'no staff controls');
    assert.equal(await page.locator('a[href*="/saker"], a[href*="/kontakter"]').count(), 0);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'nothing stored');
    assert.equal(await page.title(), 'Informasjon til foresatte – Rusplan');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('what the page says, from the plan: when parents are contacted, the meeting, 18 and over, consent, signs, help, whom to call', async () => {
  const { page, context } = await phonePage(browser);
  await open(page, linkFor(HALDEN));
  const text = await page.locator('main').innerText();
  for (const part of [
    'Halden vgs. skal ha et rusfritt skolemiljø',
    'Alternativ 3: eleven opptrer ruset på skolen',
    'Foresatte kontaktes dersom eleven er under 18 år',
    'Gjelder når: Under 18 år',
    'Dersom eleven er under 18 år, skal også elevens foresatte delta.',
    'Eleven informeres om skolens bekymring for at eleven ruser seg',
    'Når: Eleven benekter bruk av rusmidler, og bekymringen opprettholdes',
    'vil skolen be om samtykke til å informere foresatte selv om eleven er over 18 år',
    '«Har du en magefølelse på at noe ikke stemmer, så ta den på alvor.»',
    'Har eleven sluttet eller avbrutt utdanning tidligere?',
  ]) assert.ok(text.includes(part), `shows «${part}»`);
  assert.equal(await page.getByRole('link', { name: /KORUS/ }).getAttribute('href'), 'https://korus.no/');
  // The contacts the plan marks for parents, and no one else.
  assert.equal(await page.locator('a[href="tel:+4797083705"]').count(), 1, 'the rector');
  assert.equal(await page.locator('a[href="tel:+4797077075"]').count(), 1, 'the school nurse');
  assert.equal(await page.locator('a[href="tel:+4748137709"]').count(), 0, 'not the advisers');
  assert.equal(await page.locator('a[href="tel:02800"]').count(), 0, 'not the police line');
  assert.ok(!text.includes('aldri love elever taushet'), 'staff-only notes stay out');

  await open(page, linkFor(BROCHURE));
  const brochure = await page.locator('main').innerText();
  for (const part of ['Beskyttelsesfaktorer', 'Minst en trygg voksenperson', 'Råd for samtaler', 'La være å overreagere.',
    'Snakk om rus (ROP)', 'Kjentmann',
    'Snakke om rus med elever, foresatte og andre ansatte ved skolen', 'Planen oppgir ikke telefonnummer.']) {
    assert.ok(brochure.includes(part), `brochure shows «${part}»`);
  }
  await context.close();
});

/** Every text of a plan file, translations left out. */
function planTexts(value, key = '') {
  if (key === 'translations') return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => planTexts(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => planTexts(v, k));
  return [];
}

/** The text nodes of the page's main part, each trimmed, but for the
 *  page's own headings (its words, in each language, not the plan's). */
const textNodes = (page) => page.locator('main').evaluate((main) => {
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const texts = [];
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    if (text && !walker.currentNode.parentElement.closest('h1, h2, .lang-switch')) texts.push(text);
  }
  return texts;
});

test('English: every section and every text of the plan translated, with the note that Norwegian is authoritative', async () => {
  const { page, context } = await phonePage(browser);
  for (const plan of PLANS) {
    await open(page, linkFor(plan));
    const norwegian = await page.locator('main h2').allInnerTexts();
    // The plan's own texts on the Norwegian page (the school's and people's names, and numbers, stay as they are).
    const kept = new Set([plan.meta.school, ...(plan.contacts ?? []).flatMap((c) => [c.name, c.phone])]);
    const ofPlan = new Set(planTexts(plan).filter((t) => !kept.has(t)));
    const shown = [...new Set((await textNodes(page)).filter((t) => ofPlan.has(t)))];
    assert.ok(shown.length > 20, `${plan.id}: the test finds the plan's texts (${shown.length})`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Information for parents and guardians' }).waitFor();
    const english = await page.locator('main h2').allInnerTexts();
    assert.equal(english.length, norwegian.length, `${plan.id}: every section`);
    assert.notDeepEqual(english, norwegian);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.getByRole('link', { name: 'English' }).getAttribute('aria-current'), 'page');
    assert.equal(await page.getByRole('link', { name: 'Norsk' }).getAttribute('aria-current'), null);
    assert.equal(await page.locator('main .untranslated').count(), 0, `${plan.id}: no untranslated block`);
    assert.equal(await page.locator('main [lang="nb"]:not(.lang-switch a)').count(), 0, `${plan.id}: nothing left in bokmål`);
    const englishTexts = new Set(await textNodes(page));
    const table = plan.translations?.en ?? {};
    const missing = shown.filter((t) => !(t in table) || !englishTexts.has(table[t]));
    assert.deepEqual(missing, [], `${plan.id}: every text of the plan on the page is translated`);
    assert.match(await page.locator('.translated-note').innerText(), /translated from the school's plan.*Norwegian text is the authoritative one/);
    assert.deepEqual(await axeViolations(page), [], `${plan.id} in English`);
  }
  await open(page, linkFor(HALDEN));
  assert.equal(await page.locator('.translated-note').count(), 0, 'no such note in Norwegian');
  // A link of the older form, with the language in the query, lands there too.
  await open(page, `${oldLinkFor(HALDEN)}&lang=en`);
  assert.match(page.url(), /\/foresatte\/halden-vgs\.en\.html$/);
  const halden = await page.locator('main').innerText();
  assert.ok(halden.includes('Halden upper secondary school shall have a drug-free school environment'));
  assert.ok(halden.includes('Parents or guardians are contacted if the pupil is under 18'));
  await open(page, pageFor(BROCHURE, '.en'));
  assert.ok((await page.locator('main').innerText()).includes('A drug-free school environment.'));
  await context.close();
});

test('with drafts on the device, the parents\' page and its link show none of their data', async () => {
  const { page, context } = await phonePage(browser);
  await open(page, `${app.url}/saker`);
  await page.getByRole('button', { name: 'Ny sak' }).click();
  await page.getByLabel('Elev (initialer eller kallenavn)').fill('ZZ-privat');
  await page.getByRole('textbox', { name: 'Notater' }).fill('Privat notat');
  await open(page, `${app.url}/plan`);
  const link = await page.getByLabel('Lenke til siden for foresatte').inputValue();
  assert.ok(!link.includes('ZZ') && !link.includes('Privat'));
  await open(page, link);
  const html = await page.content();
  assert.ok(!html.includes('ZZ-privat') && !html.includes('Privat notat'));
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

const freePort = () => new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
});

/** Python's plain http.server on DIST (it answers "not changed" to a
 *  revalidation, as hosts do), with the paths it answered in full. */
async function pythonHost() {
  const port = await freePort();
  const server = spawn('python3', ['-u', '-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', DIST],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(server);
  const sent = [];
  server.stderr.setEncoding('utf8');
  server.stderr.on('data', (text) => {
    for (const [, path, status] of text.matchAll(/"GET (\S+) HTTP\/[\d.]+" (\d+)/g)) sent.push({ path: path.split('?')[0], status: Number(status) });
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) { try { await fetch(origin); break; } catch { await new Promise((r) => setTimeout(r, 100)); } }
  sent.length = 0;
  return { origin, sent, stop: () => new Promise((resolve) => { server.once('exit', resolve); server.kill(); }) };
}

test('a parent\'s first visit, with all its worker fetches, is within 20 kB brotli and fetches nothing of the staff app; then it works offline', async () => {
  const host = await pythonHost();
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const link = `${host.origin}/foresatte.html?foresatte=${BROCHURE.id}`;
  await page.goto(link);
  await page.locator('h1', { hasText: 'Informasjon til foresatte' }).waitFor();
  // Until the worker has installed and taken the page: all it fetches is counted.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20000 });
  await page.waitForLoadState('networkidle');
  const full = host.sent.filter((r) => r.status === 200).map((r) => r.path);
  const brotli = full.map((p) => join(DIST, decodeURIComponent(p === '/' ? '/index.html' : p)))
    .reduce((sum, f) => sum + statSync(existsSync(`${f}.br`) ? `${f}.br` : f).size, 0);
  assert.ok(brotli <= 20_000, `the first visit transferred ${brotli} bytes brotli: ${full.join(' ')}`);
  assert.deepEqual(full.filter((p) => /\.wasm$|\/rusplan-|\/calm-|\/boot-|\/sw\.js$|\/index\.html$|^\/$/.test(p)), [], 'nothing of the staff app');
  assert.deepEqual(full.filter((p) => /\/parents-[0-9a-f]+\.js$/.test(p)), [], 'nor of the handout');
  assert.ok(full.includes('/parents-sw.js'), 'the parents\' own worker');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL.split('/').pop()), 'parents-sw.js');

  // Offline: the link handed out, in both languages, and the page itself.
  await host.stop();
  await page.goto(link);
  await page.locator('h1', { hasText: 'Informasjon til foresatte' }).waitFor();
  assert.match(await page.locator('.plan-name').innerText(), /Skole med kjentmannsordning/);
  await page.goto(`${link}&lang=en`);
  await page.locator('h1', { hasText: 'Information for parents and guardians' }).waitFor();
  await page.getByRole('link', { name: 'Norsk' }).click();
  await page.locator('h1', { hasText: 'Informasjon til foresatte' }).waitFor();
  await context.close();
});

test('a parents\' link runs no wasm and no app script: static HTML within 20 kB brotli, readable with JavaScript off', async () => {
  const { page, context, errors } = await phonePage(browser);
  await open(page, linkFor(HALDEN));
  assert.match(page.url(), /\/foresatte\/halden-vgs\.html$/, 'the link is the static page');
  await open(page, oldLinkFor(HALDEN));
  assert.match(page.url(), /\/foresatte\/halden-vgs\.html$/, 'a link handed out before lands on it');
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await open(page, pageFor(HALDEN));
  assert.deepEqual(fetched.filter((p) => /\.wasm(\.gz)?$/.test(p)), [], 'no wasm at all');
  const scripts = fetched.filter((p) => p.endsWith('.js'));
  assert.deepEqual(scripts.map((p) => p.split('/').pop()), ['parents-offline.js'], 'only the offline helper');
  const base = new URL(app.url).pathname.replace(/\/$/, '');
  const brotli = fetched.map((p) => join(DIST, decodeURIComponent(p.slice(base.length)))).filter((f) => existsSync(`${f}.br`))
    .reduce((sum, f) => sum + statSync(`${f}.br`).size, 0);
  assert.ok(brotli <= 20_000, `${brotli} bytes brotli`);
  assert.deepEqual(errors, []);

  // With scripts off, every plan and language reads in full, calls and all,
  // and a link handed out before offers the school's page in both languages.
  const noScript = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const plain = await noScript.newPage();
  for (const plan of PLANS) {
    await plain.goto(pageFor(plan));
    assert.equal(await plain.locator('h1').innerText(), 'Informasjon til foresatte');
    await plain.getByRole('link', { name: 'English' }).click();
    assert.equal(await plain.locator('h1').innerText(), 'Information for parents and guardians');
  }
  await plain.goto(oldLinkFor(HALDEN));
  await plain.locator('li', { hasText: HALDEN.meta.school }).getByRole('link', { name: 'Norsk' }).click();
  assert.equal(await plain.locator('a[href="tel:+4797083705"]').count(), 1);
  await noScript.close();

  // The oldest form of the link lands on the page; an unknown plan says so.
  await open(page, `${app.url}/?foresatte=${BROCHURE.id}`);
  assert.match(page.url(), /\/foresatte\/kjentmann-brosjyre\.html$/);
  await open(page, `${app.url}/foresatte.html?foresatte=finnes-ikke`);
  assert.equal(await page.locator('h1').innerText(), 'Fant ikke planen');
  await context.close();
});
