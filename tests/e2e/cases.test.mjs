// Cases: the incident run is the documentation. Ticks land in a draft with
// their time, survive a reload, export as a referat (clipboard and file),
// and delete in one confirmed step. Storage failures lose nothing; a damaged
// entry takes no other case down; two tabs lose no update; and nothing about
// the pupil reaches a URL, the title or the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, startApp, phonePage, open, axeViolations, fillQuota, freeQuota, choosePlan, PLANS } from './harness.mjs';

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

const PUPIL = 'XQ-elev';

/** Runs Halden's Alternativ 3 for a pupil under 18, ticking two steps. */
async function runAcuteProcedure(page, { stored = true } = {}) {
  await open(page, `${app.url}/`);
  await page.getByRole('link', { name: /^Eleven opptrer ruset på skolen nå/ }).click();
  await page.getByRole('button', { name: 'Under 18 år', exact: true }).click();
  await page.getByLabel('Rektor/ledelse kontaktes.').check();
  await page.getByLabel('Eleven tas umiddelbart ut av undervisningen').check();
  await page.locator('.done-at', { hasText: /^Utført kl\. \d\d:\d\d$/ }).nth(1).waitFor();
  await page.locator('.case-banner a').click();
  // The case is in the calm program (a page load), unless the browser
  // stores nothing: then the guidance keeps the only copy and says so.
  await page.locator('h1', { hasText: stored ? 'Sak' : 'Utkastet er ikke lagret' }).waitFor();
}

test('ticking steps in the procedure fills the case, with times, and it survives a reload', async () => {
  const { page, context, errors } = await phonePage(browser);
  await page.clock.setFixedTime(new Date('2026-11-23T10:07:00'));
  await runAcuteProcedure(page);
  await page.getByLabel('Elev (initialer eller kallenavn)').fill(PUPIL);
  const timeline = page.locator('.timeline li');
  assert.deepEqual(await timeline.allInnerTexts(), [
    '10:07 Rektor/ledelse kontaktes.',
    '10:07 Eleven tas umiddelbart ut av undervisningen',
  ]);
  assert.ok(await page.getByLabel('Under 18 år').isChecked(), 'the age group answered in the procedure');
  await page.reload();
  await page.locator('h1', { hasText: 'Sak' }).waitFor();
  assert.equal(await page.getByLabel('Elev (initialer eller kallenavn)').inputValue(), PUPIL);
  assert.equal(await timeline.count(), 2);
  await open(page, `${app.url}/saker`);
  assert.match(await page.locator('.case-row').first().innerText(), new RegExp(`${PUPIL}[\\s\\S]*Eleven opptrer ruset på skolen nå[\\s\\S]*Åpen · endret i dag`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a call made from a step is logged in the case', async () => {
  const { page, context } = await phonePage(browser);
  await open(page, `${app.url}/situasjon/alternativ-4`);
  await page.getByRole('button', { name: '18 år eller eldre', exact: true }).click();
  // tel: links leave the page on a phone; here the click is caught first.
  await page.route('tel:*', (route) => route.abort());
  await page.locator('a[href="tel:02800"]').evaluate((a) => a.addEventListener('click', (e) => e.preventDefault()));
  await page.locator('a[href="tel:02800"]').click();
  await page.locator('.case-banner a').click();
  assert.match(await page.locator('.timeline').innerText(), /Ringte Politiet \(Politiet\), 02800/);
  await context.close();
});

test('the referat is copied, downloaded and printed with the right content; then the draft is deleted', async () => {
  const { page, context } = await phonePage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await runAcuteProcedure(page);
  await page.getByLabel('Elev (initialer eller kallenavn)').fill(PUPIL);
  await page.getByLabel('Klasse (valgfritt)').fill('2STA');
  await page.getByRole('textbox', { name: 'Avtaler og oppfølging' }).fill('Ny samtale fredag.');
  await page.getByRole('textbox', { name: 'Notater' }).fill('<img src=x onerror=alert(1)>');
  await page.getByLabel('Vurdering eller beslutning').nth(2).fill('Mor er ringt.');
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await page.getByRole('link', { name: 'Vis referatet' }).click();

  const shown = await page.locator('pre.referat').innerText();
  for (const part of [`Elev: ${PUPIL} · Klasse: 2STA`, 'Alternativ 3: eleven opptrer ruset på skolen', 'Er eleven under 18 år? Under 18 år',
    'Rektor/ledelse kontaktes.', 'Ikke krysset av:', 'Deltakere etter planen:', 'Vurdering: Mor er ringt.',
    'AVTALER OG OPPFØLGING\nNy samtale fredag.', 'NOTATER\n<img src=x onerror=alert(1)>', 'Det føres derfor alltid referater i Elements.']) {
    assert.ok(shown.includes(part), `referat shows «${part}»`);
  }
  assert.equal(dialogs, 0, 'the note stays text');
  assert.equal(await page.locator('pre.referat img').count(), 0);

  await page.getByRole('button', { name: 'Kopier referatet' }).click();
  await page.getByText('Referatet er kopiert.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown.trim() + '\n');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned .txt' }).click()]);
  assert.match(download.suggestedFilename(), /^referat-\d\d-\d\d-\d{4}\.txt$/, 'the file name names no one');
  assert.equal(await readFile(await download.path(), 'utf8'), shown.trim() + '\n');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Kopier referatet' }).isVisible(), false);
  assert.ok(await page.locator('pre.referat').isVisible());
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: 'Slett utkastet …' }).click();
  await page.getByRole('button', { name: 'Ja, slett utkastet' }).click();
  await page.locator('h1', { hasText: 'Saker' }).waitFor();
  assert.equal(await page.getByText(PUPIL).count(), 0);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rusplan.case.')).length), 0);
  await context.close();
});

