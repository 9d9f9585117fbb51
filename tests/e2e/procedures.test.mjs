// Every situation of both plans walked as a user would: tap the situation,
// answer each question by its visible label, and on every route check the
// steps, the call links, the meeting, the duty-to-inform notes and the
// documentation rule against the plan file. Going back uses the app's own
// "Endre siste svar", so back is exercised on every branch too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startApp, phonePage, open, PLANS, telTarget, choosePlan, axeViolations } from './harness.mjs';

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

/** What the plan file says this route shows: a reading of the data that is
 *  independent of the Rust engine, so the two check each other. */
function expectedSteps(plan, situation, answers) {
  const steps = [];
  const holds = (when) => !when || when.answer_in.includes(answers[when.question]);
  for (let id = situation.start; id;) {
    const node = situation.nodes.find((n) => n.id === id);
    if (node.type === 'question') id = node.next[answers[node.question]];
    else if (node.type === 'steps') { steps.push(...node.steps.filter((s) => holds(s.when))); id = node.next; }
    else id = undefined;
  }
  return { steps, holds };
}

async function checkRoute(page, plan, situation, answers) {
  const { steps, holds } = expectedSteps(plan, situation, answers);
  const items = page.locator('ol.step-list > li');
  const shown = await items.locator('label.step-text').allInnerTexts();
  assert.deepEqual(shown, steps.map((s) => s.text), `${plan.id} ${situation.id} ${JSON.stringify(answers)}`);
  for (const [i, step] of steps.entries()) {
    const item = items.nth(i);
    for (const role of step.contact ?? []) {
      for (const person of (plan.contacts ?? []).filter((c) => c.roles.includes(role))) {
        const link = item.locator(`a[href="tel:${telTarget(person.phone)}"]`);
        assert.ok(await link.count() > 0, `${situation.id}/${step.id}: call link for ${person.name}`);
        assert.match(await link.first().textContent(), new RegExp(`Ring ${person.name}`));
      }
    }
    if (step.urgency) assert.match(await item.innerText(), new RegExp(step.urgency, 'i'));
    if (step.meeting) {
      const meeting = await item.locator('.meeting').innerText();
      for (const p of step.meeting.participants) {
        const name = plan.roles.find((r) => r.id === p.role).name;
        assert.equal(meeting.includes(name), holds(p.when), `${situation.id}: ${name} at the meeting`);
      }
      for (const item of step.meeting.agenda) assert.ok(meeting.includes(item.text), item.text);
    }
  }
  // The plan's advice for this situation (all, when it names none), then
  // the duty-to-inform notes that hold: which ones is the plan's data.
  const advice = (plan.confidentiality?.advice ?? [])
    .filter((a) => !a.situations?.length || a.situations.includes(situation.id));
  const duty = (plan.confidentiality?.duty_to_inform ?? []).filter((n) => holds(n.when));
  const notes = [...advice, ...duty].map((n) => n.text);
  const dutyShown = notes.length ? await page.locator('section.duty li').allInnerTexts() : [];
  assert.deepEqual(dutyShown, notes);
  // The plan's documentation rule is shown once: as its own section, or as
  // the step when the route's documentation step is that very rule.
  const doc = plan.documentation?.text ?? 'Denne planen sier ikke hvordan saken skal dokumenteres.';
  assert.equal(await page.getByText(doc, { exact: true }).count(), 1, 'documentation rule');
  assert.ok(await page.getByText('Planen har ikke flere steg for denne situasjonen.').isVisible());
}

