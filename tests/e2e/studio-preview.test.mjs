// The studio's preview (issue #16 §6): the plan in the studio drawn by the
// app's own components. Each bundled plan, opened in the studio, previews
// as the app shows it: its home screen, acute first; every route of every
// situation, the same as the plan's static "Flytskjema og veier" page (the
// bundled plan, drawn at build time) says; a situation walked on the real
// procedure page, whose call buttons dial nothing; and the parents' page,
// the same text as the static one. An edit shows once previewed again; a
// plan the validator refuses is not drawn. Nothing is stored, nothing
// leaves the origin, and axe finds nothing with the preview open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startApp, PLANS, axeViolations, studioPage as studioAt, openBundled } from './harness.mjs';

const STUDIO_WORK = 'rusplan.studio.work';

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });
const studioPage = () => studioAt(browser, app.url);

const preview = (page) => page.locator('.studio-preview-page');
const showPreview = (page) => page.getByRole('button', { name: 'Vis planen slik appen viser den' }).click();
const choose = (page, label) => page.getByLabel('Vis', { exact: true }).selectOption({ label });

/** Everything stored, less the studio's own work. */
const storedElse = (page) => page.evaluate((work) => Object.fromEntries(
  Object.keys(localStorage).filter((k) => k !== work).map((k) => [k, localStorage.getItem(k)])), STUDIO_WORK);

/** The text of an element, with white space as one space. */
const text = (locator) => locator.evaluate((e) => e.innerText.replace(/\s+/g, ' ').trim());