test('a damaged entry is reported and set aside; the other cases still open', async () => {
  const { page, context } = await phonePage(browser);
  await runAcuteProcedure(page);
  await page.getByLabel('Elev (initialer eller kallenavn)').fill('CD');
  await page.evaluate(() => localStorage.setItem('rusplan.case.odelagt', '{"schema":2,"case":{"id":"odelagt","plan_id":'));
  await open(page, `${app.url}/saker`);
  assert.match(await page.getByRole('alert').innerText(), /1 utkast på enheten kan ikke åpnes/);
  await page.locator('.case-row', { hasText: 'CD' }).click();
  assert.equal(await page.getByLabel('Elev (initialer eller kallenavn)').inputValue(), 'CD');
  await page.goBack();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned teksten' }).click()]);
  assert.equal(await readFile(await download.path(), 'utf8'), '{"schema":2,"case":{"id":"odelagt","plan_id":');
  await page.getByRole('button', { name: 'Slett det skadde utkastet …' }).click();
  await page.getByRole('button', { name: 'Ja, slett det skadde utkastet' }).click();
  assert.equal(await page.getByText('Utkast som ikke kan leses').count(), 0);
  await context.close();
});

test('when the browser refuses to store, the user is told and nothing is lost', async () => {
  const { page, context } = await phonePage(browser);
  await runAcuteProcedure(page);
  // Fill the quota: localStorage then refuses every write.
  await fillQuota(page);
  await page.getByLabel('Elev (initialer eller kallenavn)').fill('EF');
  await page.getByRole('textbox', { name: 'Notater' }).fill('Viktig notat som ikke får lagres.');
  assert.match(await page.getByRole('alert').filter({ hasText: 'Ikke lagret på enheten' }).innerText(), /finnes bare i denne fanen[\s\S]*lagringsplassen er full/);
  // The guidance is a program of its own: the page that holds the only
  // copy stays, says so, and offers the referat instead of a silent loss.
  await page.getByRole('link', { name: 'Hjem' }).click();
  await page.getByRole('heading', { name: 'Utkastet er ikke lagret' }).waitFor();
  assert.match(await page.locator('main').innerText(), /forsvinner hvis du åpner denne siden nå/);
  await page.goBack();
  assert.equal(await page.getByRole('textbox', { name: 'Notater' }).inputValue(), 'Viktig notat som ikke får lagres.');
  await page.getByRole('link', { name: 'Vis referatet' }).click();
  assert.match(await page.locator('pre.referat').innerText(), /Elev: EF[\s\S]*Viktig notat som ikke får lagres\./);
  // Once there is room again, the next change saves everything.
  await freeQuota(page);
  await page.getByRole('link', { name: 'Tilbake til saken' }).click();
  await page.getByLabel('Klasse (valgfritt)').fill('1A');
  await page.getByRole('alert').filter({ hasText: 'Ikke lagret på enheten' }).waitFor({ state: 'detached' });
  const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('rusplan.case.')).map(([, v]) => JSON.parse(v).case));
  const ef = stored.find((c) => c.pupil_ref === 'EF');
  assert.ok(ef, 'stored once there was room');
  assert.equal(ef.notes, 'Viktig notat som ikke får lagres.');
  await context.close();
});

