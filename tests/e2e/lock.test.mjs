// The drafts locked and encrypted at rest: what is stored after a run, a
// reload, the right and the wrong PIN, ticks while locked, the lock that
// comes on by itself, the forgotten PIN, drafts from before the PIN (also
// when the sealing was cut off by a reload), a tampered entry, and the
// referat only when unlocked; and unlocking with a passkey (WebAuthn PRF)
// in Chromium's virtual authenticator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startApp, phonePage, open, axeViolations } from './harness.mjs';

let app, browser;
before(async () => { app = await startApp(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

const PIN = '471902';
const PUPIL = 'KJ-elev';
const NOTE = 'Luktet cannabis i friminuttet';

/** Everything the origin keeps: localStorage, sessionStorage, IndexedDB and
 *  Cache Storage, as one text to search. */
const everythingStored = (page) => page.evaluate(async () => {
  const parts = [];
  for (const store of [localStorage, sessionStorage]) {
    for (const key of Object.keys(store)) parts.push(key, store.getItem(key));
  }
  for (const info of (await indexedDB.databases?.()) ?? []) parts.push(`indexeddb:${info.name}`);
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      parts.push(request.url, await (await cache.match(request)).text());
    }
  }
  return parts.join('\n');
});

const caseKeys = (page) => page.evaluate(() =>
  Object.keys(localStorage).filter((k) => k.startsWith('rusplan.case.')));

/** Waits until every stored case is sealed and there are `count` of them. */
const sealedCases = (page, count) => page.waitForFunction((count) => {
  const keys = Object.keys(localStorage).filter((k) => k.startsWith('rusplan.case.'));
  return keys.length === count && keys.every((k) => localStorage.getItem(k).startsWith('{"sealed"'));
}, count);

/** Goes to an app page without reloading it (a reload locks the drafts):
 *  through an in-app link, as a tap on one does. */
async function goInApp(page, path) {
  const href = new URL(app.url).pathname.replace(/\/$/, '') + path;
  await page.evaluate((href) => {
    const link = Object.assign(document.createElement('a'), { href });
    document.body.append(link);
    link.click();
    link.remove();
  }, href);
  await page.waitForFunction((href) => location.pathname === href, href);
}

async function setPin(page, pin = PIN, at = app.url) {
  await open(page, `${at}/saker`);
  await page.getByLabel('Ny PIN-kode (minst 6 tegn)').fill(pin);
  await page.getByLabel('Gjenta PIN-koden').fill(pin);
  await page.getByRole('button', { name: 'Lås med PIN-kode' }).click();
  await page.getByRole('button', { name: 'Lås utkastene' }).waitFor();
}

async function unlock(page, pin = PIN) {
  await page.getByLabel('PIN-kode', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Lås opp', exact: true }).click();
}

/** A case with a pupil reference and a note, written. */
async function caseWithNote(page) {
  await goInApp(page, '/saker');
  await page.getByRole('button', { name: 'Ny sak' }).click();
  await page.locator('#pupil-ref').fill(PUPIL);
  await page.getByRole('textbox', { name: 'Notater' }).fill(NOTE);
  await page.getByRole('link', { name: 'Saker' }).click();
  await page.locator('h1', { hasText: 'Saker' }).waitFor();
}

test('after a run nothing about the pupil is stored in plain text; a reload locks, the guidance still works, the right PIN opens and a wrong one is refused', async () => {
  const { page, context, errors } = await phonePage(browser);
  await setPin(page);
  await caseWithNote(page);
  await sealedCases(page, 1);
  const stored = await everythingStored(page);
  assert.ok(stored.includes('rusplan.keyring'), 'the scan sees what the app stores');
  assert.ok(!stored.includes(PUPIL) && !stored.includes(NOTE), 'neither the pupil nor the note in plain text');

  await page.reload();
  await page.locator('h1', { hasText: 'Utkastene er låst' }).waitFor();
  assert.equal(await page.getByText(NOTE).count(), 0, 'the note is not shown');
  assert.deepEqual(await axeViolations(page), []);

  // The guidance never asks for the PIN.
  await open(page, `${app.url}/situasjon/alternativ-3`);
  await page.getByText('Loggen er låst.').waitFor();
  assert.ok(await page.getByRole('link', { name: /Ring 112/ }).first().isVisible());

  await open(page, `${app.url}/saker`);
  await unlock(page, '000000');
  await page.getByText('Feil PIN-kode.').waitFor();
  assert.equal(await page.getByText(NOTE).count(), 0);
  await unlock(page);
  await page.getByRole('link', { name: new RegExp(PUPIL) }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Notater' }).inputValue(), NOTE);
  assert.deepEqual(errors, []);
  await context.close();
});

test('wrong PINs are met with a growing wait that a reload does not reset, and say nothing of how close they were', async () => {
  const { page, context } = await phonePage(browser);
  await setPin(page);
  await page.reload();
  const messages = [];
  const alert = page.locator('.lock-form [role="alert"]');
  for (const [n, guess] of ['471903', '471900', '999999'].entries()) {
    await unlock(page, guess);
    await page.waitForFunction((n) => JSON.parse(localStorage.getItem('rusplan.lock.failures') ?? '{}').count === n, n + 1);
    await alert.filter({ hasText: 'Feil PIN-kode' }).waitFor();
    messages.push(await alert.textContent());
  }
  assert.equal(messages[0], 'Feil PIN-kode.');
  assert.equal(messages[1], 'Feil PIN-kode.', 'a near guess reads as any other');
  assert.match(messages[2], /Vent \d+ sekunder/);
  await page.reload();
  await unlock(page);
  await page.locator('.lock-form [role="alert"]', { hasText: /Vent \d+ sekunder/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Lås utkastene' }).count(), 0, 'still locked');
  await context.close();
});

test('what is ticked, answered and called while locked is there after unlocking, in the same case', async () => {
  const { page, context, errors } = await phonePage(browser);
  await setPin(page);
  await goInApp(page, '/saker');
  await page.getByRole('button', { name: 'Ny sak' }).click();
  await page.locator('#pupil-ref').fill(PUPIL);
  await page.getByLabel('Velg situasjonen som passer').selectOption({ label: 'Eleven opptrer ruset på skolen nå' });
  await page.getByRole('button', { name: 'Gå til fremgangsmåten' }).click();
  // The guidance is the other program, which never holds the key: its log
  // is sealed, and it says so.
  await page.getByText('Loggen er låst.').waitFor();
  await page.getByRole('button', { name: 'Under 18 år', exact: true }).click();
  await page.getByLabel('Rektor/ledelse kontaktes.').check();
  await sealedCases(page, 2);

  // A reload goes on with the same case (the address names it).
  await page.reload();
  await page.getByText('Loggen er låst.').waitFor();
  await page.getByRole('button', { name: 'Under 18 år', exact: true }).click();
  const step = page.getByLabel('Eleven tas umiddelbart ut av undervisningen');
  await step.check();
  // A tap on the log's link right after a tick: the sealed write is done first.
  await page.getByRole('link', { name: 'låser opp' }).click();
  await page.locator('h1', { hasText: 'Utkastene er låst' }).waitFor();
  const inStorage = await page.evaluate(() => Object.values(localStorage).join('\n'));
  assert.ok(!inStorage.includes('steps_done') && !inStorage.includes(PUPIL), 'all of it sealed');

  await unlock(page);
  await sealedCases(page, 1);
  assert.equal(await page.locator('.case-row').count(), 1, 'one case, not three');
  await page.locator('.case-row', { hasText: PUPIL }).click();
  const done = page.locator('section[aria-labelledby="done-title"]');
  await done.getByText('Rektor/ledelse kontaktes.').waitFor();
  await done.getByText('Eleven tas umiddelbart ut av undervisningen').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the lock comes on by itself after five minutes without use, and takes the case off the screen', async () => {
  const { page, context } = await phonePage(browser);
  await page.clock.install();
  await setPin(page);
  await caseWithNote(page);
  await sealedCases(page, 1);
  await page.getByRole('link', { name: new RegExp(PUPIL) }).click();
  await page.getByRole('textbox', { name: 'Notater' }).waitFor();
  await page.clock.fastForward('04:30');
  assert.equal(await page.getByRole('textbox', { name: 'Notater' }).count(), 1, 'not yet');
  await page.clock.fastForward('00:45');
  await page.locator('h1', { hasText: 'Utkastene er låst' }).waitFor();
  assert.equal(await page.getByText(NOTE).count(), 0);
  await context.close();
});

test('a forgotten PIN: the drafts are deleted, after a plain explanation, and nothing is left', async () => {
  const { page, context } = await phonePage(browser);
  await setPin(page);
  await caseWithNote(page);
  await sealedCases(page, 1);
  await page.reload();
  await page.getByText('Den eneste veien videre er å slette alt').waitFor();
  await page.getByRole('button', { name: 'Slett utkastene og PIN-koden …' }).click();
  await page.getByRole('button', { name: 'Ja, slett alt' }).click();
  await page.getByRole('heading', { name: 'Lås utkastene med en PIN-kode' }).waitFor();
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rusplan.')));
  assert.deepEqual(left, []);
  await context.close();
});

const plainDraft = (id, pupil, notes) => JSON.stringify({
  schema: 2,
  case: { id, plan_id: 'halden-vgs', created_at: 1, updated_at: 2, revision: 1, pupil_ref: pupil, notes, status: 'open' },
});

test('drafts stored in plain text are sealed when the PIN is set, and a sealing cut off by a reload finishes without the PIN', async () => {
  const { page, context } = await phonePage(browser);
  await open(page, `${app.url}/`);
  await page.evaluate(([a, b]) => {
    localStorage.setItem('rusplan.case.aaaa', a);
    localStorage.setItem('rusplan.case.bbbb', b);
  }, [plainDraft('aaaa', 'AB', 'Første notat'), plainDraft('bbbb', 'CD', 'Andre notat')]);
  await setPin(page);
  await sealedCases(page, 2);
  const stored = await everythingStored(page);
  assert.ok(!stored.includes('Første notat') && !stored.includes('Andre notat'));

  // Cut off half-way: the key ring is stored, one draft still plain.
  await page.evaluate((c) => localStorage.setItem('rusplan.case.cccc', c), plainDraft('cccc', 'EF', 'Tredje notat'));
  await page.reload();
  await sealedCases(page, 3);
  assert.ok(!(await everythingStored(page)).includes('Tredje notat'), 'sealed before any PIN was typed');
  await unlock(page);
  for (const pupil of ['AB', 'CD', 'EF']) await page.getByRole('link', { name: new RegExp(pupil) }).waitFor();
  await page.getByRole('link', { name: /EF/ }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Notater' }).inputValue(), 'Tredje notat');
  await context.close();
});

test('a tampered entry is set aside with its text to download; the others open; the referat needs the PIN', async () => {
  const { page, context } = await phonePage(browser);
  await setPin(page);
  await caseWithNote(page);
  await page.getByRole('button', { name: 'Ny sak' }).click();
  await page.locator('#pupil-ref').fill('Nr2');
  await page.getByRole('link', { name: 'Saker' }).click();
  await sealedCases(page, 2);
  const [first] = await caseKeys(page);
  await page.evaluate((key) => {
    const entry = JSON.parse(localStorage.getItem(key));
    const bytes = atob(entry.ct);
    entry.ct = btoa(String.fromCharCode(bytes.charCodeAt(0) ^ 1) + bytes.slice(1));
    localStorage.setItem(key, JSON.stringify(entry));
  }, first);
  await page.reload();
  await unlock(page);
  await page.getByRole('heading', { name: 'Utkast som ikke kan leses' }).waitFor();
  await page.getByText('innholdet er skadet eller endret').first().waitFor();
  assert.equal(await page.locator('.case-row').count(), 1, 'the other case opens');

  const id = (await caseKeys(page)).find((k) => k !== first).slice('rusplan.case.'.length);
  await page.getByRole('button', { name: 'Lås utkastene' }).click();
  await goInApp(page, `/saker/${id}/referat`);
  await page.locator('h1', { hasText: 'Utkastene er låst' }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Kopier|Last ned/ }).count(), 0, 'no export while locked');
  await context.close();
});

// Passkeys: WebAuthn takes no IP address as the site's id, so these tests
// use the server's host name.
const PASSKEY_BUTTON = 'Lås opp med fingeravtrykk, ansikt eller skjermlås';

/** A phone page with a platform authenticator that verifies its user and
 *  has the PRF extension, as a phone with a fingerprint reader does. */
async function pageWithAuthenticator({ hasPrf = true } = {}) {
  const phone = await phonePage(browser);
  const cdp = await phone.context.newCDPSession(phone.page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2', ctap2Version: 'ctap2_1', transport: 'internal', hasResidentKey: true,
      hasUserVerification: true, isUserVerified: true, hasPrf, automaticPresenceSimulation: true,
    },
  });
  // What the page asks WebAuthn for, and how often.
  await phone.page.addInitScript(() => {
    window.asked = [];
    for (const method of ['create', 'get']) {
      const original = navigator.credentials[method].bind(navigator.credentials);
      navigator.credentials[method] = (options) => {
        const key = options.publicKey;
        window.asked.push({ method, userVerification: key.userVerification ?? key.authenticatorSelection?.userVerification });
        return new Promise((resolve) => setTimeout(resolve, window.slowPasskey ?? 0)).then(() => original(options));
      };
    }
  });
  return { ...phone, cdp, authenticatorId, at: app.url.replace('127.0.0.1', 'localhost') };
}

const asked = (page) => page.evaluate(() => window.asked);

const keyring = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('rusplan.keyring')));

