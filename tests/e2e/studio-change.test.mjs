// Revising a plan in the studio, as a school does each year, at a laptop
// viewport: a bundled plan opened, then what it already holds changed by
// the forms (a step's text, who and how soon; a role's name; an answer; a
// situation's button; a contact; a link; the revision date; any cited
// text), parts of a meeting and a cited text removed, a question still in
// use refused, a translation left without its text named and made again. Each
// change keeps the id, the place and what has edits of its own; a text
// changed away from its lines is shown where it departs; a cancel changes
// nothing; focus follows; axe finds nothing with the change forms open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, startApp, PLANS, axeViolations, studioPage, openBundled } from './harness.mjs';

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

const brochure = PLANS.find((p) => p.id === 'kjentmann-brosjyre');
const halden = PLANS.find((p) => p.id === 'halden-vgs');

async function focusOn(page, id, message) {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement.id), id, message);
}

async function done(page, text) {
  await page.locator('#build-status', { hasText: text }).waitFor();
}

async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned planfilen' }).click()]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

/** The entry of the list of cited texts that is exactly `text`. */
function citedEntry(page, text) {
  const escaped = text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  return page.locator('details .studio-outline li', { hasText: new RegExp(`^${escaped} \\(linje`) });
}

const form = (page, heading) => page.locator('form', { has: page.getByRole('heading', { name: heading, exact: true }) });