test('two tabs editing the same case lose no update', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const a = await context.newPage();
  await runAcuteProcedure(a);
  const caseUrl = a.url();
  const b = await context.newPage();
  await open(b, caseUrl);
  // A ticks a sign; B (opened before) writes a note; A writes the class.
  await a.getByLabel('Har eleven stort fravær? Er det noe mønster i fraværet? Kommer eleven for seint til timene?').check();
  await b.getByRole('textbox', { name: 'Notater' }).fill('Fra fane B');
  await a.getByLabel('Klasse (valgfritt)').fill('3B');
  await b.getByLabel('Har eleven sluttet eller avbrutt utdanning tidligere?').check();
  for (const page of [a, b]) {
    await page.waitForFunction(() => document.querySelector('#class')?.value === '3B' && document.querySelector('#notes')?.value === 'Fra fane B');
  }
  const stored = await a.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('rusplan.case.')).map(([, v]) => JSON.parse(v).case)[0]);
  assert.equal(stored.class, '3B');
  assert.equal(stored.notes, 'Fra fane B');
  assert.deepEqual([...stored.signs].sort(), ['avbrutt-utdanning', 'fravaer']);
  assert.equal(Object.keys(stored.steps_done).length, 2, 'the ticks from the procedure are still there');
  await context.close();
});

test('nothing about the pupil reaches a URL, the page title or the console', async () => {
  const { page, context } = await phonePage(browser);
  const seen = [];
  page.on('console', (m) => seen.push(m.text()));
  page.on('framenavigated', (f) => seen.push(f.url()));
  page.on('request', (r) => seen.push(r.url()));
  await runAcuteProcedure(page);
  await page.getByLabel('Elev (initialer eller kallenavn)').fill(PUPIL);
  await page.getByRole('textbox', { name: 'Notater' }).fill('Hemmelig notat');
  for (const path of ['/saker', '/', '/kontakter']) {
    await open(page, `${app.url}${path}`);
    seen.push(await page.title());
  }
  await page.goBack();
  seen.push(page.url(), await page.title());
  assert.deepEqual(seen.filter((s) => s.includes(PUPIL) || s.includes('Hemmelig')), []);
  await context.close();
});

test('the form steers away from full names and refuses national ID numbers', async () => {
  const { page, context } = await phonePage(browser);
  await open(page, `${app.url}/saker`);
  await page.getByRole('button', { name: 'Ny sak' }).click();
  const field = page.getByLabel('Elev (initialer eller kallenavn)');
  await field.fill('Kari Nordmann');
  assert.match(await page.locator('#pupil-ref-problem').innerText(), /ser ut som et fullt navn/);
  await field.fill('01020312560');
  assert.match(await page.locator('#pupil-ref-problem').innerText(), /aldri fødselsnummer/);
  await field.fill('01020312345'); // a digit wrong: still most of one
  assert.match(await page.locator('#pupil-ref-problem').innerText(), /ligner et fødselsnummer/);
  await page.waitForTimeout(700);
  const stored = await page.evaluate(() => Object.values(localStorage).join(''));
  assert.ok(!stored.includes('010203'), 'the number never reaches storage');
  await context.close();
});

test('old drafts are flagged, and "delete all data" empties the device after a confirmation', async () => {
  const { page, context } = await phonePage(browser);
  await page.clock.setFixedTime(new Date('2026-10-01T09:00:00'));
  await runAcuteProcedure(page);
  await page.getByLabel('Elev (initialer eller kallenavn)').fill('GH');
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00'));
  await open(page, `${app.url}/saker`);
  assert.match(await page.locator('.case-row', { hasText: 'GH' }).innerText(), /endret for 53 dager siden[\s\S]*Uendret i 30 dager eller mer: før inn i Elements og slett/i);
  await page.getByLabel('Flagg utkast som ikke er endret på (dager)').fill('60');
  await page.getByLabel('Flagg utkast som ikke er endret på (dager)').blur();
  await open(page, `${app.url}/saker`);
  assert.equal(await page.locator('.case-row.overdue').count(), 0);

  await page.getByRole('button', { name: 'Slett alle data …' }).click();
  await page.getByRole('button', { name: 'Avbryt' }).click();
  assert.equal(await page.locator('.case-row').count(), 1, 'cancel keeps everything');
  await page.getByRole('button', { name: 'Slett alle data …' }).click();
  await page.getByRole('button', { name: 'Ja, slett alt' }).click();
  await page.getByText('Alle data på denne enheten er slettet.').waitFor();
  assert.equal(await page.locator('.case-row').count(), 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rusplan.'))), []);
  // The start screen's plan, kept for the service worker, goes too.
  await page.waitForFunction(() => caches.has('rusplan-start').then((has) => !has));
  await context.close();
});

test('axe finds nothing on a case, its referat and the case list, in light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await phonePage(browser, { colorScheme });
    await runAcuteProcedure(page);
    await page.getByLabel('Elev (initialer eller kallenavn)').fill('Kari Nordmann'); // with the warning showing
    assert.deepEqual(await axeViolations(page), [], `${colorScheme} case`);
    await page.getByRole('link', { name: 'Vis referatet' }).click();
    await page.locator('pre.referat').waitFor();
    assert.deepEqual(await axeViolations(page), [], `${colorScheme} referat`);
    await page.evaluate(() => localStorage.setItem('rusplan.case.skadet', 'ikke json'));
    await open(page, `${app.url}/saker`);
    assert.deepEqual(await axeViolations(page), [], `${colorScheme} case list with a damaged entry`);
    await context.close();
  }
});

