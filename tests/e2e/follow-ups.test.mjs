// Follow-ups (issue 17): after a real run the case lists what remains, in
// the plan's words, with the meeting's date; the case list marks it; and
// "Legg i kalender" gives an iCalendar file that a real parser (Mozilla's
// ical.js) reads, holding nothing about the pupil.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { launch, startApp, phonePage, open, axeViolations, planJson } from './harness.mjs';

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

const halden = planJson('halden-vgs');
const acute = halden.situations.find((s) => s.id === 'alternativ-3');
const steps = acute.nodes.filter((n) => n.type === 'steps').flatMap((n) => n.steps);
const meeting = steps.find((s) => s.meeting);

test('a case lists what remains by when; the calendar file parses and names no pupil', async () => {
  const { page, context, errors } = await phonePage(browser, { acceptDownloads: true });
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
  await open(page, `${app.url}/`);
  await page.getByRole('link', { name: /^Eleven opptrer ruset på skolen nå/ }).click();
  await page.getByRole('button', { name: 'Under 18 år', exact: true }).click();
  await page.getByLabel('Rektor/ledelse kontaktes.').check();
  await page.locator('.case-banner a').click();
  await page.locator('#pupil-ref').fill('XQ-elev');
  await page.getByLabel('Klasse (valgfritt)').fill('2B');
  await page.getByRole('textbox', { name: 'Notater' }).fill('Hemmelig notat');

  const remains = page.locator('section[aria-labelledby="remains-title"]');
  const listed = await remains.locator('.remains li').allInnerTexts();
  // The meeting, in the plan's words, with the plan's urgency: no date yet.
  assert.ok(listed.some((t) => t.includes(meeting.text) && t.includes(`Planen sier: ${meeting.urgency}`)), listed.join('\n'));
  // A ticked step is not listed; every listed text is the plan's own.
  assert.ok(!listed.some((t) => t.startsWith('Rektor/ledelse kontaktes.')));
  const planTexts = new Set([...steps.map((s) => s.text), ...halden.questions.map((q) => q.text)]);
  for (const text of await remains.locator('.remains-what').allInnerTexts()) {
    assert.ok(planTexts.has(text) || text === 'Avtaler og oppfølging', `not the plan's words: ${text}`);
  }

  await page.locator('#meeting-date').fill('2026-12-01');
  await remains.locator('.remains li', { hasText: meeting.text }).getByText('01.12.2026').waitFor();
  await page.getByLabel('Klokkeslett (valgfritt)').fill('13:30');
  await page.getByLabel('Hva', { exact: true }).selectOption({ label: meeting.text });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Last ned kalenderfil (.ics)' }).click(),
  ]);
  const file = download.suggestedFilename();
  assert.equal(file, 'rusplan-mote-2026-12-01.ics');
  const text = await readFile(await download.path(), 'utf8');
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent'));
  assert.equal(event.summary, `Møte – ${acute.title}`);
  assert.deepEqual([event.startDate.year, event.startDate.month, event.startDate.day, event.startDate.hour, event.startDate.minute], [2026, 12, 1, 13, 30]);
  for (const secret of ['XQ-elev', '2B', 'Hemmelig']) {
    assert.ok(!text.includes(secret) && !file.includes(secret), `${secret} in the calendar file`);
  }
  assert.deepEqual(await axeViolations(page), []);

  await open(page, `${app.url}/saker`);
  await page.locator('.case-row', { hasText: 'XQ-elev' }).getByText('Har steg med frist i planen, eller en dato som er nådd').waitFor();
  // Home says how many, and names no one.
  await open(page, `${app.url}/`);
  const count = page.locator('.due-count');
  assert.equal(await count.innerText(), '1 sak har steg med frist i planen, eller en dato som er nådd.');
  assert.ok(!(await page.locator('main').innerText()).includes('XQ-elev'));
  assert.deepEqual(errors, []);
  await context.close();
});

/** What the home screen's count reads with a PIN: the plain records beside
 *  the sealed cases, `rusplan.due.<id>`. */
const dueRecords = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith('rusplan.due.')).map((k) => [k, localStorage.getItem(k)])));

