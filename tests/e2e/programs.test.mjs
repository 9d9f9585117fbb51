// The staff app is two programs (ARCHITECTURE.md, "Two staff programs"):
// the guidance, whose first load an incident waits for, and the drafts.
// What each page loads, moving between them, and a case handed from one to
// the other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startApp, phonePage, open } from './harness.mjs';

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

// X_bg.wasm, or its .gz from a host that compresses nothing (assets/load-wasm.js).
const wasmRequested = (requests) => requests.filter((u) => /_bg\.wasm(\.gz)?$/.test(u)).map((u) => new URL(u).pathname.replace(/-[0-9a-f]+_bg\.wasm(\.gz)?$/, ''));

test('an incident loads none of the calm program; the drafts\' pages start it, and the menu goes both ways', async () => {
  const { page, context, errors } = await phonePage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await open(page, `${app.url}/`);
  await page.getByRole('link', { name: /^Eleven opptrer ruset på skolen nå/ }).click();
  await page.getByRole('button', { name: 'Under 18 år', exact: true }).waitFor();
  assert.deepEqual(wasmRequested(requests), ['/rusplan']);

  requests.length = 0;
  await page.getByRole('link', { name: 'Saker' }).click();
  await page.locator('h1', { hasText: 'Saker' }).waitFor();
  assert.ok(wasmRequested(requests).includes('/calm'), 'the calm program');
  assert.equal(await page.locator('a[aria-current="page"]').textContent(), 'Saker');

  await page.getByRole('link', { name: 'Kontakter' }).click();
  await page.locator('h1', { hasText: 'Kontakter' }).waitFor();
  await page.goBack();
  await page.locator('h1', { hasText: 'Saker' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a case sent to its procedure is the one the procedure logs into, after a reload too', async () => {
  const { page, context, errors } = await phonePage(browser);
  await open(page, `${app.url}/saker`);
  await page.getByRole('button', { name: 'Ny sak' }).click();
  await page.locator('#pupil-ref').fill('MN');
  await page.getByLabel('Velg situasjonen som passer').selectOption({ label: 'Eleven opptrer ruset på skolen nå' });
  const caseId = new URL(page.url()).pathname.split('/').pop();
  await page.getByRole('button', { name: 'Gå til fremgangsmåten' }).click();
  await page.getByRole('button', { name: 'Under 18 år', exact: true }).click();
  // The history entry names the case; the address does not (a bookmark or
  // the browser's suggestions must not bring an old case back).
  assert.equal(await page.evaluate(() => history.state?.sak), caseId);
  assert.equal(new URL(page.url()).search, '');
  await page.getByLabel('Rektor/ledelse kontaktes.').check();
  await page.reload();
  await page.getByLabel('Eleven tas umiddelbart ut av undervisningen').check();
  await page.locator('.case-banner a').click();
  await page.locator('#pupil-ref').waitFor();
  assert.equal(await page.locator('#pupil-ref').inputValue(), 'MN');
  const done = page.locator('section[aria-labelledby="done-title"]');
  await done.getByText('Rektor/ledelse kontaktes.').waitFor();
  await done.getByText('Eleven tas umiddelbart ut av undervisningen').waitFor();
  const cases = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rusplan.case.')));
  assert.deepEqual(cases, [`rusplan.case.${caseId}`], 'one case');

  // The same address typed in anew (no history entry) starts afresh.
  await open(page, `${app.url}/situasjon/alternativ-3`);
  assert.equal(await page.getByRole('button', { name: 'Under 18 år', exact: true }).count(), 1, 'no answers carried over');
  assert.deepEqual(errors, []);
  await context.close();
});