/** Adds a passkey from the lock's settings on Saker, confirming with `pin`. */
async function addPasskey(page, pin = PIN) {
  await page.getByLabel('PIN-kode (for å bekrefte)').fill(pin);
  await page.getByRole('button', { name: 'Legg til passnøkkel' }).click();
}

test('a passkey unlocks the drafts instead of the PIN; adding one asks for the PIN, and the PIN still opens', async () => {
  const { page, context, errors, cdp, authenticatorId, at } = await pageWithAuthenticator();
  await setPin(page, PIN, at);
  await caseWithNote(page);
  await sealedCases(page, 1);
  assert.equal(await page.getByRole('button', { name: PASSKEY_BUTTON }).count(), 0, 'no passkey offered before one is added');

  // A wrong PIN adds nothing, and counts like any wrong PIN.
  await addPasskey(page, '000000');
  await page.getByText('Feil PIN-kode.').waitFor();
  assert.equal((await keyring(page)).passkey, undefined);
  assert.equal((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length, 0);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('rusplan.lock.failures')).count), 1);

  await addPasskey(page);
  await page.getByText('Lagt til.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'passkey-title', 'focus on what changed');
  assert.deepEqual(await axeViolations(page), []);
  const ring = await keyring(page);
  assert.ok(ring.passkey?.wrapped_key && ring.passkey.credential_id && ring.passkey.prf_salt, 'the key is wrapped under the passkey too');
  assert.notEqual(ring.passkey.wrapped_key, ring.wrapped_key);
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.equal(credentials.length, 1);
  const stored = await everythingStored(page);
  assert.ok(!stored.includes(PUPIL) && !stored.includes(NOTE), 'neither the pupil nor the note in plain text');

  await page.reload();
  await page.locator('h1', { hasText: 'Utkastene er låst' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: PASSKEY_BUTTON }).click();
  await page.getByRole('link', { name: new RegExp(PUPIL) }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Notater' }).inputValue(), NOTE);
  assert.deepEqual(await asked(page), [{ method: 'get', userVerification: 'required' }], 'one prompt, the user verified');
  // The authenticator was asked, and verified its user.
  const [after] = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
  assert.ok(after.signCount > credentials[0].signCount, 'the passkey was used to unlock');

  // The PIN still opens (the reload is on the case's own page).
  await page.reload();
  await unlock(page);
  await page.getByRole('textbox', { name: 'Notater' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Notater' }).inputValue(), NOTE);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a passkey that fails (a tampered wrap, the user not verified) leaves the PIN as the way in, with nothing lost', async () => {
  const { page, context, cdp, authenticatorId, at } = await pageWithAuthenticator();
  await setPin(page, PIN, at);
  await caseWithNote(page);
  await addPasskey(page);
  await page.getByText('Lagt til.').waitFor();
  await sealedCases(page, 1);

  // Someone altered the passkey's wrap: it opens nothing, and says so.
  await page.evaluate(() => {
    const ring = JSON.parse(localStorage.getItem('rusplan.keyring'));
    const bytes = Uint8Array.from(atob(ring.passkey.wrapped_key), (c) => c.charCodeAt(0));
    bytes[0] ^= 1;
    ring.passkey.wrapped_key = btoa(String.fromCharCode(...bytes));
    localStorage.setItem('rusplan.keyring', JSON.stringify(ring));
  });
  await page.reload();
  await page.getByRole('button', { name: PASSKEY_BUTTON }).click();
  await page.getByText('passnøkkelen hører ikke til disse utkastene').waitFor();
  assert.equal(await page.getByText(NOTE).count(), 0);
  await unlock(page);
  await page.getByRole('link', { name: new RegExp(PUPIL) }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Notater' }).inputValue(), NOTE);

  // The device could not verify its user (a finger not recognised).
  await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
  await page.reload();
  await page.getByRole('button', { name: PASSKEY_BUTTON }).click();
  await page.getByText(/Kunne ikke låse opp med passnøkkel: .*Bruk PIN-koden\./).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'unlock-pin', 'focus goes to the PIN field');
  assert.equal(await page.getByText(NOTE).count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('rusplan.lock.failures')), null, 'a passkey failure is not a wrong PIN');
  await unlock(page);
  assert.equal(await page.getByRole('textbox', { name: 'Notater' }).inputValue(), NOTE);
  await context.close();
});

test('a passkey can be removed, and the forgotten-PIN wipe takes it with everything else', async () => {
  const { page, context, at } = await pageWithAuthenticator();
  await setPin(page, PIN, at);
  await addPasskey(page);
  await page.getByText('Lagt til.').waitFor();
  await page.getByRole('button', { name: 'Fjern passnøkkelen …' }).click();
  await page.getByRole('button', { name: 'Ja, fjern den' }).click();
  await page.getByText('Passnøkkelen er fjernet.').waitFor();
  const ring = await keyring(page);
  assert.equal(ring.passkey, undefined);
  assert.ok(ring.wrapped_key, 'the PIN still opens');
  await page.reload();
  await page.locator('h1', { hasText: 'Utkastene er låst' }).waitFor();
  assert.equal(await page.getByRole('button', { name: PASSKEY_BUTTON }).count(), 0);

  await unlock(page);
  await addPasskey(page);
  await page.getByText('Lagt til.').waitFor();
  await caseWithNote(page);
  await sealedCases(page, 1);
  await page.reload();
  await page.getByRole('button', { name: 'Slett utkastene og PIN-koden …' }).click();
  await page.getByRole('button', { name: 'Ja, slett alt' }).click();
  await page.getByRole('heading', { name: 'Lås utkastene med en PIN-kode' }).waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rusplan.'))), []);
  await context.close();
});

test('an authenticator without the PRF extension is refused with a reason, and the PIN stays the only way in', async () => {
  const { page, context, at } = await pageWithAuthenticator({ hasPrf: false });
  await setPin(page, PIN, at);
  await addPasskey(page);
  await page.getByText(/Kunne ikke legge til passnøkkel: passnøkkelen på denne enheten kan ikke låse opp/).waitFor();
  assert.equal((await keyring(page)).passkey, undefined);
  assert.deepEqual(await asked(page), [{ method: 'create', userVerification: 'required' }], 'not asked a second time');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'passkey-pin', 'focus back on the form');
  await page.reload();
  await page.locator('h1', { hasText: 'Utkastene er låst' }).waitFor();
  assert.equal(await page.getByRole('button', { name: PASSKEY_BUTTON }).count(), 0);
  await context.close();
});

test('another tab\'s changes opened out of order: an older copy whose opening is slow never replaces a newer one', async () => {
  const { page, context } = await phonePage(browser);
  await setPin(page);
  await caseWithNote(page);
  await sealedCases(page, 1);
  await page.locator('.case-row', { hasText: PUPIL }).click();
  const caseUrl = page.url();

  // A second tab, unlocked, on the same case; its next opening of a sealed
  // copy takes three seconds (as WebCrypto may on a busy phone).
  const other = await context.newPage();
  await other.addInitScript(() => {
    const decrypt = SubtleCrypto.prototype.decrypt;
    SubtleCrypto.prototype.decrypt = function (...args) {
      const slow = window.slowNextOpening;
      window.slowNextOpening = false;
      const opened = decrypt.apply(this, args);
      return slow ? new Promise((resolve) => setTimeout(resolve, 3000)).then(() => opened) : opened;
    };
  });
  await open(other, caseUrl);
  await unlock(other);
  const notes = other.getByRole('textbox', { name: 'Notater' });
  await notes.waitFor();
  await other.evaluate(() => { window.slowNextOpening = true; });

  // Two changes in quick succession here: the other tab opens the first
  // slowly, the second at once.
  const stored = () => page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('rusplan.case.'))[1]);
  const field = page.getByRole('textbox', { name: 'Notater' });
  let before = await stored();
  await field.fill(`${NOTE}, første`);
  await page.waitForFunction((before) => Object.entries(localStorage).find(([k]) => k.startsWith('rusplan.case.'))[1] !== before, before);
  before = await stored();
  await field.fill(`${NOTE}, andre`);
  await page.waitForFunction((before) => Object.entries(localStorage).find(([k]) => k.startsWith('rusplan.case.'))[1] !== before, before);

  const shows = async (note) => {
    for (let tries = 0; tries < 50 && (await notes.inputValue()) !== note; tries++) await other.waitForTimeout(100);
    return notes.inputValue();
  };
  assert.equal(await shows(`${NOTE}, andre`), `${NOTE}, andre`, 'the newer copy arrives');
  await other.waitForTimeout(3500);
  assert.equal(await notes.inputValue(), `${NOTE}, andre`, 'the newer copy stays');
  await context.close();
});

test('a wipe in another tab while the passkey prompt is open leaves this tab locked, not holding a key that is gone', async () => {
  const { page, context, at } = await pageWithAuthenticator();
  await setPin(page, PIN, at);
  await addPasskey(page);
  await page.getByText('Lagt til.').waitFor();
  await caseWithNote(page);
  await sealedCases(page, 1);
  await page.reload();
  await page.evaluate(() => { window.slowPasskey = 3000; });
  await page.getByRole('button', { name: PASSKEY_BUTTON }).click();

  const other = await context.newPage();
  await open(other, `${at}/saker`);
  await other.getByRole('button', { name: 'Slett utkastene og PIN-koden …' }).click();
  await other.getByRole('button', { name: 'Ja, slett alt' }).click();
  await other.getByRole('heading', { name: 'Lås utkastene med en PIN-kode' }).waitFor();

  await page.waitForFunction(() => window.asked.length === 1);
  await page.waitForTimeout(4000);
  assert.equal(await page.getByRole('button', { name: 'Lås utkastene' }).count(), 0, 'not unlocked');
  await page.getByRole('heading', { name: 'Lås utkastene med en PIN-kode' }).waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rusplan.'))), []);
  await context.close();
});
