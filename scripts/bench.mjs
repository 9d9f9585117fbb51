// Rusplan's benchmark: prints figures, never passes or fails.
//  1. the size of every file of the release build: raw, gzip, brotli, and
//     the first-load transfer;
//  2. navigation → interactive (the home screen's situation buttons are
//     there and respond) in headless Chromium at 360×640 with 4× CPU
//     throttling, median of RUNS runs: first online load, and start from
//     the service worker with the server stopped; and the same for a static
//     HTML page holding the same plan text, from the same server.
//     The buttons are there and take a tap as soon as the prerendered home
//     is parsed (assets/prerender.js holds a tap until the app opens it);
//     "app running" is when the app has replaced it, printed beside it.
//  3. typing in a draft's 1 MB note at 4× CPU throttling: the time each
//     keystroke's task takes (from keydown until the page can paint again),
//     and the one write when typing pauses. A frame is 16.7 ms.
// The engine's time per route is measured natively (route_bench example).
import { readFileSync, readdirSync, statSync, mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, DIST, PHONE, planJson } from '../tests/e2e/harness.mjs';
import { serve } from '../tests/e2e/server.mjs';

const RUNS = Number(process.env.RUNS ?? 11);
const kB = (n) => (n / 1000).toFixed(1);

// 1. Sizes.
const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
const files = walk(DIST).filter((f) => !/\.(br|gz)$/.test(f)).sort();
const size = (f) => { try { return statSync(f).size; } catch { return NaN; } };
const rows = files.map((f) => ({ file: f.slice(DIST.length + 1), raw: size(f), gz: size(`${f}.gz`), br: size(`${f}.br`) }));
// What a first visit fetches to show the app (the service worker then
// precaches the rest, icons included, in the background).
const critical = /^(index\.html|boot-.*\.js|rusplan-.*\.js|rusplan-.*_bg\.wasm|main-.*\.css|pwa\.js|load-wasm\.js|prerender\.js|manifest\.webmanifest|icons\/icon\.svg)$/;
console.log('\nFile sizes (bytes)');
console.log('file'.padEnd(42), 'raw'.padStart(9), 'gzip'.padStart(9), 'brotli'.padStart(9), ' first load');
for (const r of rows) {
  console.log(r.file.padEnd(42), String(r.raw).padStart(9), String(r.gz || '-').padStart(9), String(r.br || '-').padStart(9), critical.test(r.file) ? '  *' : '');
}
const sum = (pick, only) => rows.filter((r) => !only || critical.test(r.file)).reduce((a, r) => a + (r[pick] || r.raw), 0);
console.log(`First-load transfer (*): ${kB(sum('br', true))} kB brotli, ${kB(sum('gz', true))} kB gzip, ${kB(sum('raw', true))} kB raw`);
const homeFirst = /^(index\.html|main-.*\.css|prerender\.js)$/;
console.log(`  of which the prerendered home needs (index.html, CSS, prerender.js): ${kB(rows.filter((r) => homeFirst.test(r.file)).reduce((a, r) => a + r.br, 0))} kB brotli`);
console.log(`Everything the service worker precaches: ${kB(sum('br'))} kB brotli`);
// A parent's first visit: the plan's static page, the stylesheet, the
// script that registers the service worker, and the icon.
const parentsFirst = /^(foresatte\/halden-vgs\.html|main-.*\.css|parents-offline\.js|icons\/icon\.svg)$/;
console.log(`Parents' first visit (foresatte/halden-vgs.html, CSS, parents-offline.js, icon): ${kB(rows.filter((r) => parentsFirst.test(r.file)).reduce((a, r) => a + r.br, 0))} kB brotli`);
// The handout with the QR code, a program of its own.
const drafts = /^calm-.*\.(js|wasm)$/;
console.log(`Drafts' program (/saker…, its wasm and JS; not in the first load): ${kB(rows.filter((r) => drafts.test(r.file)).reduce((a, r) => a + r.br, 0))} kB brotli`);
const handout = /^(foresatte\.html|foresatte-link\.js|parents-.*|main-.*\.css)$/;
console.log(`Handout with the QR code (foresatte.html, its wasm and JS, CSS): ${kB(rows.filter((r) => handout.test(r.file)).reduce((a, r) => a + r.br, 0))} kB brotli`);

