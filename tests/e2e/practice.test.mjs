// Practice (øving, issue 17 §1): each bundled plan's acute situation
// practised from home as in an incident, on the real procedure. Nothing is
// stored as a case (every store scanned against what was there before), a
// real draft keeps its bytes, every screen says "Øving" in words, call
// buttons do not dial and show the number, the self-check's questions and
// right answers are the plan's (derived here from the plan file), the plan
// page lists what was practised, and leaving lands on the normal home.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startApp, phonePage, open, PLANS, choosePlan, axeViolations } from './harness.mjs';

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

/** Everything the origin keeps outside Cache Storage (the service worker's
 *  files): localStorage and sessionStorage entries, IndexedDB databases. */
const stored = (page) => page.evaluate(async () => {
  const all = {};
  for (const [name, store] of [['local', localStorage], ['session', sessionStorage]]) {
    for (const key of Object.keys(store)) all[`${name}:${key}`] = store.getItem(key);
  }
  for (const info of (await indexedDB.databases?.()) ?? []) all[`indexeddb:${info.name}`] = '';
  return all;
});

/** The acute situation the home screen lists first. */
const acuteOf = (plan) => plan.situations.find((s) => s.acute);
const stepsOf = (situation) => situation.nodes.filter((n) => n.type === 'steps').flatMap((n) => n.steps);
const roleName = (plan, id) => plan.roles.find((r) => r.id === id).name;

/** The right option to a self-check question, read from the plan file (not
 *  from the Rust derivation): by its prompt, and the plan text it is about. */
function expectedAnswer(plan, situation, prompt, about, options) {
  const steps = stepsOf(situation);
  if (prompt === 'Hva skal gjøres først?') {
    const start = situation.nodes.find((n) => n.id === situation.start);
    return start.steps.find((s) => !s.when).text;
  }
  if (prompt === 'Hvem har ansvaret for dette?') {
    return roleName(plan, steps.find((s) => s.text === about).responsible);
  }
  if (prompt === 'Hvem av disse skal kontaktes her?') {
    const contacted = steps.find((s) => s.text === about).contact.map((id) => roleName(plan, id));
    const right = options.filter((o) => contacted.includes(o));
    assert.equal(right.length, 1, `one contacted role among ${options}`);
    return right[0];
  }
  const label = prompt.match(/^Hva gjelder bare når svaret er «(.*)»\?$/)?.[1];
  assert.ok(label, `a question of a known kind: ${prompt}`);
  const question = plan.questions.find((q) => q.text === about);
  const answer = question.answers.find((a) => a.label === label);
  // Holds for this answer and not for every other one.
  const onlyHere = (when) => when?.question === question.id && when.answer_in.includes(answer.id)
    && !question.answers.every((a) => when.answer_in.includes(a.id));
  const items = [...steps, ...(plan.confidentiality?.duty_to_inform ?? [])];
  const right = options.filter((o) => items.some((i) => i.text === o && onlyHere(i.when)));
  assert.equal(right.length, 1, `one option holds only for «${label}»: ${options}`);
  return right[0];
}

/** A practice screen: "Øving" in the banner, the heading and the title, and
 *  no link that dials. */
async function assertPractice(page, where) {
  await page.locator('.practice-banner').getByText('Øving.').waitFor();
  assert.match(await page.locator('h1').innerText(), /^Øving/, `${where}: heading`);
  assert.match(await page.title(), /^Øving/, `${where}: title`);
  assert.equal(await page.locator('a[href^="tel:"]').count(), 0, `${where}: a call link that dials`);
}