test('with storage disabled the app still works, says nothing is saved, and the referat can be taken', async () => {
  const { page, context, errors } = await phonePage(browser);
  // What a browser with site data blocked does: localStorage throws.
  await page.addInitScript(() => Object.defineProperty(window, 'localStorage', {
    get() { throw new DOMException('blokkert', 'SecurityError'); },
  }));
  // The run is logged in this page only: the case form is the drafts'
  // program, so the page stays with the referat rather than lose the run.
  await runAcuteProcedure(page, { stored: false });
  assert.match(await page.getByRole('alert').filter({ hasText: 'Ikke lagret på enheten' }).innerText(), /finnes bare i denne fanen[\s\S]*\(lagring er slått av\)/);
  await page.getByRole('link', { name: 'Ta ut referatet' }).click();
  assert.match(await page.locator('pre.referat').innerText(), /Rektor\/ledelse kontaktes\.[\s\S]*Eleven tas umiddelbart ut av undervisningen/);
  // The drafts' own pages work too, in memory.
  await open(page, `${app.url}/saker`);
  await page.getByRole('button', { name: 'Ny sak' }).click();
  await page.getByLabel('Elev (initialer eller kallenavn)').fill('IJ');
  await page.getByRole('link', { name: 'Vis referatet' }).click();
  assert.match(await page.locator('pre.referat').innerText(), /Elev: IJ/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with the brochure\'s plan chosen, no case screen names the other school\'s records system', async () => {
  const { page, context, errors } = await phonePage(browser);
  const brochure = PLANS.find((p) => !p.documentation?.system);
  const system = PLANS.find((p) => p.documentation?.system).documentation.system;
  await choosePlan(page, app.url, brochure);
  await open(page, `${app.url}/saker`);
  await page.getByRole('button', { name: 'Ny sak' }).click();
  await page.locator('h1', { hasText: 'Sak' }).waitFor();
  const caseUrl = page.url();
  await page.getByLabel('Elev (initialer eller kallenavn)').fill('BR');
  await page.getByLabel('Status').selectOption('transferred_to_elements');
  const screens = {};
  screens.case = await page.locator('main').innerText();
  screens.options = (await page.getByLabel('Status').locator('option').allInnerTexts()).join('\n');
  await open(page, `${caseUrl}/referat`);
  await page.locator('h1', { hasText: 'Referat' }).waitFor();
  screens.referat = await page.locator('main').innerText();
  assert.equal(await page.evaluate(() => JSON.parse(Object.entries(localStorage)
    .find(([k]) => k.startsWith('rusplan.case.'))[1]).case.plan_id), brochure.id, 'the case is stamped with the chosen plan');
  await page.clock.setFixedTime(new Date(Date.now() + 40 * 86_400_000)); // an old draft: its flag names the place too
  await open(page, `${app.url}/saker`);
  await page.locator('.case-row.overdue').waitFor();
  screens.list = await page.locator('main').innerText();
  for (const [screen, text] of Object.entries(screens)) {
    assert.ok(!text.includes(system), `${screen} names ${system}: ${text}`);
  }
  assert.match(screens.list, /Før referatet inn i skolens arkiv og slett utkastet\.[\s\S]*Overført til skolens arkiv[\s\S]*før inn i skolens arkiv og slett/);
  assert.match(screens.case, /Før referatet inn i skolens arkiv\./);
  assert.match(screens.referat, /Status: Overført til skolens arkiv/);
  assert.deepEqual(errors, []);
  await context.close();
});