// A static HTML page with the same plan text: the floor for start-up.
const plan = planJson('halden-vgs');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const css = readdirSync(DIST).find((f) => /^main-.*\.css$/.test(f));
const staticDir = mkdtempSync(join(tmpdir(), 'rusplan-static-'));
cpSync(join(DIST, css), join(staticDir, css));
const steps = (s) => s.nodes.flatMap((n) => n.steps ?? []);
writeFileSync(join(staticDir, 'index.html'), `<!doctype html><html lang="nb"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Rusplan (statisk)</title>
<link rel="stylesheet" href="./${css}"></head><body><main>
<h1>Hva har skjedd?</h1><ul class="situations">
${plan.situations.map((s) => `<li><a class="situation" href="#${s.id}">${esc(s.label)}</a></li>`).join('\n')}</ul>
${plan.situations.map((s) => `<section id="${s.id}"><h2>${esc(s.title)}</h2><ol>${steps(s).map((st) => `<li>${esc(st.text)}${(st.meeting?.agenda ?? []).map((a) => `<br>${esc(a.text)}`).join('')}</li>`).join('')}</ol></section>`).join('\n')}
<h2>Kontakter</h2><ul>${plan.contacts.map((c) => `<li><a href="tel:${c.phone.replace(/ /g, '')}">${esc(c.name)} ${esc(c.phone)}</a></li>`).join('')}</ul>
<h2>Sjekkliste</h2><ul>${plan.checklist.groups.flatMap((g) => g.signs).map((s) => `<li>${esc(s.text)}</li>`).join('')}</ul>
</main></body></html>`);

// 2. Timing.
const browser = await launch();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** ms from navigation start until a situation button is there and, once
 *  tapped, changes the page (a route change in the app, the hash in the
 *  static page); and until the app itself runs (the prerender is gone). */
async function interactive(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__app !== undefined, null, { polling: 'raf', timeout: 60000 });
  return page.evaluate(() => [window.__ready, window.__app]);
}

/** One cold run against `target`: a fresh browser context, the first
 *  online load, a tap, then the start from the service worker with the
 *  server stopped (the app) or from the browser's cache (the static page). */
