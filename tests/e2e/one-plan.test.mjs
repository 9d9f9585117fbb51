// A school that bundles only its own plan (scripts/one-plan-build.sh builds
// dist-one-plan/ with the kjentmann brochure alone): a new device starts on
// that plan and every new case is stamped with it, with no school's id
// written in code to fall back on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, phonePage, open, storedCases, planJson } from './harness.mjs';
import { serve } from './server.mjs';

const ONE_PLAN = fileURLToPath(new URL('../../dist-one-plan', import.meta.url));
const BROCHURE = planJson('kjentmann-brosjyre');
let app, browser;
before(async () => {
  assert.ok(existsSync(`${ONE_PLAN}/index.html`), 'dist-one-plan/ is built by scripts/one-plan-build.sh (the test command runs it)');
  app = await serve(ONE_PLAN);
  browser = await launch();
});
after(async () => { await browser?.close(); await app?.close(); });

test('a one-plan build starts on its plan and stamps every new case with it', async () => {
  const { page, context, errors } = await phonePage(browser);
  await open(page, `${app.url}/`);
  assert.equal(await page.locator('.app-school').innerText(), BROCHURE.meta.school);
  // A case started from the list, and one started by a procedure.
  await open(page, `${app.url}/saker`);
  await page.getByRole('button', { name: 'Ny sak' }).click();
  await page.locator('#pupil-ref').waitFor();
  const acute = BROCHURE.situations.find((s) => s.acute) ?? BROCHURE.situations[0];
  await open(page, `${app.url}/situasjon/${acute.id}`);
  await page.locator('.step input[type=checkbox]').first().check();
  await page.waitForTimeout(700);
  const cases = await storedCases(page);
  assert.equal(cases.length, 2);
  assert.deepEqual(cases.map((c) => c.plan_id), [BROCHURE.id, BROCHURE.id]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('its pages at their addresses are its plan\'s, with JavaScript off too', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of ['kontakter/', ...BROCHURE.situations.map((s) => `situasjon/${s.id}/`)]) {
    await page.goto(`${app.url}/${path}`);
    assert.equal(await page.locator('.app-school').innerText(), BROCHURE.meta.school, path);
  }
  const first = BROCHURE.situations[0];
  await page.goto(`${app.url}/situasjon/${first.id}/`);
  assert.equal(await page.locator('main h1').innerText(), first.label);
  await context.close();
});
