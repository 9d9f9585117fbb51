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