test('a step, a role, an answer, a situation, a meeting and the revision date of a bundled plan, changed in place', async () => {
  const { context, page, errors } = await studioPage(browser, app.url);
  await openBundled(page, brochure.id);
  const situation = brochure.situations.find((s) => s.id === 'alternativ-3');
  await page.getByLabel('Situasjon du bygger').selectOption(situation.id);
  const steps = situation.nodes.flatMap((n) => (n.steps ?? []).map((s) => ({ node: n.id, step: s })));
  // A step whose text is shorter than its lines: opening it keeps its own
  // text, not the lines' full words.
  const { node, step } = steps.find(({ step: s }) => s.id === 'oppfolgingssamtale');

  await page.getByRole('button', { name: `Endre trinnet «${step.id}»` }).click();
  await focusOn(page, 'step-text', 'focus on the text of the step opened');
  const stepForm = form(page, `Endre trinnet «${step.id}»`);
  await stepForm.waitFor();
  assert.equal(await page.getByLabel('Trinnets tekst').inputValue(), step.text, 'the step\'s own text');
  assert.equal(await page.getByLabel('Fra linje').inputValue(), String(step.source.lines[0]), 'its lines are selected');
  assert.equal(await page.getByLabel('Til linje').inputValue(), String(step.source.lines[1]));
  assert.equal(await page.getByLabel('Del av planen').inputValue(), step.source.section);
  assert.equal(await page.getByLabel('Trinnets id').getAttribute('readonly'), '', 'the id is fixed while it is changed');
  assert.ok(await page.getByLabel('I noden', { exact: true }).isDisabled(), 'so is its node');
  assert.equal(await page.getByLabel('I noden', { exact: true }).inputValue(), node);
  assert.equal(await page.getByLabel('Ansvarlig', { exact: true }).inputValue(), step.responsible);
  assert.equal(await page.getByLabel('Hvor raskt').inputValue(), step.urgency);
  assert.deepEqual(await axeViolations(page), [], 'axe with a step open to change');

  // A word the lines do not have is shown where it departs; cutting the
  // text down to the first sentence keeps it word for word.
  const text = page.getByLabel('Trinnets tekst');
  await text.fill(`${step.text} straks`);
  await page.locator('#step-departure', { hasText: 'ordrett fra «straks»' }).waitFor();
  const cut = step.text.split(',')[0];
  await text.fill(cut);
  await page.waitForFunction(() => document.getElementById('step-departure').textContent === '');
  const otherRole = brochure.roles.find((r) => r.id !== step.responsible);
  await page.getByLabel('Ansvarlig', { exact: true }).selectOption(otherRole.id);
  await page.getByLabel('Hvor raskt').fill('');
  await stepForm.getByRole('button', { name: 'Lagre endringen' }).click();
  await done(page, `Trinnet «${step.id}» er endret.`);
  await focusOn(page, `made-step-${step.id}`, 'focus back on the step in the outline');
  await page.getByRole('heading', { name: 'Nytt trinn av utvalget' }).waitFor();
  assert.equal(await page.getByLabel('Trinnets id').getAttribute('readonly'), null, 'the form makes new steps again');

  // Its meeting stays, and loses a participant and an item from the outline.
  const [gone, ...kept] = step.meeting.participants;
  await page.getByRole('button', { name: `Fjern deltakeren «${gone.role}» i møtet i «${step.id}»` }).click();
  await done(page, `Fjernet deltakeren «${gone.role}» i møtet i «${step.id}».`);
  await page.getByRole('button', { name: `Fjern punkt 1 i møtet i «${step.id}»` }).click();
  await done(page, `Fjernet punkt 1 i møtet i «${step.id}».`);

  // A role renamed: its id (what steps point by) stays.
  const role = brochure.roles.find((r) => r.id === 'kjentmann');
  await page.getByRole('button', { name: `Endre rollen «${role.id}»` }).click();
  await focusOn(page, 'role-name');
  assert.equal(await page.getByLabel('Rollens navn').inputValue(), role.name);
  await page.getByLabel('Rollens navn').fill('Kjentmann (miljøarbeider)');
  await form(page, `Endre rollen «${role.id}»`).getByRole('button', { name: 'Lagre endringen' }).click();
  await done(page, 'Rollen «Kjentmann (miljøarbeider)» er endret.');
  await focusOn(page, `made-role-${role.id}`);

  // A cancel changes nothing and gives the focus back.
  await page.getByRole('button', { name: `Endre rollen «${role.id}»` }).click();
  await page.getByLabel('Rollens navn').fill('Noe annet');
  await page.getByRole('button', { name: 'Avbryt endringen' }).click();
  await focusOn(page, `made-role-${role.id}`, 'focus back where the change began');
  assert.equal(await page.getByLabel('Rollens navn').inputValue(), '', 'the form is empty again');
  await page.getByRole('heading', { name: 'Roller', exact: true }).waitFor();

  // An answer's label; a question still asked in a situation is not removed.
  const age = brochure.questions.find((q) => q.id === 'alder');
  const answer = age.answers[0];
  await page.getByRole('button', { name: `Endre svaret «${answer.id}» på «${age.id}»` }).click();
  await page.getByLabel('Svaret slik appen viser det').fill(`${answer.label} (elev)`);
  await form(page, `Endre svaret «${answer.id}»`).getByRole('button', { name: 'Lagre endringen' }).click();
  await done(page, `Svaret «${answer.label} (elev)» er endret.`);
  await page.getByRole('button', { name: `Fjern spørsmålet «${age.id}»` }).click();
  await page.locator('#outline-error', { hasText: `Spørsmålet «${age.id}» er i bruk i en situasjon` }).waitFor();
  await focusOn(page, 'outline-error');

  // The situation's button text; its nodes stay.
  await page.getByRole('button', { name: `Endre situasjonen «${situation.id}»` }).click();
  await focusOn(page, 'situation-heading');
  assert.equal(await page.getByLabel('Situasjonens tittel').inputValue(), situation.title);
  assert.equal(await page.getByLabel('Fra linje').inputValue(), String(situation.source.lines[0]));
  await page.getByLabel('Teksten på knappen').fill('Ruspåvirket elev');
  await form(page, `Endre situasjonen «${situation.id}»`).getByRole('button', { name: 'Lagre endringen' }).click();
  await done(page, `Situasjonen «${situation.id}» er endret.`);

  // The revision date: a date the app cannot read is refused, named.
  await page.getByLabel('Neste revisjon (ÅÅÅÅ-MM').fill('juni 2027');
  await page.getByRole('button', { name: 'Lagre opplysningene' }).click();
  await page.locator('#meta-error', { hasText: '«juni 2027» er ikke en dato' }).waitFor();
  await focusOn(page, 'meta-error');
  await page.getByLabel('Neste revisjon (ÅÅÅÅ-MM').fill('2027-06');
  await page.getByLabel('Neste revisjon, slik planen skriver den').fill('juni 2027');
  await page.getByRole('button', { name: 'Lagre opplysningene' }).click();
  await done(page, 'Planens opplysninger er lagret.');

  await page.getByText('Alle tekster står ordrett i linjene de viser til.').waitFor();
  const made = await exported(page);
  const changed = made.situations.find((s) => s.id === situation.id);
  const madeStep = changed.nodes.find((n) => n.id === node).steps.find((s) => s.id === step.id);
  const { urgency, ...unhurried } = step;
  assert.deepEqual(madeStep, {
    ...unhurried,
    text: cut,
    responsible: otherRole.id,
    meeting: { participants: kept, agenda: step.meeting.agenda.slice(1) },
  }, 'the text, who and how soon changed; the id, citation and the rest of the meeting kept');
  assert.deepEqual(changed.nodes.map((n) => n.id), situation.nodes.map((n) => n.id), 'the nodes stay');
  assert.deepEqual(changed.nodes.flatMap((n) => (n.steps ?? []).map((s) => s.id)), steps.map((s) => s.step.id), 'the steps stay in order');
  assert.equal(changed.label, 'Ruspåvirket elev');
  assert.equal(changed.title, situation.title);
  assert.deepEqual(made.roles.find((r) => r.id === role.id), { ...role, name: 'Kjentmann (miljøarbeider)' });
  assert.equal(made.questions.find((q) => q.id === age.id).answers[0].label, `${answer.label} (elev)`);
  assert.deepEqual(made.meta, { ...brochure.meta, next_revision: '2027-06', next_revision_text: 'juni 2027' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a contact, a link and a cited text of a bundled plan, changed in place; a text away from its lines is shown', async () => {
  const { context, page, errors } = await studioPage(browser, app.url);
  await openBundled(page, halden.id);

  // A contact: the heading it is listed under and its title are fields now.
  const contact = halden.contacts[0];
  await page.getByRole('button', { name: `Endre kontakten «${contact.id}»` }).click();
  await focusOn(page, 'contact-name');
  assert.equal(await page.getByLabel('Stilling').inputValue(), contact.title);
  assert.equal(await page.getByLabel('Overskriften personen står under').inputValue(), contact.group);
  assert.equal(await page.getByLabel('Telefon (som i teksten)').inputValue(), contact.phone);
  await page.getByLabel('Overskriften personen står under').fill('Ledelsen');
  await form(page, `Endre kontakten «${contact.id}»`).getByRole('button', { name: 'Lagre endringen' }).click();
  await done(page, `Kontakten «${contact.name}» er endret.`);
  await focusOn(page, `made-contact-${contact.id}`);

  // A link's note.
  const link = halden.laws[0];
  await page.getByRole('button', { name: `Endre lenken «${link.title}»` }).first().click();
  await focusOn(page, 'link-title');
  assert.ok(await page.getByLabel('Liste', { exact: true }).isDisabled(), 'the list is fixed while a link is changed');
  await page.getByLabel('Merknad (valgfri').fill('Les §§ 1–3');
  await form(page, `Endre lenken «${link.title}»`).getByRole('button', { name: 'Lagre endringen' }).click();
  await done(page, `Lenken «${link.title}» er endret.`);
  await focusOn(page, 'made-link-laws-0');

  // A goal's text: a word the lines lack is shown; a cancel keeps it as it
  // was; cut to its opening words it is saved.
  const goal = halden.goals[0];
  await page.getByText(/^Alle tekstene \(\d+\)$/).click();
  const goalEntry = citedEntry(page, goal.text);
  const goalId = await goalEntry.getAttribute('id');
  await goalEntry.getByRole('button', { name: /^Endre/ }).click();
  await focusOn(page, 'cited-change-text');
  const field = page.getByLabel('Teksten', { exact: true });
  assert.equal(await field.inputValue(), goal.text);
  await field.fill(`${goal.text} Alltid.`);
  await page.locator('#cited-change-departure', { hasText: 'ordrett fra «alltid.»' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe with a text open to change');
  await page.getByRole('button', { name: 'Avbryt endringen' }).click();
  await focusOn(page, goalId, 'focus back on the text in the list');
  const words = goal.text.split(' ');
  const shorter = words.slice(0, Math.max(2, words.length - 2)).join(' ');
  await goalEntry.getByRole('button', { name: /^Endre/ }).click();
  await page.getByLabel('Teksten', { exact: true }).fill(shorter);
  await page.waitForFunction(() => document.getElementById('cited-change-departure').textContent === '');
  await page.getByRole('button', { name: 'Lagre endringen' }).click();
  await done(page, 'Teksten er endret.');
  await focusOn(page, goalId);

  // Its English translation now belongs to no text: the checks say so, the
  // list of translations marks it, and it is removed and made again.
  assert.ok(halden.translations.en[goal.text], 'the goal chosen is translated');
  await page.locator('#validation li', { hasText: `oversettelsen av «${goal.text}» hører ikke til noen tekst i planen` }).waitFor();
  await page.locator('li', { hasText: `en: «${goal.text}»` }).filter({ hasText: 'teksten finnes ikke lenger i planen' }).waitFor();
  await page.getByRole('button', { name: `Fjern oversettelsen av «${goal.text}»` }).click();
  await done(page, `Fjernet oversettelsen av «${goal.text}».`);
  await page.getByLabel('Teksten på bokmål').selectOption(shorter);
  await page.getByLabel('Oversettelsen', { exact: true }).fill('The school shall have');
  await page.getByRole('button', { name: 'Legg til oversettelsen' }).click();
  await done(page, 'Oversettelsen er lagt til.');
  await page.getByText('Validatoren finner ingen feil.').waitFor();

  // A text removed with what it is the text of: an advice the plan drops.
  const advice = halden.confidentiality.advice[0];
  const adviceEntry = citedEntry(page, advice.text);
  assert.equal(await adviceEntry.count(), 1);
  await adviceEntry.getByRole('button', { name: /^Fjern/ }).click();
  await page.locator('#build-status', { hasText: /^Fjernet teksten «/ }).waitFor();
  await focusOn(page, 'build-status');
  // A contact's name goes with the contact: no removal of its own here.
  const contactEntry = citedEntry(page, halden.contacts[1].name);
  assert.equal(await contactEntry.count(), 1, 'the contact\'s name is in the list');
  assert.equal(await contactEntry.getByRole('button', { name: /^Fjern/ }).count(), 0);

  await page.getByText('Alle tekster står ordrett i linjene de viser til.').waitFor();
  const made = await exported(page);
  assert.deepEqual(made.contacts[0], { ...contact, group: 'Ledelsen' });
  assert.deepEqual(made.contacts.slice(1), halden.contacts.slice(1));
  assert.deepEqual(made.laws[0], { ...link, note: 'Les §§ 1–3' });
  assert.deepEqual(made.goals[0], { ...goal, text: shorter });
  assert.deepEqual(made.goals.slice(1), halden.goals.slice(1));
  assert.deepEqual(made.confidentiality.advice, halden.confidentiality.advice.slice(1));
  const { [goal.text]: gone, ...rest } = halden.translations.en;
  assert.deepEqual(made.translations.en, { ...rest, [shorter]: 'The school shall have' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('with the source text gone, the checks say what they did not compare instead of calling it word for word', async () => {
  const { context, page, errors } = await studioPage(browser, app.url);
  await openBundled(page, brochure.id);
  await page.getByText('Alle tekster står ordrett i linjene de viser til.').waitFor();
  await page.getByText('Hver linje i fremgangsmåtene er dekket av et trinn.').waitFor();
  await page.getByLabel('Lim inn planens tekst').fill('');
  const file = brochure.documents[0].file;
  await page.getByText(`Ikke sjekket (ordrett og dekning): det som viser til ${file}.`).waitFor();
  assert.equal(await page.getByText('Alle tekster står ordrett i linjene de viser til.').count(), 0);
  assert.equal(await page.getByText('Hver linje i fremgangsmåtene er dekket av et trinn.').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
