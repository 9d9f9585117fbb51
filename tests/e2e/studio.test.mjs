// The plan studio (studio.html, a program of its own), at a laptop viewport:
// each bundled plan opened and exported unchanged, a misspelt role shown
// with the validator's own message (the one validate-plan prints) and a
// link to the place, work kept over a reload, each situation's flowchart
// with a box for every step and question, offline once loaded, axe clean.
// And the plan page's flowcharts, drawn at build time, with the routes as
// their text alternative.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, startApp, open, phonePage, PLANS, axeViolations, LAPTOP, studioPage as studioAt, openBundled } from './harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TABLET = { viewport: { width: 768, height: 1024 }, hasTouch: true, locale: 'nb-NO' };

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });
const studioPage = (options) => studioAt(browser, app.url, options);

/** Puts a whole plan file into the plan field as one input, the way a
 *  paste does (Playwright's fill types it in far too slowly for 80 kB). */
async function setPlanText(page, text) {
  await page.getByLabel('Planfilen (JSON)').evaluate((field, value) => {
    field.focus();
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

const stepIds = (situation) => situation.nodes.filter((n) => n.type === 'steps').flatMap((n) => n.steps.map((s) => s.id));
const questionIds = (situation) => situation.nodes.filter((n) => n.type === 'question').map((n) => n.id);
/** The boxes of an SVG document, by kind, as the flowchart writes them. */
const boxes = (svg, kind) => [...svg.matchAll(new RegExp(`class="flow-node" data-kind="${kind}" data-id="([^"]*)"`, 'g'))].map((m) => m[1]);

test('each bundled plan opens with its source text, checks clean, and exports unchanged', async () => {
  const { context, page, errors } = await studioPage();
  for (const plan of PLANS) {
    await openBundled(page, plan.id);
    await page.getByText('Validatoren finner ingen feil.').waitFor();
    await page.getByText('Alle tekster står ordrett i linjene de viser til.').waitFor();
    await page.getByText('Hver linje i fremgangsmåtene er dekket av et trinn.').waitFor();
    const sourceFile = plan.documents[0].file;
    const source = readFileSync(join(root, 'assets/plans/sources', sourceFile), 'utf8');
    const lines = source.split('\n');
    if (lines.at(-1) === '') lines.pop();
    // Shown with line numbers: line n is the n-th item of the numbered list.
    assert.equal(await page.locator('.source-lines ol > li').count(), lines.length);
    assert.equal((await page.locator('#linje-12').innerText()).trim(), lines[11].trim());

    const [planFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned planfilen' }).click()]);
    assert.equal(planFile.suggestedFilename(), `${plan.id}.json`);
    assert.deepEqual(JSON.parse(await readFile(await planFile.path(), 'utf8')), plan, `${plan.id} exports unchanged`);
    const [sourceDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned kildeteksten' }).click()]);
    assert.equal(sourceDownload.suggestedFilename(), sourceFile);
    assert.equal(await readFile(await sourceDownload.path(), 'utf8'), source);

    for (const situation of plan.situations) {
      const svg = await page.locator(`.studio-flowchart[data-situation="${situation.id}"]`).innerHTML();
      assert.deepEqual(boxes(svg, 'step'), stepIds(situation), `${plan.id} ${situation.id}: a box per step`);
      assert.deepEqual(boxes(svg, 'question'), questionIds(situation), `${plan.id} ${situation.id}: a box per question`);
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

/** validate-plan's messages for a file, each as one line of text. */
function validatePlan(text) {
  const file = join(mkdtempSync(join(tmpdir(), 'rusplan-studio-')), 'plan.json');
  writeFileSync(file, text);
  let stderr = '';
  try {
    execFileSync('cargo', ['run', '-q', '-p', 'rusplan-domain', '--bin', 'validate-plan', '--', file], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    stderr = error.stderr.toString();
  }
  const messages = [];
  for (const line of stderr.split('\n')) {
    if (line.startsWith(`  ${file}: `)) messages.push(line.slice(`  ${file}: `.length));
    else if (line.startsWith('    ') && messages.length) messages[messages.length - 1] += ` ${line.trim()}`;
  }
  return messages;
}

test('a misspelt role: the validator\'s message names where, and its link selects the place', async () => {
  const { context, page, errors } = await studioPage();
  await openBundled(page, 'halden-vgs');
  const plan = structuredClone(PLANS[0]);
  const step = plan.situations[2].nodes[0].steps[1];
  assert.ok(step.responsible, 'the step names a role');
  step.responsible = `${step.responsible}x`;
  const text = JSON.stringify(plan, null, 2);
  await setPlanText(page, text);
  const expected = validatePlan(text);
  assert.ok(expected.length >= 1 && expected.some((m) => m.startsWith('$.situations[2].nodes[0].steps[1].responsible: ')), expected.join('\n'));
  const shown = page.locator('#validation > li');
  await shown.first().waitFor();
  const messages = (await shown.allInnerTexts()).map((m) => m.replace(/\s+/g, ' ').trim());
  assert.deepEqual(messages, expected, 'the same messages as validate-plan');

  await page.getByRole('link', { name: '$.situations[2].nodes[0].steps[1].responsible', exact: true }).click();
  const selected = await page.evaluate(() => {
    const field = document.activeElement;
    return field.id === 'plan-json' ? field.value.slice(field.selectionStart, field.selectionEnd) : null;
  });
  assert.equal(selected, JSON.stringify(step.responsible), 'the link selects the misspelt role in the file');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a text edited away from its lines is shown, and the work survives a reload', async () => {
  const { context, page, errors } = await studioPage();
  await openBundled(page, 'kjentmann-brosjyre');
  const field = page.getByLabel('Planfilen (JSON)');
  const original = await field.inputValue();
  const plan = JSON.parse(original);
  const step = plan.situations[0].nodes.find((n) => n.type === 'steps').steps[0];
  const words = step.text.split(' ');
  const edited = original.replace(JSON.stringify(step.text), JSON.stringify([words[0], 'straks', ...words.slice(1)].join(' ')));
  assert.notEqual(edited, original);
  await setPlanText(page, edited);
  await page.locator('.studio-problems li', { hasText: 'ordrett fra «straks»' }).waitFor();
  await page.getByLabel('Lim inn planens tekst').fill('Linje én\nLinje to: ikke dekket\n');
  await page.reload();
  await page.locator('h1', { hasText: 'Planstudio' }).waitFor();
  assert.equal(await page.getByLabel('Planfilen (JSON)').inputValue(), edited, 'the plan file is kept on the device');
  assert.equal(await page.getByLabel('Lim inn planens tekst').inputValue(), 'Linje én\nLinje to: ikke dekket\n');
  assert.equal(await page.locator('#linje-2').innerText(), 'Linje to: ikke dekket');
  // Opening another plan over the work can be undone.
  await openBundled(page, 'halden-vgs');
  assert.notEqual(await page.getByLabel('Planfilen (JSON)').inputValue(), edited);
  await page.getByRole('button', { name: 'Hent tilbake det du hadde før' }).click();
  assert.equal(await page.getByLabel('Planfilen (JSON)').inputValue(), edited);
  assert.equal(await page.getByLabel('Lim inn planens tekst').inputValue(), 'Linje én\nLinje to: ikke dekket\n');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the studio works offline once loaded, and axe finds nothing at laptop and tablet size', async () => {
  for (const options of [LAPTOP, TABLET]) {
    const { context, page, errors } = await studioPage(options);
    await openBundled(page, 'halden-vgs');
    // A problem in view too, so its list is checked.
    await setPlanText(page, (await page.getByLabel('Planfilen (JSON)').inputValue()).replace('"responsible": "ledelse"', '"responsible": "ledelsx"'));
    await page.locator('#validation > li').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], JSON.stringify(options.viewport));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at ${options.viewport.width} px: ${overflow}`);
    if (options === LAPTOP) {
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 20000 });
      await context.setOffline(true);
      await page.reload();
      await page.locator('h1', { hasText: 'Planstudio' }).waitFor();
      await page.locator('.studio-flowchart').first().waitFor();
      await context.setOffline(false);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the plan page shows each situation\'s flowchart, drawn at build time; its page has the routes as text', async () => {
  const { page, context, errors } = await phonePage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await open(page, `${app.url}/plan`);
  const plan = PLANS.find((p) => p.id === 'halden-vgs');
  const images = page.locator('img.flowchart');
  assert.equal(await images.count(), plan.situations.length);
  for (const [i, situation] of plan.situations.entries()) {
    const image = images.nth(i);
    assert.equal(await image.getAttribute('alt'), `Flytskjema for ${situation.label}. Veiene står som tekst på siden «Flytskjema og veier».`);
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
    const svg = await page.evaluate(async (src) => (await fetch(src)).text(), await image.getAttribute('src'));
    assert.deepEqual(boxes(svg, 'step'), stepIds(situation), situation.id);
    assert.deepEqual(boxes(svg, 'question'), questionIds(situation), situation.id);
  }
  assert.deepEqual(await axeViolations(page), []);
  assert.equal(await page.getByRole('link', { name: /^Planstudio/ }).getAttribute('href'), '/studio.html');
  assert.ok(!requests.some((p) => /studio/.test(p)), 'the staff app loads nothing of the studio');

  // The routes as text, on a static page (no wasm): alternativ-3 has one
  // route per age group, the parents' step only on the first.
  const [routesPage] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /^Flytskjema og veier/ }).click()]);
  await routesPage.locator('h1', { hasText: 'Flytskjema og veier' }).waitFor();
  assert.equal(new URL(routesPage.url()).pathname, '/flyt/halden-vgs.html');
  const alt3 = routesPage.locator('#routes-alternativ-3 > li');
  assert.equal(await alt3.count(), 2);
  assert.match(await alt3.nth(0).innerText(), /^Er eleven under 18 år\? Under 18 år/);
  assert.equal(await alt3.nth(0).getByText('Foresatte kontaktes dersom eleven er under 18 år').count(), 1);
  assert.equal(await alt3.nth(1).getByText('Foresatte kontaktes dersom eleven er under 18 år').count(), 0, 'not on the 18+ route');
  const charts = routesPage.locator('img.flowchart');
  assert.equal(await charts.count(), plan.situations.length);
  await routesPage.waitForFunction(() => [...document.querySelectorAll('img.flowchart')].every((img) => img.complete && img.naturalWidth > 0));
  assert.deepEqual(await axeViolations(routesPage), []);
  // The plan page is the calm program's; the routes' page runs none.
  assert.ok(!requests.some((p) => /\.wasm(\.gz)?$/.test(p) && !/\/(rusplan|calm)-/.test(p)), 'no other program');
  assert.deepEqual(errors, []);
  await context.close();
});