test('with a PIN, home counts the cases with something due from plain records that hold a date at most; deleting the case or a wipe takes the count away', async () => {
  const { page, context, errors } = await phonePage(browser);
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
  const PIN = '583920';
  await open(page, `${app.url}/saker`);
  await page.getByLabel('Ny PIN-kode (minst 6 tegn)').fill(PIN);
  await page.getByLabel('Gjenta PIN-koden').fill(PIN);
  await page.getByRole('button', { name: 'Lås med PIN-kode' }).click();
  await page.getByRole('button', { name: 'Lås utkastene' }).waitFor();
  const unlock = async () => {
    await page.getByLabel('PIN-kode', { exact: true }).fill(PIN);
    await page.getByRole('button', { name: 'Lås opp', exact: true }).click();
    await page.getByRole('button', { name: 'Lås utkastene' }).waitFor();
  };
  const count = page.locator('.due-count');
  const ONE = '1 sak har steg med frist i planen, eller en dato som er nådd.';

  // A real run, from home, while locked: the meeting ("raskt") and the
  // pupil's removal ("umiddelbart") are left unticked.
  const run = async () => {
    await open(page, `${app.url}/`);
    await page.getByRole('link', { name: /^Eleven opptrer ruset på skolen nå/ }).click();
    await page.getByRole('button', { name: 'Under 18 år', exact: true }).click();
    await page.getByLabel('Rektor/ledelse kontaktes.').check();
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('rusplan.due.')));
  };
  await run();
  await open(page, `${app.url}/`);
  assert.equal(await count.innerText(), ONE);
  const [realKey] = Object.keys(await dueRecords(page));
  // A record whose case is gone counts for nothing; one that cannot be
  // read neither (and breaks nothing).
  await page.evaluate((realKey) => {
    localStorage.setItem('rusplan.due.uten-sak', '*');
    localStorage.setItem(realKey, 'ødelagt');
  }, realKey);
  await open(page, `${app.url}/`);
  await page.locator('.situations').waitFor();
  assert.equal(await count.count(), 0, 'a damaged record or one with no case counted');

  // The pupil's initials go into the case, in the calm program, unlocked.
  await open(page, `${app.url}/saker`);
  await unlock();
  // Unlocking made the damaged record right again: the case is read whole.
  assert.equal((await dueRecords(page))[realKey], '*');
  await page.locator('.case-row').first().click();
  await page.locator('#pupil-ref').fill('XQ-elev');
  await page.getByRole('textbox', { name: 'Notater' }).fill('Hemmelig notat');
  await page.waitForFunction(() => Object.keys(localStorage).every((k) => !k.startsWith('rusplan.case.') || localStorage.getItem(k).startsWith('{"sealed"')));
  await page.getByRole('button', { name: 'Lås utkastene' }).click();
  await page.getByLabel('PIN-kode', { exact: true }).waitFor();

  // Locked, a fresh load of home: the count, and nobody named.
  await open(page, `${app.url}/`);
  await page.locator('.situations').waitFor();
  assert.equal(await count.innerText(), ONE);
  assert.ok(!(await page.locator('body').innerText()).includes('XQ'), 'the pupil on the home screen');
  const records = await dueRecords(page);
  // Undated urgent steps: due every day, and nothing else said.
  assert.equal(records[realKey], '*');
  for (const [key, value] of Object.entries(records)) {
    for (const secret of ['XQ', 'Hemmelig', 'ruset', 'alternativ']) {
      assert.ok(!key.includes(secret) && !value.includes(secret), `${secret} in ${key}`);
    }
  }
  assert.deepEqual(await axeViolations(page), []);

  // Deleting the case takes its record and the count.
  await open(page, `${app.url}/saker`);
  await unlock();
  await page.locator('.case-row', { hasText: 'XQ-elev' }).click();
  await page.getByRole('button', { name: 'Slett utkastet …' }).click();
  await page.getByRole('button', { name: 'Ja, slett utkastet' }).click();
  await page.locator('h1', { hasText: 'Saker' }).waitFor();
  assert.equal((await dueRecords(page))[realKey], undefined);
  await open(page, `${app.url}/`);
  await page.locator('.situations').waitFor();
  assert.equal(await count.count(), 0, 'a count after the case was deleted');

  // Another run; then "Slett alle data" takes every record too.
  await run();
  await open(page, `${app.url}/`);
  assert.equal(await count.innerText(), ONE);
  await open(page, `${app.url}/saker`);
  await unlock();
  await page.getByRole('button', { name: 'Slett alle data …' }).click();
  await page.getByRole('button', { name: 'Ja, slett alt' }).click();
  await page.getByText('Alle data på denne enheten er slettet.').waitFor();
  assert.deepEqual(await dueRecords(page), {});
  await open(page, `${app.url}/`);
  await page.locator('.situations').waitFor();
  assert.equal(await count.count(), 0, 'a count after the wipe');
  assert.deepEqual(errors, []);
  await context.close();
});
