// Building a plan in the studio as a new user would, at a laptop viewport:
// from an empty studio and the brochure's text, the plan's skeleton, its
// roles and the age question by forms, then Alternativ 3 by selecting
// lines and filling the forms; the exported plan's Alternativ 3 equals the
// bundled plan's (so do its routes), and axe finds nothing with the forms
// open. A refused form says why and takes the focus; a text edited away
// from its lines is shown where it departs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, startApp, PLANS, axeViolations, studioPage } from './harness.mjs';

/** Focus lands on the element with `id`; the studio moves it in the frame
 *  after the change, so the test waits for it (and fails if it never comes). */
async function focusOn(page, id, message) {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement.id), id, message);
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE = 'brosjyre-kjentmann-rus.txt';

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

const bundled = PLANS.find((p) => p.id === 'kjentmann-brosjyre');
const alt3 = bundled.situations.find((s) => s.id === 'alternativ-3');

async function done(page, text) {
  await page.locator('#build-status', { hasText: text }).waitFor();
}

async function select(page, [first, last]) {
  await page.getByLabel('Fra linje').fill(String(first));
  await page.getByLabel('Til linje').fill(String(last));
}

test('Alternativ 3 of the brochure, built by selecting lines and filling forms, equals the bundled one', async () => {
  const { context, page, errors } = await studioPage(browser, app.url);
  assert.equal(await page.getByLabel('Planfilen (JSON)').inputValue(), '', 'an empty studio');

  // The text, as it comes out of the PDF.
  await page.getByLabel('Åpne planens tekst (.txt)').setInputFiles(join(root, 'assets/plans/sources', SOURCE));
  await page.getByRole('status').filter({ hasText: `Åpnet kildeteksten ${SOURCE}` }).waitFor();

  // A form refused before there is a plan says why, and takes the focus.
  await page.getByLabel('Rollens id').fill('kjentmann');
  await page.getByLabel('Rollens navn').fill('Kjentmann');
  await page.getByRole('button', { name: 'Legg til rollen' }).click();
  await page.locator('#role-error', { hasText: 'Planfilen kan ikke leses ennå' }).waitFor();
  await focusOn(page, 'role-error');

  // The skeleton.
  await page.getByLabel('Planens id').fill(bundled.id);
  await page.getByLabel('Skolens navn').fill(bundled.meta.school);
  await page.getByLabel('Planens tittel').fill(bundled.meta.title);
  await page.getByLabel('Kort id for teksten').fill(bundled.documents[0].id);
  await page.getByRole('button', { name: 'Lag ny plan' }).click();
  await done(page, `Ny plan «${bundled.id}» er laget.`);

  // The roles.
  for (const role of bundled.roles) {
    await page.getByLabel('Rollens id').fill(role.id);
    await page.getByLabel('Rollens navn').fill(role.name);
    await page.getByLabel('Beskrivelse (valgfri)').fill(role.description ?? '');
    await page.getByLabel('Knyttet til eleven').setChecked(Boolean(role.per_pupil));
    await page.getByRole('button', { name: 'Legg til rollen' }).click();
    await done(page, `Rollen «${role.name}» er lagt til.`);
    await focusOn(page, `made-role-${role.id}`, 'focus on the role made');
  }
  // The same id twice is refused, named.
  await page.getByLabel('Rollens id').fill('kjentmann');
  await page.getByLabel('Rollens navn').fill('Kjentmann igjen');
  await page.getByRole('button', { name: 'Legg til rollen' }).click();
  await page.locator('#role-error', { hasText: 'Rollens id «kjentmann» er allerede i bruk' }).waitFor();
  await focusOn(page, 'role-error');

  // The age question and its answers.
  const age = bundled.questions.find((q) => q.id === 'alder');
  await page.getByLabel('Spørsmålets id').fill(age.id);
  await page.getByLabel('Spørsmålet slik appen stiller det').fill(age.text);
  await page.getByLabel('Spørres i hver sak').check();
  await page.getByRole('button', { name: 'Legg til spørsmålet' }).click();
  await done(page, 'spørres i hver sak');
  for (const answer of age.answers) {
    await page.getByLabel('Svar på spørsmålet').selectOption(age.id);
    await page.getByLabel('Svarets id').fill(answer.id);
    await page.getByLabel('Svaret slik appen viser det').fill(answer.label);
    await page.getByRole('button', { name: 'Legg til svaret' }).click();
    await done(page, `Svaret «${answer.label}» er lagt til.`);
  }

  // The situation: its title from its heading's lines, then all its lines.
  await page.getByLabel('Del av planen').fill(alt3.source.section);
  await select(page, [153, 154]);
  await page.getByText(`Utvalget: «${alt3.title}»`).waitFor();
  await page.getByRole('button', { name: 'Bruk utvalget som tittel' }).click();
  await page.getByLabel('Situasjonens id').fill(alt3.id);
  await page.getByLabel('Teksten på knappen').fill(alt3.label);
  await page.getByLabel('Akutt (vises først)').setChecked(Boolean(alt3.acute));
  await select(page, alt3.source.lines);
  await page.getByRole('button', { name: 'Lag situasjonen av utvalget' }).click();
  await done(page, `Situasjonen «${alt3.id}» er laget`);
  assert.equal(await page.getByLabel('Situasjon du bygger').inputValue(), alt3.id);

  // The nodes in order, then where each leads.
  const kinds = { steps: 'steps', question: 'question', end: 'end' };
  for (const node of alt3.nodes) {
    await page.getByLabel('Nodens id').fill(node.id);
    await page.getByLabel('Slags node').selectOption(kinds[node.type]);
    if (node.type === 'question') await page.getByLabel('Spørsmålet noden stiller').selectOption(node.question);
    await page.getByRole('button', { name: 'Legg til noden' }).click();
    await done(page, `Noden «${node.id}» er lagt til`);
  }
  for (const node of alt3.nodes) {
    if (node.type === 'steps' && node.next) {
      await page.getByLabel(`Neste etter «${node.id}»`).selectOption(node.next);
      await done(page, `Neste etter «${node.id}» er endret.`);
    }
    if (node.type === 'question') {
      for (const [answer, next] of Object.entries(node.next)) {
        const label = age.answers.find((a) => a.id === answer).label;
        await page.getByLabel(`«${label}» leder til`).selectOption(next);
        await page.locator(`#build-status`, { hasText: `Neste etter «${node.id}» er endret.` }).waitFor();
        assert.equal(await page.getByLabel(`«${label}» leder til`).inputValue(), next);
      }
    }
  }

  // The steps, each from its lines.
  const roleName = (id) => bundled.roles.find((r) => r.id === id).name;
  let mouse = true;
  for (const node of alt3.nodes.filter((n) => n.type === 'steps')) {
    for (const step of node.steps) {
      if (mouse && step.source.lines[0] !== step.source.lines[1]) {
        // The mouse's way once: click the first line, shift-click the last.
        await page.locator(`#linje-${step.source.lines[0]}`).click();
        await page.locator(`#linje-${step.source.lines[1]}`).click({ modifiers: ['Shift'] });
        assert.equal(await page.getByLabel('Fra linje').inputValue(), String(step.source.lines[0]));
        assert.equal(await page.getByLabel('Til linje').inputValue(), String(step.source.lines[1]));
        assert.equal(await page.locator('.source-lines li.selected').count(), step.source.lines[1] - step.source.lines[0] + 1);
        mouse = false;
      } else {
        await select(page, step.source.lines);
      }
      await page.getByLabel('I noden', { exact: true }).selectOption(node.id);
      await page.getByLabel('Trinnets id').fill(step.id);
      const text = page.getByLabel('Trinnets tekst');
      const prefilled = await text.inputValue();
      assert.ok(prefilled.includes(step.text), `${step.id}: the text comes from the lines: ${prefilled}`);
      if (prefilled !== step.text) {
        // Cutting is allowed; an invented word is shown where it departs.
        await text.fill(`${step.text} straks`);
        await page.locator('#step-departure', { hasText: 'ordrett fra «straks»' }).waitFor();
        await text.fill(step.text);
        await page.waitForFunction(() => document.getElementById('step-departure').textContent === '');
      }
      await page.getByLabel('Ansvarlig', { exact: true }).selectOption(step.responsible ?? '');
      const contact = page.getByRole('group', { name: 'Kontakt', exact: true });
      for (const role of step.contact ?? []) await contact.getByLabel(roleName(role), { exact: true }).check();
      await page.getByLabel('Hvor raskt').fill(step.urgency ?? '');
      await page.getByLabel('Bare når spørsmålet', { exact: true }).selectOption(step.when?.question ?? '');
      for (const answer of step.when?.answer_in ?? []) {
        const label = age.answers.find((a) => a.id === answer).label;
        await page.getByRole('group', { name: 'er besvart med', exact: true }).getByLabel(label, { exact: true }).check();
      }
      await page.getByLabel('Trinnet er planens krav om dokumentasjon').setChecked(Boolean(step.documents));
      await page.getByRole('button', { name: 'Lag trinnet av utvalget' }).click();
      await done(page, `Trinnet «${step.id}» er lagt til.`);
      await focusOn(page, `made-step-${step.id}`, 'focus on the step made');

      if (step.meeting) {
        await page.getByLabel('Trinnet med møtet').selectOption(step.id);
        for (const participant of step.meeting.participants) {
          await page.getByLabel('Deltaker', { exact: true }).selectOption(participant.role);
          await page.getByRole('button', { name: 'Legg til deltakeren' }).click();
          await done(page, `Rollen «${participant.role}» er med i møtet`);
        }
        for (const item of step.meeting.agenda) {
          await select(page, item.source.lines);
          await page.getByText(`Utvalget: «${item.text}»`).waitFor();
          await page.getByRole('button', { name: 'Legg til punkt av utvalget' }).click();
          await page.locator('#build-status', { hasText: 'Punktet er lagt til' }).waitFor();
          await page.getByLabel('Fra linje').fill('');
        }
      }
    }
  }

  // A step naming no id is refused with the domain's reason, focused.
  await select(page, [162, 162]);
  await page.getByLabel('Trinnets id').fill('Trinn 1');
  await page.getByRole('button', { name: 'Lag trinnet av utvalget' }).click();
  await page.locator('#step-error', { hasText: 'Trinnets id må være små bokstaver' }).waitFor();
  await focusOn(page, 'step-error');

  // The checks follow: every text word for word; the coverage of
  // Alternativ 3 is complete (the other procedures are not built).
  await page.getByText('Alle tekster står ordrett i linjene de viser til.').waitFor();
  assert.equal(await page.locator('.studio-problems li', { hasText: '(alternativ-3)' }).count(), 0);
  await page.locator('.studio-flowchart[data-situation="alternativ-3"]').waitFor();

  assert.deepEqual(await axeViolations(page), [], 'axe with the forms open');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned planfilen' }).click()]);
  const made = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(made.situations.find((s) => s.id === 'alternativ-3'), alt3, 'the same nodes, steps, texts, citations, roles, urgency, conditions and meeting');
  assert.deepEqual(made.questions.find((q) => q.id === 'alder'), age);
  assert.deepEqual(made.pupil_questions, ['alder']);
  assert.deepEqual(made.roles, bundled.roles.map((r) => { const { duties, source, ...rest } = r; return rest; }));
  assert.deepEqual(errors, []);
  await context.close();
});