async function runOnce(target) {
  const context = await browser.newContext({ ...PHONE });
  // Bypasses the page's CSP (it is injected by the browser, not the page).
  await context.addInitScript(() => {
    const seen = () => {
      // A button in a hidden prerendered home (another plan's) is not there.
      const button = [...document.querySelectorAll('.situations a')].find((a) => !a.closest('[hidden]'));
      if (!button) return false;
      window.__ready ??= performance.now();
      if (document.querySelector('.prerender')) return false;
      window.__app = performance.now();
      return true;
    };
    if (!seen()) {
      new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
        .observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
    }
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const url = `${target.server.url}/`;
  const [online, onlineApp] = await interactive(page, url);
  // Check the buttons respond: tapping one changes the page.
  const before = page.url();
  await page.locator('.situations a').first().click();
  await page.waitForFunction((u) => location.href !== u, before);
  if (target.serviceWorker) {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await target.server.close();
  }
  const [offline, offlineApp] = await interactive(page, url);
  if (target.serviceWorker) target.server = await serve(target.root, { spa: true, port: Number(new URL(url).port) });
  await context.close();
  return { online, onlineApp, offline, offlineApp };
}

console.log(`\nNavigation → interactive, 360×640, 4× CPU throttling (median of ${RUNS}; app and static page take turns)`);
const targets = {
  app: { root: DIST, serviceWorker: true, server: await serve(DIST, { spa: true }), runs: [] },
  floor: { root: staticDir, serviceWorker: false, server: await serve(staticDir, { spa: true }), runs: [] },
};
for (let run = 0; run < RUNS; run++) {
  for (const target of Object.values(targets)) target.runs.push(await runOnce(target));
}
const figure = (target, key) => median(target.runs.map((r) => r[key]));
const ms = (x) => `${x.toFixed(0).padStart(5)} ms`;
const runs = (target, key) => target.runs.map((r) => r[key].toFixed(0)).join(' ');
const { app, floor } = targets;
console.log(`${'Rusplan (release build)'.padEnd(30)} first load ${ms(figure(app, 'online'))}   offline start ${ms(figure(app, 'offline'))}   (runs: ${runs(app, 'online')} | ${runs(app, 'offline')})`);
console.log(`${'  of which app running'.padEnd(30)} first load ${ms(figure(app, 'onlineApp'))}   offline start ${ms(figure(app, 'offlineApp'))}`);
console.log(`${'Static HTML, same plan text'.padEnd(30)} first load ${ms(figure(floor, 'online'))}   repeat load   ${ms(figure(floor, 'offline'))}   (runs: ${runs(floor, 'online')} | ${runs(floor, 'offline')})`);
console.log(`Ratio app/static: first load ${(figure(app, 'online') / figure(floor, 'online')).toFixed(2)}×, offline start ${(figure(app, 'offline') / figure(floor, 'offline')).toFixed(2)}× (budget 1.5×)`);
console.log(`  app running/static: first load ${(figure(app, 'onlineApp') / figure(floor, 'online')).toFixed(2)}×, offline start ${(figure(app, 'offlineApp') / figure(floor, 'offline')).toFixed(2)}×`);
await Promise.all(Object.values(targets).map((t) => t.server.close()));

// 3. Typing in a long note, side by side with a plain textarea holding the
// same text in a static page (what the browser itself spends per key).
{
  const server = await serve(DIST, { spa: true });
  const plainDir = mkdtempSync(join(tmpdir(), 'rusplan-textarea-'));
  writeFileSync(join(plainDir, 'index.html'), '<!doctype html><title>textarea</title><textarea id="notes" rows="5"></textarea>');
  const plain = await serve(plainDir, { spa: false });
  const NOTE = 'Observert i timen. '.repeat(55_000).slice(0, 1_000_000);
  const typeInto = async (url, prepare) => {
    const context = await browser.newContext({ ...PHONE });
    await context.addInitScript(() => {
      window.__writes = [];
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        const start = performance.now();
        const result = set.call(this, key, value);
        if (key.startsWith('rusplan.case.')) window.__writes.push(performance.now() - start);
        return result;
      };
      // keydown (the first listener) → the task queued then, which runs once
      // the key's default action and every input handler are done.
      window.__keys = [];
      addEventListener('keydown', () => {
        const start = performance.now();
        setTimeout(() => window.__keys.push(performance.now() - start), 0);
      }, { capture: true });
      // The page's own share: time in the input event's handlers (Event
      // Timing; every key here is slow enough to be reported).
      window.__handlers = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'input') window.__handlers.push(e.processingEnd - e.processingStart);
      }).observe({ type: 'event', durationThreshold: 16 });
    });
    const page = await context.newPage();
    await page.goto(url);
    await prepare(page);
    const notes = page.locator('#notes');
    await notes.fill(NOTE);
    await page.waitForTimeout(1500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await notes.evaluate((el) => { el.focus(); el.setSelectionRange(el.value.length, el.value.length); });
    await page.evaluate(() => { window.__keys = []; window.__writes = []; window.__handlers = []; });
    for (const key of 'Mor er ringt kl ti'.split('')) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await page.waitForTimeout(100);
    }
    await notes.blur();
    await page.waitForTimeout(2000);
    const result = await page.evaluate(() => ({ keys: window.__keys, writes: window.__writes, handlers: window.__handlers }));
    await context.close();
    return result;
  };
  const app = await typeInto(`${server.url}/saker`, (page) => page.getByRole('button', { name: 'Ny sak' }).click());
  const floor = await typeInto(`${plain.url}/`, async () => {});
  const line = (name, r) => `  ${name.padEnd(30)} in the page's input handlers: median ${median(r.handlers).toFixed(1).padStart(5)} ms, slowest ${Math.max(...r.handlers).toFixed(1).padStart(5)} ms`
    + ` | key to next task (browser included): median ${median(r.keys).toFixed(0)} ms`;
  console.log(`\nTyping at the end of a 1 MB note, 4× CPU throttling (${app.keys.length} keys; a frame is 16.7 ms)`);
  console.log(line('Rusplan (a draft\'s notes)', app));
  console.log(line('Static page, plain textarea', floor));
  console.log(`  Rusplan's writes while typing and after the pause: ${app.writes.length} (${app.writes.map((w) => `${w.toFixed(0)} ms`).join(', ')})`);
  await server.close();
  await plain.close();
}
// 4. The lock (issue 13): the PIN's key derivation (PBKDF2-SHA256, the
// iterations crates/domain/src/lock.rs sets) alone, and as staff feel it: setting the
// PIN, unlocking, and opening the drafts from the guidance. 4× CPU.
{
  const server = await serve(DIST, { spa: true });
  const iterations = Number(/PBKDF2_ITERATIONS: u32 = ([0-9_]+)/.exec(readFileSync(new URL('../crates/domain/src/lock.rs', import.meta.url), 'utf8'))?.[1].replace(/_/g, ''));
  const kdf = [], setPin = [], unlock = [], toDrafts = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ ...PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}/saker`);
    await page.getByLabel('Ny PIN-kode (minst 6 tegn)').waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    kdf.push(await page.evaluate(async (iterations) => {
      const start = performance.now();
      const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('471902'), 'PBKDF2', false, ['deriveBits']);
      await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: crypto.getRandomValues(new Uint8Array(16)), iterations }, key, 256);
      return performance.now() - start;
    }, iterations));
    await page.getByLabel('Ny PIN-kode (minst 6 tegn)').fill('471902');
    await page.getByLabel('Gjenta PIN-koden').fill('471902');
    let start = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Lås med PIN-kode' }).click();
    await page.getByRole('button', { name: 'Lås utkastene' }).waitFor();
    setPin.push(await page.evaluate(() => performance.now()) - start);
    await page.getByRole('button', { name: 'Ny sak' }).click();
    await page.locator('#pupil-ref').fill('AB');
    await page.waitForFunction(() => Object.values(localStorage).some((v) => v.startsWith('{"sealed"')));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => !document.querySelector('.prerender') && document.querySelector('h1'));
    await cdp.detach();
    const throttled = await context.newCDPSession(page);
    await throttled.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    start = Date.now();
    await page.getByRole('link', { name: 'Saker' }).click();
    await page.getByLabel('PIN-kode', { exact: true }).waitFor();
    toDrafts.push(Date.now() - start);
    await page.getByLabel('PIN-kode', { exact: true }).fill('471902');
    start = Date.now();
    await page.getByRole('button', { name: 'Lås opp' }).click();
    await page.locator('.case-row').waitFor();
    unlock.push(Date.now() - start);
    await context.close();
  }
  const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(' ')})`;
  console.log(`\nThe lock, 4× CPU throttling (${iterations} PBKDF2-SHA256 iterations; 5 runs)`);
  console.log(`  key derivation alone (WebCrypto):            ${fmt(kdf)}`);
  console.log(`  setting the PIN (key pair, wrap, seal all):   ${fmt(setPin)}`);
  console.log(`  Saker from the guidance (the calm program): ${fmt(toDrafts)}`);
  console.log(`  unlocking with one case (tap to the list):    ${fmt(unlock)}`);
  await server.close();
}
await browser.close();