for (const plan of PLANS) {
  test(`${plan.id}: practising the acute situation stores no case, says "Øving" throughout, never dials, and checks what the plan says`, async () => {
    const { page, context, errors } = await phonePage(browser);
    const situation = acuteOf(plan);
    await choosePlan(page, app.url, plan);

    // A real draft, written, whose bytes must not change.
    await open(page, `${app.url}/saker`);
    await page.getByRole('button', { name: 'Ny sak' }).click();
    await page.locator('#pupil-ref').fill('Ekte-sak');
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('rusplan.case.')
      && localStorage.getItem(k).includes('Ekte-sak')));
    await open(page, `${app.url}/`);
    const before = await stored(page);
    const caseKeys = Object.keys(before).filter((k) => k.startsWith('local:rusplan.case.'));
    assert.equal(caseKeys.length, 1);

    // From home, to practice.
    await page.getByRole('link', { name: 'Øving', exact: true }).click();
    await page.locator('h1', { hasText: 'Øving' }).waitFor();
    await assertPractice(page, 'practice home');
    assert.deepEqual(await axeViolations(page), [], 'practice home');
    await page.getByRole('link', { name: new RegExp(`^${situation.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    await page.locator('h1', { hasText: situation.label }).waitFor();
    await assertPractice(page, 'the procedure');
    assert.deepEqual(await axeViolations(page), [], 'practice procedure');

    // Every question of the route, as in an incident.
    let screens = 1;
    while (await page.locator('section.question').count() > 0) {
      const asked = await page.locator('section.question h2').innerText();
      const question = plan.questions.find((q) => q.text === asked);
      await page.locator('section.question').getByRole('button', { name: question.answers[0].label, exact: true }).click();
      await page.locator('section.answered').getByText(question.answers[0].label, { exact: true }).waitFor();
      await assertPractice(page, `after «${question.answers[0].label}»`);
      screens++;
    }
    assert.ok(screens > 1, 'the situation asks a question');
    // Every step ticked.
    const boxes = page.locator('ol.step-list input[type="checkbox"]');
    assert.ok(await boxes.count() > 1);
    for (let i = 0; i < await boxes.count(); i++) {
      await boxes.nth(i).check();
      await assertPractice(page, `step ${i + 1} ticked`);
    }
    await page.getByText('Utført kl.').first().waitFor();

    // Call buttons show whom and the number, and a tap dials nothing.
    const people = stepsOf(situation).flatMap((s) => s.contact ?? [])
      .flatMap((role) => (plan.contacts ?? []).filter((c) => c.roles.includes(role)));
    const callee = people[0] ?? { name: 'Medisinsk nødhjelp', phone: '113' };
    const button = page.locator('button.call', { hasText: callee.phone }).first();
    assert.match(await button.innerText(), new RegExp(callee.phone));
    await button.click();
    await page.getByRole('status').filter({ hasText: `her ville du ringt ${callee.name} på ${callee.phone}` }).first().waitFor();
    await assertPractice(page, 'after a call');
    assert.deepEqual(await axeViolations(page), [], 'practice procedure, walked');

    // Nothing written while practising: not a key, not a byte.
    assert.deepEqual(await stored(page), before, 'storage after the walk');

    // The self-check.
    await page.getByRole('link', { name: 'Ferdig: svar på noen spørsmål om planen' }).click();
    await page.locator('h1', { hasText: 'spørsmål om planen' }).waitFor();
    await assertPractice(page, 'the self-check');
    // The call tapped went into the run's book (memory only), as a real
    // run logs it into the case: the self-check lists it.
    if (people[0]) {
      await page.locator('li', { hasText: `du ville ringt ${callee.name} på ${callee.phone}.` }).waitFor();
    }
    const questions = page.locator('li.check-question');
    const count = await questions.count();
    const prompts = [];
    for (let i = 0; i < count; i++) {
      const item = questions.nth(i);
      const about = await item.locator('.check-about').count()
        ? (await item.locator('.check-about').innerText()).replace(/^«|»$/g, '') : undefined;
      const legend = await item.locator('legend').innerText();
      const prompt = legend.split('\n').pop().trim();
      prompts.push(prompt);
      const options = await item.locator('label').allInnerTexts();
      const right = expectedAnswer(plan, situation, prompt, about, options);
      const wrong = options.find((o) => o !== right);
      const feedback = item.locator('[role="status"]');
      await item.getByLabel(wrong, { exact: true }).check();
      assert.equal(await feedback.innerText(), `Ikke riktig. Riktig svar er: ${right}`);
      await item.getByLabel(right, { exact: true }).check();
      assert.match(await feedback.innerText(), /^Riktig\./);
    }
    // One of each kind: both plans give something to ask for each (the
    // first step, a responsible role, a contact, what holds only by age).
    assert.deepEqual(prompts.slice(0, 3), ['Hva skal gjøres først?', 'Hvem har ansvaret for dette?', 'Hvem av disse skal kontaktes her?']);
    assert.equal(prompts.length, 4);
    assert.match(prompts[3], /^Hva gjelder bare når svaret er «.*»\?$/);
    assert.deepEqual(await axeViolations(page), [], 'self-check');

    // The device now holds one thing more: which situation was practised.
    const after = await stored(page);
    const practiceKey = `local:rusplan.practice.${plan.id}`;
    assert.deepEqual(JSON.parse(after[practiceKey]), { plan_id: plan.id, situations: [situation.id] });
    delete after[practiceKey];
    assert.deepEqual(after, before, 'nothing else stored, the real draft unchanged');

    // The plan page lists it, and nothing more.
    await open(page, `${app.url}/plan`);
    assert.equal(await page.locator('.practised').innerText(), `Øvd på denne enheten: ${situation.label}.`);

    // Leaving practice lands on the normal home.
    await open(page, `${app.url}/ovelse`);
    await assertPractice(page, 'practice home again');
    await page.getByRole('link', { name: 'Avslutt øvingen' }).click();
    await page.waitForFunction(() => !document.querySelector('.prerender') && document.querySelector('h1')?.textContent === 'Hva har skjedd?');
    assert.equal(new URL(page.url()).pathname, new URL(`${app.url}/`).pathname);
    assert.equal(await page.title(), 'Rusplan');
    assert.equal(await page.locator('.practice-banner').count(), 0);
    assert.ok(await page.locator('a[href="tel:113"]').count() > 0, 'the real call buttons are back');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('practice is the calm program\'s, never asks for the PIN, and its home marks what was practised', async () => {
  const { page, context, errors } = await phonePage(browser);
  await open(page, `${app.url}/saker`);
  await page.getByLabel('Ny PIN-kode (minst 6 tegn)').fill('583920');
  await page.getByLabel('Gjenta PIN-koden').fill('583920');
  await page.getByRole('button', { name: 'Lås med PIN-kode' }).click();
  await page.getByRole('button', { name: 'Lås utkastene' }).waitFor();
  const plan = PLANS[0];
  const situation = acuteOf(plan);
  // A fresh load: the drafts are locked now. Practice is the calm
  // program's (src/bin/calm.rs), not the guidance's first load.
  await open(page, `${app.url}/ovelse/${situation.id}`);
  await assertPractice(page, 'locked device');
  // The page started the calm program (whatever else it loaded).
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
    .filter((p) => /_bg\.wasm(\.gz)?$/.test(p)).map((p) => p.replace(/-[0-9a-f]+_bg\.wasm(\.gz)?$/, '')));
  assert.ok(wasm.includes('/calm'), wasm.join());
  assert.equal(await page.getByLabel('PIN-kode', { exact: true }).count(), 0);
  await page.getByRole('link', { name: 'Ferdig: svar på noen spørsmål om planen' }).click();
  await page.locator('li.check-question').first().waitFor();
  await open(page, `${app.url}/ovelse`);
  await page.getByRole('link', { name: new RegExp(`${situation.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*Øvd på denne enheten`) }).waitFor();
  assert.equal(await page.getByText('Øvd på denne enheten').count(), 1);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rusplan.case.')).length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Back from the self-check returns to the practice walk as it was, with nothing stored; "Øv på denne igjen" starts anew', async () => {
  const { page, context, errors } = await phonePage(browser);
  const plan = PLANS[0];
  const situation = acuteOf(plan);
  await choosePlan(page, app.url, plan);
  await open(page, `${app.url}/ovelse`);
  const before = await stored(page);
  await page.getByRole('link', { name: new RegExp(`^${situation.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  await page.locator('h1', { hasText: situation.label }).waitFor();
  const asked = await page.locator('section.question h2').innerText();
  const question = plan.questions.find((q) => q.text === asked);
  await page.locator('section.question').getByRole('button', { name: question.answers[0].label, exact: true }).click();
  await page.locator('section.answered').getByText(question.answers[0].label, { exact: true }).waitFor();
  const box = page.locator('ol.step-list input[type="checkbox"]').first();
  await box.check();
  const answered = await page.locator('section.answered').innerText();

  await page.getByRole('link', { name: 'Ferdig: svar på noen spørsmål om planen' }).click();
  await page.locator('li.check-question').first().waitFor();
  await page.goBack();
  await page.locator('h1', { hasText: situation.label }).waitFor();
  await assertPractice(page, 'back from the self-check');
  assert.equal(await page.locator('section.answered').innerText(), answered, 'the answers are kept');
  assert.ok(await page.locator('ol.step-list input[type="checkbox"]').first().isChecked(), 'the tick is kept');

  await page.goForward();
  await page.locator('li.check-question').first().waitFor();
  await page.getByRole('link', { name: 'Øv på denne igjen' }).click();
  await page.locator('h1', { hasText: situation.label }).waitFor();
  await page.locator('section.question').waitFor();
  assert.equal(await page.locator('section.answered').count(), 0, 'a new run asks again');

  const after = await stored(page);
  delete after[`local:rusplan.practice.${plan.id}`];
  assert.deepEqual(after, before, 'nothing stored but what was practised');
  assert.deepEqual(errors, []);
  await context.close();
});