test('other texts from a selection (a goal, a resource from an address found in the text, a duty note with a condition), an uncovered line selecting itself, steps moved and removed, the parents\' page and a translation', async () => {
  const { context, page, errors } = await studioPage(browser, app.url);
  await page.getByLabel('Åpne planens tekst (.txt)').setInputFiles(join(root, 'assets/plans/sources', SOURCE));
  await page.getByLabel('Planens id').fill('ny-plan');
  await page.getByLabel('Skolens navn').fill('Skolen');
  await page.getByLabel('Planens tittel').fill('Plan');
  await page.getByLabel('Kort id for teksten').fill(bundled.documents[0].id);
  await page.getByRole('button', { name: 'Lag ny plan' }).click();
  await done(page, 'Ny plan «ny-plan» er laget.');

  // A goal, word for word from its line.
  const goal = bundled.goals[0];
  await page.getByLabel('Del av planen').fill(goal.source.section);
  await select(page, goal.source.lines);
  await page.getByLabel('Lag av utvalget').selectOption('goal');
  await page.getByRole('button', { name: 'Lag av utvalget', exact: true }).click();
  await done(page, 'Mål: lagt til av utvalget.');

  // A resource: the address as found in the text, on its line.
  const resource = bundled.resources[0];
  await page.getByRole('button', { name: `Bruk adresse ${resource.url} (linje ${resource.source.lines[0]})` }).click();
  assert.equal(await page.getByLabel('Fra linje').inputValue(), String(resource.source.lines[0]));
  assert.equal(await page.getByLabel('Adressen').inputValue(), resource.url);
  await focusOn(page, 'link-title');
  await page.getByLabel('Del av planen').fill(resource.source.section);
  await page.getByLabel('Lenkens tittel').fill(resource.title);
  await page.getByRole('button', { name: 'Legg til lenken' }).click();
  await done(page, `Lenken «${resource.title}» er lagt til.`);

  // A sign before the checklist has a title is refused, and says so.
  await page.getByLabel('Lag av utvalget').selectOption('sign');
  await page.getByLabel('Id (tegn eller merknad)').fill('tegn-1');
  await page.getByRole('button', { name: 'Lag av utvalget', exact: true }).click();
  await page.locator('#cited-error', { hasText: 'Gi sjekklisten en tittel først.' }).waitFor();
  await focusOn(page, 'cited-error');

  // A duty note that holds only for one answer.
  await page.getByLabel('Spørsmålets id').fill('alder');
  await page.getByLabel('Spørsmålet slik appen stiller det').fill('Er eleven under 18 år?');
  await page.getByRole('button', { name: 'Legg til spørsmålet' }).click();
  await done(page, 'Spørsmålet «alder» er lagt til.');
  await page.getByLabel('Svaret slik appen viser det').fill('Under 18 år');
  await page.getByLabel('Svarets id').fill('under-18');
  await page.getByRole('button', { name: 'Legg til svaret' }).click();
  await done(page, 'Svaret «Under 18 år» er lagt til.');
  await page.getByLabel('Lag av utvalget').selectOption('duty-note');
  await page.getByLabel('Id (tegn eller merknad)').fill('foresatte');
  await page.getByLabel('Gjelder når spørsmålet').selectOption('alder');
  await page.getByRole('group', { name: 'er besvart med', exact: true }).getByLabel('Under 18 år', { exact: true }).check();
  await page.getByLabel('Del av planen').fill('Alternativ 3');
  await select(page, [164, 167]);
  await page.getByRole('button', { name: 'Lag av utvalget', exact: true }).click();
  await done(page, 'Opplysningsplikt: merknad: lagt til av utvalget.');

  // A procedure with no steps yet: its lines are uncovered, each a button
  // that selects it.
  await select(page, alt3.source.lines);
  await page.getByLabel('Situasjonens id').fill(alt3.id);
  await page.getByLabel('Situasjonens tittel').fill(alt3.title);
  await page.getByLabel('Teksten på knappen').fill(alt3.label);
  await page.getByRole('button', { name: 'Lag situasjonen av utvalget' }).click();
  await done(page, `Situasjonen «${alt3.id}» er laget`);
  await page.getByRole('button', { name: 'Velg linje 162' }).click();
  assert.equal(await page.getByLabel('Fra linje').inputValue(), '162');
  assert.equal(await page.getByLabel('Til linje').inputValue(), '162');
  await page.getByText('Utvalget: «Vurderingssamtale rundt eleven.»').waitFor();

  // Steps in order: moved and removed from the outline.
  await page.getByLabel('Nodens id').fill('forst');
  await page.getByRole('button', { name: 'Legg til noden' }).click();
  await done(page, 'Noden «forst» er lagt til');
  for (const [id, line] of [['en', 162], ['to', 163], ['tre', 172]]) {
    await select(page, [line, line]);
    await page.getByLabel('Trinnets id').fill(id);
    await page.getByRole('button', { name: 'Lag trinnet av utvalget' }).click();
    await done(page, `Trinnet «${id}» er lagt til.`);
  }
  await page.getByRole('button', { name: /^Opp\s*: flytt trinnet «tre»$/ }).click();
  await done(page, 'Flyttet trinnet «tre» opp.');
  await focusOn(page, 'made-step-tre', 'focus stays on the moved step');
  await page.getByRole('button', { name: 'Fjern trinnet «en»' }).click();
  await done(page, 'Fjernet trinnet «en».');
  await page.getByRole('button', { name: /^Opp\s*: flytt trinnet «tre»$/ }).click();
  await page.getByRole('button', { name: /^Opp\s*: flytt trinnet «tre»$/ }).click();
  await page.locator('#outline-error', { hasText: 'Trinnet «tre» står allerede først.' }).waitFor();

  // The parents' page, and a translation of a text the plan shows.
  await page.getByLabel('Rollens id').fill('foresatte');
  await page.getByLabel('Rollens navn').fill('Foresatte');
  await page.getByRole('button', { name: 'Legg til rollen' }).click();
  await done(page, 'Rollen «Foresatte» er lagt til.');
  await page.getByLabel('Rollen som er foresatte i fremgangsmåtene').selectOption('foresatte');
  await page.getByRole('group', { name: 'Merknader om opplysningsplikt som gjelder foresatte' }).getByLabel(/^Foresatte kontaktes/).check();
  await page.getByRole('button', { name: 'Sett foresattesiden' }).click();
  await done(page, 'Foresattesiden er satt.');
  await page.getByLabel('Teksten på bokmål').selectOption(goal.text);
  await page.getByLabel('Oversettelsen').fill('A drug-free school environment.');
  await page.getByRole('button', { name: 'Legg til oversettelsen' }).click();
  await done(page, 'Oversettelsen er lagt til.');
  assert.deepEqual(await axeViolations(page), [], 'axe with the outline and every form');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned planfilen' }).click()]);
  const made = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(made.situations[0].nodes[0].steps.map((s) => s.id), ['tre', 'to']);
  assert.deepEqual(made.parents, { role: 'foresatte', duty_notes: ['foresatte'] });
  assert.deepEqual(made.translations, { en: { [goal.text]: 'A drug-free school environment.' } });
  assert.deepEqual(made.goals, [goal]);
  assert.deepEqual(made.resources, [resource]);
  assert.deepEqual(made.confidentiality.duty_to_inform, [{
    id: 'foresatte',
    text: 'Foresatte kontaktes dersom eleven er under 18 år og er ansvarlig for å hente eleven.',
    when: { question: 'alder', answer_in: ['under-18'] },
    source: { document: bundled.documents[0].id, section: 'Alternativ 3', lines: [164, 167] },
  }]);
  assert.equal(made.checklist, undefined, 'the refused sign made nothing');
  await page.getByText('Alle tekster står ordrett i linjene de viser til.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