for (const plan of PLANS) {
  test(`${plan.id}: the preview draws the plan with the app's own pages, stores nothing and dials nothing`, async () => {
    const { context, page, errors, elsewhere } = await studioPage();
    await openBundled(page, plan.id);
    const stored = await storedElse(page);
    await showPreview(page);

    // The home screen, acute first.
    const acuteFirst = [...plan.situations.filter((s) => s.acute), ...plan.situations.filter((s) => !s.acute)];
    await preview(page).locator('h1', { hasText: 'Hva har skjedd?' }).waitFor();
    assert.deepEqual(await preview(page).locator('.situation-label').allInnerTexts(), acuteFirst.map((s) => s.label));
    assert.deepEqual(await axeViolations(page), [], 'axe, the home screen previewed');

    // A link to another page of the app stays in the studio and says why.
    const studioUrl = page.url();
    await preview(page).getByRole('link', { name: 'Kontakter' }).click();
    await page.getByRole('status').filter({ hasText: 'Lenken fører til en annen side i appen' }).waitFor();
    assert.equal(page.url(), studioUrl);

    // A situation's link opens the real procedure page in the preview.
    await preview(page).locator('.situation').first().click();
    const first = acuteFirst[0];
    await preview(page).locator('h1', { hasText: first.label }).waitFor();
    assert.equal(page.url(), studioUrl, 'still the studio');
    assert.equal(await page.title(), 'Planstudio – Rusplan', 'the studio keeps its title');
    assert.equal(await preview(page).locator('a[href^="tel:"]').count(), 0, 'no call button dials');
    const call = preview(page).locator('.practice-call button').first();
    if (await call.count()) {
      await call.click();
      await preview(page).getByText('Ingen samtale er startet.').first().waitFor();
    }
    assert.deepEqual(await axeViolations(page), [], 'axe, a situation previewed');

    // A situation that does not place the focus itself: it starts on its heading.
    await choose(page, 'Startsiden');
    const last = acuteFirst.at(-1);
    await preview(page).locator('.situation', { hasText: last.label }).click();
    await preview(page).locator('h1', { hasText: last.label }).waitFor();
    await page.waitForFunction(() => document.activeElement !== document.body);
    assert.ok(await page.evaluate(() => document.querySelector('.studio-preview-page').contains(document.activeElement)),
      'focus is in the page the link opened');

    // Every route of every situation: what the plan's static routes page says.
    const routesPage = await context.newPage();
    await routesPage.goto(`${app.url}/flyt/${plan.id}.html`);
    await choose(page, 'Alle veier gjennom hver situasjon');
    for (const situation of plan.situations) {
      const previewed = page.locator(`#preview-routes-${situation.id}`);
      await previewed.waitFor();
      const routes = await previewed.locator(':scope > li').count();
      assert.ok(routes >= 1, `${situation.id}: at least one route`);
      assert.equal(routes, await routesPage.locator(`#routes-${situation.id} > li`).count(), `${situation.id}: as many routes as the app's`);
      assert.equal(await text(previewed), await text(routesPage.locator(`#routes-${situation.id}`)), `${situation.id}: the same routes`);
    }
    await routesPage.close();

    // The parents' page: the static page's text, in each language it has.
    const languages = [['Foresatte (norsk)', `${plan.id}.html`]];
    if (plan.translations?.en) languages.push(['Foresatte (engelsk)', `${plan.id}.en.html`]);
    for (const [label, file] of languages) {
      await choose(page, label);
      const parents = preview(page).locator('.parents');
      await parents.locator('h2').first().waitFor();
      const staticPage = await context.newPage();
      await staticPage.goto(`${app.url}/foresatte/${file}`);
      const expected = await staticPage.locator('main.parents').evaluate((main) =>
        [...main.children].filter((e) => !e.matches('nav')).map((e) => e.innerText).join(' ').replace(/\s+/g, ' ').trim());
      assert.equal(await text(parents), expected, `${label}: the parents' page as published`);
      for (const contact of (plan.contacts ?? []).filter((c) => plan.parents?.contact_roles?.some((r) => c.roles.includes(r)))) {
        assert.ok(expected.includes(contact.name), `${label}: ${contact.name} is on it`);
      }
      await staticPage.close();
      const tel = parents.locator('a[href^="tel:"]').first();
      if (await tel.count()) {
        await tel.click();
        await page.getByRole('status').filter({ hasText: 'I forhåndsvisningen ringer ingenting.' }).waitFor();
        assert.equal(page.url(), studioUrl, 'a call link stays in the studio');
      }
      assert.deepEqual(await axeViolations(page), [], `axe, ${label} previewed`);
    }

    assert.deepEqual(await storedElse(page), stored, 'nothing stored but the studio\'s own work');
    assert.deepEqual(elsewhere, [], 'no request to another origin');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('an edit shows once previewed again; a plan the validator refuses is not drawn', async () => {
  const { context, page, errors } = await studioPage();
  const plan = PLANS[0];
  await openBundled(page, plan.id);
  await showPreview(page);
  await choose(page, 'Alle veier gjennom hver situasjon');
  const situation = plan.situations[0];
  const step = situation.nodes.find((n) => n.type === 'steps').steps[0];
  await page.locator(`#preview-routes-${situation.id}`).waitFor();

  const field = page.getByLabel('Planfilen (JSON)');
  const original = await field.inputValue();
  const edited = original.replace(JSON.stringify(step.text), JSON.stringify(`${step.text} (endret i studioet)`));
  assert.notEqual(edited, original);
  const setPlan = (value) => field.evaluate((f, v) => {
    f.value = v;
    f.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, value);
  await setPlan(edited);
  await page.getByText('Planfilen er endret siden forhåndsvisningen').waitFor();
  assert.equal(await preview(page).getByText('(endret i studioet)').count(), 0, 'not in the preview before it is asked for');
  await showPreview(page);
  await page.locator(`#preview-routes-${situation.id}`).getByText('(endret i studioet)').first().waitFor();

  // A role no one defined: the validator refuses it, and nothing is drawn.
  const role = plan.situations.flatMap((s) => s.nodes).flatMap((n) => n.steps ?? []).find((s) => s.responsible).responsible;
  const broken = edited.replace(`"responsible": "${role}"`, `"responsible": "${role}-feilstavet"`);
  assert.notEqual(broken, edited);
  await setPlan(broken);
  await showPreview(page);
  await page.locator('.studio-preview').getByText(/Validatoren finner \d+ feil\./).waitFor();
  await page.getByRole('link', { name: 'Rett feilene under «Sjekk» først.' }).waitFor();
  assert.equal(await preview(page).count(), 0, 'no preview of a plan the validator refuses');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