/** Depth-first over the questions, as a user tapping through. */
async function walk(page, plan, situation, answers = {}) {
  const question = page.locator('section.question');
  if (await question.count() === 0) {
    await checkRoute(page, plan, situation, answers);
    return 1;
  }
  const asked = await question.locator('h2').innerText();
  const questionId = plan.questions.find((q) => q.text === asked).id;
  let routes = 0;
  for (const answer of plan.questions.find((q) => q.id === questionId).answers) {
    await question.getByRole('button', { name: answer.label, exact: true }).click();
    routes += await walk(page, plan, situation, { ...answers, [questionId]: answer.id });
    await page.getByRole('button', { name: 'Endre siste svar' }).click();
    await page.locator('section.question').waitFor();
  }
  return routes;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const plan of PLANS) {
  test(`${plan.id}: every route of every situation`, async () => {
    const { page, context, errors } = await phonePage(browser);
    await choosePlan(page, app.url, plan);
    let routes = 0;
    for (const situation of plan.situations) {
      await open(page, `${app.url}/`);
      await page.getByRole('link', { name: new RegExp(`^${escape(situation.label)}`) }).click();
      await page.locator('h1', { hasText: situation.label }).waitFor();
      assert.equal(await page.locator('a[href="tel:113"]').count(), situation.acute ? 1 : 0, 'emergency line');
      routes += await walk(page, plan, situation);
    }
    const expected = { 'halden-vgs': 12, 'kjentmann-brosjyre': 6 }[plan.id];
    assert.equal(routes, expected, 'routes walked');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

/** Wholly in view on the 360×640 screen, above the bottom menu, without the
 *  user scrolling: an acute situation opens with its steps at the top. */
async function inViewWithoutScrolling(page, locator, what) {
  await locator.waitFor();
  // The app brings the steps up on the next frame: wait for it to settle.
  const fits = async () => {
    const menu = await page.locator('.bottom-nav').boundingBox();
    const box = await locator.boundingBox();
    return { box, menu, ok: box && box.y >= 0 && box.y + box.height <= menu.y };
  };
  const deadline = Date.now() + 5000;
  let seen = await fits();
  while (!seen.ok && Date.now() < deadline) {
    await page.waitForTimeout(50);
    seen = await fits();
  }
  assert.ok(seen.ok, `${what} is in view above the menu (${JSON.stringify(seen.box)}, menu at ${seen.menu?.y})`);
  return seen.box;
}

/** From the home screen, one tap on the situation's button. */
async function tapFromHome(page, label) {
  await open(page, `${app.url}/`);
  await page.getByRole('link', { name: new RegExp(`^${escape(label)}`) }).click(); // the one tap
  await page.locator('h1', { hasText: label }).waitFor();
}

test('one tap from home to the first step and its call buttons, in view without scrolling', async () => {
  const { page, context, errors } = await phonePage(browser);
  // Halden Alternativ 3 (line 299): "Rektor/ledelse kontaktes.", the rector first.
  await open(page, `${app.url}/`);
  const first = page.locator('.situations a').first();
  assert.match(await first.innerText(), /Eleven opptrer ruset på skolen nå/, 'the acute situation is the first button');
  await tapFromHome(page, 'Eleven opptrer ruset på skolen nå');
  let step = page.locator('ol.step-list > li').first();
  assert.equal(await step.locator('label.step-text').innerText(), 'Rektor/ledelse kontaktes.');
  await inViewWithoutScrolling(page, step.locator('label.step-text'), 'Alternativ 3: the first step');
  const rector = await inViewWithoutScrolling(page, step.locator('a[href="tel:+4797083705"]'), 'Alternativ 3: Ring Kristin Støten (rektor)');
  assert.ok(rector.height >= 44, 'touch target');

  // Halden Alternativ 4 (lines 337, 339): the rector, and the police on 02800.
  await tapFromHome(page, 'Bekymring for omsetning eller oppbevaring av rusmidler på skolen');
  const steps = page.locator('ol.step-list > li');
  assert.equal(await steps.nth(0).locator('label.step-text').innerText(), 'Rektor/ledelse kontaktes umiddelbart');
  assert.equal(await steps.nth(1).locator('label.step-text').innerText(), 'Rektor/ledelse kontakter politiet 02800');
  await inViewWithoutScrolling(page, steps.nth(0).locator('a[href="tel:+4797083705"]'), 'Alternativ 4: the rector');
  await inViewWithoutScrolling(page, steps.nth(1).locator('a[href="tel:02800"]'), 'Alternativ 4: the police');

  // The brochure's Alternativ 3 (lines 156-157): whom to contact, first.
  await choosePlan(page, app.url, PLANS.find((p) => p.id === 'kjentmann-brosjyre'));
  await tapFromHome(page, 'Eleven opptrer ruset på skolen nå');
  step = page.locator('ol.step-list > li').first();
  assert.equal(await step.locator('label.step-text').innerText(), 'Avdelingsleder/kjentmann/kontaktlærer kontaktes.');
  await inViewWithoutScrolling(page, step.locator('label.step-text'), 'the brochure\'s Alternativ 3: the first step');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Halden Alternativ 4: the police on 02800, and every step for everyone before one age is asked', async () => {
  const { page, context } = await phonePage(browser);
  await open(page, `${app.url}/situasjon/alternativ-4`);
  const police = page.locator('li', { hasText: 'Rektor/ledelse kontakter politiet 02800' });
  assert.equal(await police.locator('a[href="tel:02800"]').count(), 1);
  // Several pupils may be concerned, some not yet known: lines 337-349 come
  // first, 343 in its own words, and the age is asked at the meeting (351).
  assert.deepEqual(await page.locator('ol.step-list label.step-text').allInnerTexts(), [
    'Rektor/ledelse kontaktes umiddelbart',
    'Rektor/ledelse kontakter politiet 02800',
    'Videre håndtering av situasjonen her og nå avklares med politiet',
    'Foresatte kontaktes dersom eleven er under 18 år',
    'Miljøveileder i elevtjenesten med ansvar for videre oppfølging informeres',
    'Mulige konsekvenser ved salg eller oppbevaring kan være bortvisning fra skolen',
    'Melding til barnevern vurderes',
  ]);
  assert.equal(await page.locator('section.question h2').innerText(), 'Er eleven under 18 år?');
  await page.getByRole('button', { name: '18 år eller eldre', exact: true }).click();
  const participants = await page.locator('li', { hasText: 'Kontaktlærer kaller raskt inn til et møte' })
    .locator('.meeting p', { hasText: 'Deltakere:' }).innerText();
  assert.match(participants, /^Deltakere: Eleven, Kontaktlærer, Miljøveileder/);
  assert.ok(!participants.includes('Foresatte'), 'no parents at an adult pupil\'s meeting');
  await context.close();
});

test('ticked steps, answers and "start again" survive leaving the procedure', async () => {
  const { page, context } = await phonePage(browser);
  await open(page, `${app.url}/`);
  await page.getByRole('link', { name: /^Eleven opptrer ruset på skolen nå/ }).click();
  await page.getByRole('button', { name: 'Under 18 år', exact: true }).click();
  await page.getByLabel('Eleven tas umiddelbart ut av undervisningen').check();
  await page.getByRole('link', { name: 'Kontakter' }).click();
  await page.locator('h1', { hasText: 'Kontakter' }).waitFor();
  await page.goBack();
  await page.locator('h1', { hasText: 'Eleven opptrer ruset' }).waitFor();
  assert.ok(await page.getByLabel('Eleven tas umiddelbart ut av undervisningen').isChecked());
  await page.getByRole('button', { name: 'Start på nytt' }).click();
  await page.locator('section.question').waitFor();
  await page.getByRole('button', { name: 'Angre' }).click();
  assert.ok(await page.getByLabel('Eleven tas umiddelbart ut av undervisningen').isChecked(), 'undo restores ticks');
  assert.equal(await page.locator('.answered dd').innerText(), 'Under 18 år');
  await context.close();
});

test('axe finds nothing on any procedure, asked or answered, in light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await phonePage(browser, { colorScheme });
    for (const plan of PLANS) {
      await choosePlan(page, app.url, plan);
      for (const situation of plan.situations) {
        await open(page, `${app.url}/situasjon/${situation.id}`);
        assert.deepEqual(await axeViolations(page), [], `${colorScheme} ${plan.id} ${situation.id} (asked)`);
        while (await page.locator('section.question').count()) {
          await page.locator('section.question button').first().click();
        }
        await page.getByLabel(/./).first().check().catch(() => {});
        assert.deepEqual(await axeViolations(page), [], `${colorScheme} ${plan.id} ${situation.id} (answered)`);
      }
    }
    await context.close();
  }
});
